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

    /** How long sent events stay in the table (for audit and replay). */
    @WithDefault("7d")
    Duration keepSent();
}
