package vn.vnn.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** {@code vnn.outbox.*}: how the outbox relay publishes. */
@ConfigMapping(prefix = "vnn.outbox")
public interface OutboxConfig {

    /** Whether this instance runs the relay. Writing to the outbox works either way. */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for unsent events when nothing woke it. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How many events one pass publishes at most. */
    @WithDefault("200")
    int batchSize();

    /** How long to wait for the broker's acknowledgement of one event. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** CloudEvents {@code source}; defaults to {@code /<quarkus.application.name>}. */
    Optional<String> source();

    /**
     * After how many attempts an event the broker refuses for good (a non-retriable error, e.g. too large) is parked:
     * set aside with its reason, the events after it of the same aggregate waiting, the others flowing on.
     * Retriable failures (Kafka unreachable) never park an event.
     */
    @WithDefault("5")
    int parkAfter();

    /** How long sent events stay in the table (for audit and replay). */
    @WithDefault("7d")
    Duration keepSent();
}
