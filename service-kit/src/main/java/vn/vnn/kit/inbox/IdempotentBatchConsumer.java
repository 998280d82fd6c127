package vn.vnn.kit.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.vnn.events.EventType;
import vn.vnn.kit.sql.TransientFailures;
import vn.vnn.kit.tracing.TraceParents;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The idempotent-consumer step for a whole poll of records (a channel with {@code batch=true}): the batch is read,
 * its event ids go into the inbox in one statement, and the effect gets the first deliveries, all in <em>one</em>
 * transaction, so a busy topic costs one commit per poll instead of one per event. A transient failure (the database
 * unreachable, a deadlock, a serialization conflict) is retried with a growing pause until it passes, so an outage
 * holds the channel back but loses and dead-letters nothing. Any other failure isolates the bad record: each record
 * is applied again in its own transaction and only the ones that still fail are nacked (the channel's failure
 * strategy, e.g. its dead-letter topic); the others are applied and acknowledged, so one bad event never holds back
 * or dead-letters its neighbours.
 */
@ApplicationScoped
public class IdempotentBatchConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentBatchConsumer.class);

    private final CloudEventReader reader;
    private final Inbox inbox;
    private final Tracer tracer;
    private final Duration firstPause;
    private final Duration longestPause;

    IdempotentBatchConsumer(CloudEventReader reader, Inbox inbox, Tracer tracer,
                            @ConfigProperty(name = "vnn.inbox.retry.first-pause", defaultValue = "500ms")
                            Duration firstPause,
                            @ConfigProperty(name = "vnn.inbox.retry.longest-pause", defaultValue = "30s")
                            Duration longestPause) {
        this.reader = reader;
        this.inbox = inbox;
        this.tracer = tracer;
        this.firstPause = firstPause;
        this.longestPause = longestPause;
    }

    /**
     * Applies {@code effect} to each first delivery of the batch and acknowledges it. To be called from a
     * {@code @Blocking} {@code @Incoming} method that takes the {@link KafkaRecordBatch} and returns this stage.
     */
    public <T extends Record> CompletionStage<Void> handle(String consumer, KafkaRecordBatch<String, String> batch,
                                                           EventType type, Consumer<IncomingEvent<T>> effect) {
        return this.<T>handleAll(consumer, batch, type, events -> events.forEach(effect));
    }

    /**
     * Like {@link #handle}, but the effect gets all first deliveries of the batch at once (in order), to apply them
     * set-wise: a few statements per poll instead of a few per event.
     */
    public <T extends Record> CompletionStage<Void> handleAll(String consumer, KafkaRecordBatch<String, String> batch,
                                                              EventType type, Consumer<List<IncomingEvent<T>>> effect) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        List<Span> spans = records.stream().map(record -> processSpan(consumer, record)).toList();
        try (Scope scope = spans.size() == 1 ? spans.get(0).makeCurrent() : Scope.noop()) {
            return handleTraced(consumer, batch, records, type, effect);
        } finally {
            spans.forEach(Span::end);
        }
    }

    /**
     * A consumer span per record, child of the producer span whose traceparent the record carries: the trace of the
     * HTTP call that caused the event ends in this service's transaction. A no-op span when tracing is off.
     */
    private Span processSpan(String consumer, KafkaRecord<String, String> record) {
        ConsumerRecord<String, String> raw = consumerRecord(record);
        org.apache.kafka.common.header.Header header = raw.headers().lastHeader(TraceParents.HEADER);
        String traceparent = header == null ? null
                : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
        return tracer.spanBuilder("process " + raw.topic())
                .setParent(TraceParents.parent(traceparent))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", raw.topic())
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.operation.type", "process")
                .startSpan();
    }

    private <T extends Record> CompletionStage<Void> handleTraced(String consumer,
                                                                  KafkaRecordBatch<String, String> batch,
                                                                  List<KafkaRecord<String, String>> records,
                                                                  EventType type,
                                                                  Consumer<List<IncomingEvent<T>>> effect) {
        RuntimeException batchFailure = untilNotTransient(consumer,
                () -> QuarkusTransaction.requiringNew().run(() -> apply(consumer, records, type, effect)));
        if (batchFailure == null) {
            return batch.ack();
        }
        LOG.warnf("%s: batch of %d failed (%s); applying its records one by one", consumer, records.size(),
                batchFailure.getClass().getSimpleName());
        CompletableFuture<Void> nacked = CompletableFuture.completedFuture(null);
        for (KafkaRecord<String, String> record : records) {
            RuntimeException failure = untilNotTransient(consumer,
                    () -> QuarkusTransaction.requiringNew().run(() -> apply(consumer, List.of(record), type, effect)));
            if (failure != null) {
                nacked = nacked.thenCompose(done -> record.nack(failure).toCompletableFuture());
            }
        }
        return nacked.thenCompose(done -> batch.ack());
    }

    /** Runs {@code work} again after each transient failure, pausing longer each time; the lasting failure or null. */
    private RuntimeException untilNotTransient(String consumer, Runnable work) {
        Duration pause = firstPause;
        while (true) {
            try {
                work.run();
                return null;
            } catch (RuntimeException failure) {
                if (!TransientFailures.isTransient(failure)) {
                    return failure;
                }
                LOG.warnf("%s: transient failure (%s); trying again in %d ms", consumer, rootMessage(failure),
                        pause.toMillis());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return failure;
                }
                pause = pause.multipliedBy(2).compareTo(longestPause) > 0 ? longestPause : pause.multipliedBy(2);
            }
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private <T extends Record> void apply(String consumer, List<KafkaRecord<String, String>> records, EventType type,
                                          Consumer<List<IncomingEvent<T>>> effect) {
        List<IncomingEvent<T>> events = records.stream()
                .map(record -> reader.<T>read(consumerRecord(record), type)).toList();
        List<IncomingEvent<T>> fresh = inbox.firstDeliveries(consumer, events);
        if (!fresh.isEmpty()) {
            effect.accept(fresh);
        }
    }

    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> record) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordMetadata<String, String> metadata = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not an incoming Kafka record"));
        return metadata.getRecord();
    }
}
