package vn.vnn.kit.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import vn.vnn.events.EventType;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The idempotent-consumer step for a whole poll of records (a channel with {@code batch=true}): the batch is read,
 * its event ids go into the inbox in one statement, and the effect gets the first deliveries, all in <em>one</em>
 * transaction, so a busy topic costs one commit per poll instead of one per event. If the batch fails, each record is
 * applied again in its own transaction and only the ones that still fail are nacked (the channel's failure strategy,
 * e.g. its dead-letter topic); the others are applied and acknowledged, so one bad event never holds back or
 * dead-letters its neighbours.
 */
@ApplicationScoped
public class IdempotentBatchConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentBatchConsumer.class);

    private final CloudEventReader reader;
    private final Inbox inbox;

    IdempotentBatchConsumer(CloudEventReader reader, Inbox inbox) {
        this.reader = reader;
        this.inbox = inbox;
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
        try {
            QuarkusTransaction.requiringNew().run(() -> apply(consumer, records, type, effect));
            return batch.ack();
        } catch (RuntimeException batchFailure) {
            LOG.warnf("%s: batch of %d failed (%s); applying its records one by one", consumer, records.size(),
                    batchFailure.getClass().getSimpleName());
        }
        CompletableFuture<Void> nacked = CompletableFuture.completedFuture(null);
        for (KafkaRecord<String, String> record : records) {
            try {
                QuarkusTransaction.requiringNew().run(() -> apply(consumer, List.of(record), type, effect));
            } catch (RuntimeException failure) {
                nacked = nacked.thenCompose(done -> record.nack(failure).toCompletableFuture());
            }
        }
        return nacked.thenCompose(done -> batch.ack());
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
