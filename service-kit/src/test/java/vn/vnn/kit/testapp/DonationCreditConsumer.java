package vn.vnn.kit.testapp;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.vnn.events.EventType;
import vn.vnn.events.fund.DonationReceivedV1;
import vn.vnn.kit.inbox.IdempotentBatchConsumer;
import vn.vnn.kit.inbox.IncomingEvent;

import java.util.concurrent.CompletionStage;

/** Credits donors from donation events, once per event id, a poll at a time, as a real service would. */
@ApplicationScoped
public class DonationCreditConsumer {

    private final IdempotentBatchConsumer consumer;
    private final EntityManager entityManager;

    DonationCreditConsumer(IdempotentBatchConsumer consumer, EntityManager entityManager) {
        this.consumer = consumer;
        this.entityManager = entityManager;
    }

    @Incoming("donations")
    @Blocking
    public CompletionStage<Void> onDonations(KafkaRecordBatch<String, String> batch) {
        return consumer.handle("kit-test.credits", batch, EventType.DONATION_RECEIVED, this::credit);
    }

    /** How often a "flaky-" donor's credit failed as if the database had gone away; the first two fail. */
    public static final java.util.concurrent.atomic.AtomicInteger FLAKY_FAILURES =
            new java.util.concurrent.atomic.AtomicInteger();

    private void credit(IncomingEvent<DonationReceivedV1> event) {
        if (event.data().donorName().startsWith("flaky-") && FLAKY_FAILURES.get() < 2) {
            FLAKY_FAILURES.incrementAndGet();
            throw new IllegalStateException("credit failed",
                    new java.sql.SQLException("connection to the database was lost", "08006"));
        }
        entityManager.createNativeQuery("""
                        INSERT INTO thing_credit (donor_id, total_vnd, credits) VALUES (?1, ?2, 1)
                        ON CONFLICT (donor_id) DO UPDATE
                        SET total_vnd = thing_credit.total_vnd + EXCLUDED.total_vnd, credits = thing_credit.credits + 1""")
                .setParameter(1, event.data().donorId())
                .setParameter(2, event.data().amountVnd())
                .executeUpdate();
    }
}
