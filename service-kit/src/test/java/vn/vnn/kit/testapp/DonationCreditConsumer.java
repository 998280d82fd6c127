package vn.vnn.kit.testapp;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.vnn.events.EventType;
import vn.vnn.events.fund.DonationReceivedV1;
import vn.vnn.kit.inbox.IdempotentConsumer;
import vn.vnn.kit.inbox.IncomingEvent;

/** Credits donors from donation events, once per event id, as a real service would. */
@ApplicationScoped
public class DonationCreditConsumer {

    private final IdempotentConsumer consumer;
    private final EntityManager entityManager;

    DonationCreditConsumer(IdempotentConsumer consumer, EntityManager entityManager) {
        this.consumer = consumer;
        this.entityManager = entityManager;
    }

    @Incoming("donations")
    @Blocking
    @Transactional
    public void onDonation(ConsumerRecord<String, String> record) {
        consumer.handle("kit-test.credits", record, EventType.DONATION_RECEIVED, this::credit);
    }

    private void credit(IncomingEvent<DonationReceivedV1> event) {
        entityManager.createNativeQuery("""
                        INSERT INTO thing_credit (donor_id, total_vnd, credits) VALUES (?1, ?2, 1)
                        ON CONFLICT (donor_id) DO UPDATE
                        SET total_vnd = thing_credit.total_vnd + EXCLUDED.total_vnd, credits = thing_credit.credits + 1""")
                .setParameter(1, event.data().donorId())
                .setParameter(2, event.data().amountVnd())
                .executeUpdate();
    }
}
