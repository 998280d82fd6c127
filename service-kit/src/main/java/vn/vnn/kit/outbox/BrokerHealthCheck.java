package vn.vnn.kit.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Whether the broker answers, checked every few seconds. An unreachable broker does <em>not</em> make the service
 * unready: writes go on into the outbox and the relay catches up when it is back; the dependency is reported as
 * degraded in the health details ({@code kafka}) and in the metric {@code dependency_degraded{dependency="kafka"}}
 * (1 while unreachable), so operators see it without the orchestrator pulling every instance out.
 */
@Readiness
@ApplicationScoped
public class BrokerHealthCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(BrokerHealthCheck.class);

    private final KafkaClientSettings settings;
    private final Duration interval;
    private final BrokerState state = new BrokerState();
    private ScheduledExecutorService probe;
    private Admin admin;

    BrokerHealthCheck(KafkaClientSettings settings, MeterRegistry metrics,
                      @ConfigProperty(name = "vnn.kafka.probe-interval", defaultValue = "5s") Duration interval) {
        this.settings = settings;
        this.interval = interval;
        Gauge.builder("dependency_degraded", state, s -> s.reachable() ? 0 : 1).tag("dependency", "kafka")
                .description("1 while a dependency this service can work without is unreachable").register(metrics);
    }

    void onStart(@Observes StartupEvent event) {
        probe = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kafka-probe");
            thread.setDaemon(true);
            return thread;
        });
        probe.scheduleWithFixedDelay(this::probeOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (probe != null) {
            probe.shutdownNow();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    private void probeOnce() {
        try {
            if (admin == null) {
                Map<String, Object> config = new HashMap<>(settings.common());
                config.put(AdminClientConfig.CLIENT_ID_CONFIG, "broker-probe");
                config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
                config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
                admin = Admin.create(config);
            }
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).clusterId()
                    .get(4, TimeUnit.SECONDS);
            if (state.answered()) {
                LOG.info("Kafka answers again; the outbox relay publishes what waited");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (state.failed(e)) {
                LOG.warnf("Kafka does not answer (%s): the service stays ready, events wait in the outbox",
                        e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public HealthCheckResponse call() {
        return state.report();
    }

    /** What the probe last saw; the health check is UP either way and says whether the broker is degraded. */
    static final class BrokerState {
        private volatile boolean reachable = true;
        private volatile long unreachableSince;
        private volatile String lastError = "";

        boolean reachable() {
            return reachable;
        }

        /** The broker answered; true when it had not before. */
        boolean answered() {
            boolean was = reachable;
            reachable = true;
            lastError = "";
            return !was;
        }

        /** The broker did not answer; true when it had before. */
        boolean failed(Throwable e) {
            boolean was = reachable;
            if (was) {
                unreachableSince = System.nanoTime();
            }
            reachable = false;
            Throwable cause = e.getCause() == null ? e : e.getCause();
            lastError = cause.getClass().getSimpleName();
            return was;
        }

        HealthCheckResponse report() {
            var builder = HealthCheckResponse.named("kafka").up().withData("reachable", reachable)
                    .withData("degraded", !reachable);
            if (!reachable) {
                builder.withData("unreachableSeconds", (System.nanoTime() - unreachableSince) / 1_000_000_000L)
                        .withData("lastError", lastError);
            }
            return builder.build();
        }
    }
}
