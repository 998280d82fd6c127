package vn.vnn.kit.testapp;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.vnn.events.EventType;
import vn.vnn.events.fund.DonationReceivedV1;
import vn.vnn.kit.inbox.CloudEventReader;
import vn.vnn.kit.inbox.Inbox;
import vn.vnn.kit.inbox.IncomingEvent;

/** Credits donors from donation events, once per event id, as a real service would. */
@ApplicationScoped
public class DonationCreditConsumer {

    private final CloudEventReader reader;
    private final Inbox inbox;
    private final EntityManager entityManager;

    DonationCreditConsumer(CloudEventReader reader, Inbox inbox, EntityManager entityManager) {
        this.reader = reader;
        this.inbox = inbox;
        this.entityManager = entityManager;
    }

    @Incoming("donations")
    @Blocking
    @Transactional
    public void onDonation(ConsumerRecord<String, String> record) {
        IncomingEvent<DonationReceivedV1> event = reader.read(record, EventType.DONATION_RECEIVED);
        if (!inbox.firstDelivery("kit-test.credits", event)) {
            return;
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
