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

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
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
    private final Duration firstPause;
    private final Duration longestPause;

    IdempotentBatchConsumer(CloudEventReader reader, Inbox inbox,
                            @ConfigProperty(name = "vnn.inbox.retry.first-pause", defaultValue = "500ms")
                            Duration firstPause,
                            @ConfigProperty(name = "vnn.inbox.retry.longest-pause", defaultValue = "30s")
                            Duration longestPause) {
        this.reader = reader;
        this.inbox = inbox;
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
                if (!isTransient(failure)) {
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

    /**
     * A failure that passes by itself: the database cannot be reached or is shutting down (SQLSTATE classes 08, 53,
     * 57, 58), a serialization failure or deadlock (40), or a JDBC exception marked transient or recoverable.
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CloudEventReader.MalformedEventException) {
                return false;
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && List.of("08", "40", "53", "57", "58").contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
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
