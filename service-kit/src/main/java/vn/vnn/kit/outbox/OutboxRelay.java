package vn.vnn.kit.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.vnn.kit.sql.NativeValues;
import vn.vnn.kit.tracing.TraceParents;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.RecordMetadata;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox events to Kafka as binary-mode CloudEvents, strictly in the order they were written, and marks
 * each sent only after the broker acknowledged it. One relay at a time per database (a PostgreSQL advisory lock),
 * so events about one aggregate never overtake each other. When Kafka is unreachable the relay stops at the first
 * failure and tries again on the next tick: nothing is lost and publishing resumes by itself. An event the broker
 * refuses for good is parked after {@code vnn.outbox.park-after} attempts (health details, metric
 * {@code outbox_parked_events}); only the later events of its aggregate wait for it.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Key of the advisory lock that makes one relay the publisher ("outbox" in ASCII). */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    private final OutboxConfig config;
    private final EntityManager entityManager;
    private final KafkaClientSettings kafka;
    private final Tracer tracer;
    private final String source;
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicLong parked = new java.util.concurrent.atomic.AtomicLong();
    private ScheduledExecutorService executor;
    private volatile Producer<String, String> producer;

    OutboxRelay(OutboxConfig config, EntityManager entityManager, io.micrometer.core.instrument.MeterRegistry metrics,
                KafkaClientSettings kafka, Tracer tracer,
                @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.config = config;
        this.tracer = tracer;
        this.entityManager = entityManager;
        this.kafka = kafka;
        this.source = config.source().orElse("/" + applicationName);
        io.micrometer.core.instrument.Gauge.builder("outbox_parked_events", parked, java.util.concurrent.atomic.AtomicLong::get)
                .description("Outbox events set aside after the broker refused them for good").register(metrics);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));
        long interval = config.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::drainSafely, interval, interval, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::deleteOldSentEvents, 1, 60, TimeUnit.MINUTES);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close();
        }
    }

    /** Asks for a pass soon, e.g. right after a transaction that wrote events committed. */
    public void wakeUp() {
        if (executor != null && drainQueued.compareAndSet(false, true)) {
            executor.execute(() -> {
                drainQueued.set(false);
                drainSafely();
            });
        }
    }

    /** Never lets anything end the relay's schedule: whatever a pass throws, the next tick tries again. */
    private void drainSafely() {
        try {
            int sent;
            do {
                sent = drainOnce();
            } while (sent == config.batchSize());
        } catch (Throwable e) {
            LOG.warnf("Outbox relay pass failed, retrying on the next tick: %s", String.valueOf(e));
        }
        try {
            parked.set(countParked());
        } catch (Throwable e) {
            LOG.debugf("Could not count parked outbox events: %s", String.valueOf(e));
        }
    }

    /** Events set aside after the broker refused them for good. */
    public long parkedEvents() {
        return parked.get();
    }

    private long countParked() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE parked_at IS NOT NULL AND sent_at IS NULL")
                .getSingleResult()).longValue());
    }

    /**
     * One pass: publishes up to a batch of unsent events in order. Returns how many were sent.
     * Visible for tests, which call it to publish without waiting for the timer.
     */
    public int drainOnce() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK).getSingleResult();
            if (!locked) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                            SELECT e.id, e.aggregate_id, e.event_type, e.topic, CAST(e.payload AS text), e.occurred_at,
                                   e.traceparent
                            FROM outbox_event e
                            WHERE e.sent_at IS NULL AND e.parked_at IS NULL
                              AND NOT EXISTS (SELECT 1 FROM outbox_event p
                                              WHERE p.parked_at IS NOT NULL AND p.sent_at IS NULL
                                                AND p.aggregate_type = e.aggregate_type
                                                AND p.aggregate_id = e.aggregate_id AND p.seq < e.seq)
                            ORDER BY e.seq LIMIT ?1""")
                    .setParameter(1, config.batchSize()).getResultList();
            // The whole batch goes to the producer at once (it keeps each partition's order: idempotent, one
            // request in flight), then the acknowledgements are awaited in order; the first failure stops the pass
            // and everything after it waits for the next one (consumers drop the odd duplicate by event id).
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            List<Span> spans = new ArrayList<>();
            for (Object[] row : rows) {
                try {
                    Span span = publishSpan((String) row[2], (String) row[3], (String) row[6]);
                    spans.add(span);
                    String traceparent = TraceParents.of(span.getSpanContext());
                    Future<RecordMetadata> ack = producer().send(CloudEventRecords.of((String) row[3],
                            row[0].toString(), source, (String) row[2], (String) row[1],
                            NativeValues.offsetDateTime(row[5]), (String) row[4],
                            traceparent != null ? traceparent : (String) row[6]));
                    acks.add(ack);
                    if (refusedAtOnce(ack)) {
                        break; // refused before it left (too large, say): nothing after it may overtake it
                    }
                } catch (RuntimeException e) {
                    acks.add(java.util.concurrent.CompletableFuture.failedFuture(e));
                    break;
                }
            }
            List<UUID> sentIds = new ArrayList<>();
            for (int i = 0; i < acks.size(); i++) {
                UUID id = (UUID) rows.get(i)[0];
                try {
                    acks.get(i).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    Exception cause = e instanceof java.util.concurrent.ExecutionException ? (Exception) e.getCause()
                            : e;
                    if (i < spans.size()) {
                        spans.get(i).setStatus(StatusCode.ERROR, cause.getClass().getSimpleName());
                    }
                    recordFailure(id, cause);
                    break;
                }
                sentIds.add(id);
            }
            spans.forEach(Span::end);
            if (!sentIds.isEmpty()) {
                entityManager.createNativeQuery("""
                                UPDATE outbox_event SET sent_at = now(), attempts = attempts + 1
                                WHERE id = ANY(?1)""")
                        .setParameter(1, sentIds.toArray(UUID[]::new)).executeUpdate();
            }
            int sent = sentIds.size();
            return sent;
        });
    }

    /**
     * A producer span, child of the request that wrote the event (its traceparent in the outbox row), so the trace
     * runs from the HTTP call through the broker to the consumer. A no-op span when tracing is off.
     */
    private Span publishSpan(String eventType, String topic, String traceparent) {
        return tracer.spanBuilder("publish " + eventType)
                .setParent(TraceParents.parent(traceparent))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.operation.type", "publish")
                .startSpan();
    }

    private void recordFailure(UUID id, Exception e) {
        String message = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
        boolean forGood = refusedForGood(e);
        entityManager.createNativeQuery("""
                        UPDATE outbox_event SET attempts = attempts + 1, last_error = ?2,
                               parked_at = CASE WHEN ?3 AND attempts + 1 >= ?4 THEN now() END
                        WHERE id = ?1""")
                .setParameter(1, id)
                .setParameter(2, message.length() > 1000 ? message.substring(0, 1000) : message)
                .setParameter(3, forGood).setParameter(4, config.parkAfter())
                .executeUpdate();
        boolean isParked = forGood && ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM outbox_event WHERE id = ?1 AND parked_at IS NOT NULL")
                .setParameter(1, id).getSingleResult()).longValue() > 0;
        if (isParked) {
            LOG.errorf("Outbox event %s parked: the broker refuses it for good (%s); the later events of its "
                    + "aggregate wait until an operator retries or discards it", id, message);
        } else {
            LOG.warnf("Outbox event %s not published yet (%s); will retry", id, message);
        }
    }

    private static boolean refusedAtOnce(Future<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return false;
        }
        try {
            ack.get();
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    /** Kafka's own classification: a non-retriable error will not pass by trying again (too large, not allowed). */
    static boolean refusedForGood(Throwable e) {
        return e instanceof org.apache.kafka.common.KafkaException
                && !(e instanceof org.apache.kafka.common.errors.RetriableException);
    }

    private void deleteOldSentEvents() {
        try {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                            "DELETE FROM outbox_event WHERE sent_at < ?1")
                    .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC).minus(config.keepSent()))
                    .executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf("Could not delete old outbox events: %s", e.getMessage());
        }
    }

    private Producer<String, String> producer() {
        Producer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> settings = new java.util.HashMap<>(kafka.common());
                    settings.putAll(Map.of(
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) config.sendTimeout().toMillis(),
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis(),
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis() + 1000,
                            ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay" + source.replace('/', '-')));
                    producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
                }
                current = producer;
            }
        }
        return current;
    }
}
