package vn.vnn.emulation.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.vnn.emulation.service.AchievementService;
import vn.vnn.events.EventType;
import vn.vnn.events.fund.DonationReceivedV1;
import vn.vnn.kit.inbox.IdempotentConsumer;

/** fund.donation-received.v1 → the donor's achievement; each event credited once. */
@ApplicationScoped
public class DonationConsumer {

    private final IdempotentConsumer consumer;
    private final AchievementService achievements;

    DonationConsumer(IdempotentConsumer consumer, AchievementService achievements) {
        this.consumer = consumer;
        this.achievements = achievements;
    }

    @Incoming("donations")
    @Blocking
    @Transactional
    public void onDonation(ConsumerRecord<String, String> record) {
        consumer.<DonationReceivedV1>handle("emulation.achievements", record, EventType.DONATION_RECEIVED,
                event -> achievements.creditDonation(event.data()));
    }
}
