package vn.vnn.emulation.scoring;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.vnn.events.EventType;
import vn.vnn.events.fund.DonationCancelledV1;
import vn.vnn.events.fund.DonationReceivedV1;
import vn.vnn.kit.inbox.IdempotentBatchConsumer;
import vn.vnn.kit.inbox.IncomingEvent;

import java.util.concurrent.CompletionStage;

/**
 * fund.donation-received.v1 → the donor's achievement, fund.donation-cancelled.v1 → taken back; each event applied
 * once, a poll per transaction.
 */
@ApplicationScoped
public class DonationConsumer {

    private final IdempotentBatchConsumer consumer;
    private final AchievementService achievements;

    DonationConsumer(IdempotentBatchConsumer consumer, AchievementService achievements) {
        this.consumer = consumer;
        this.achievements = achievements;
    }

    @Incoming("donations")
    @Blocking
    public CompletionStage<Void> onDonations(KafkaRecordBatch<String, String> batch) {
        return consumer.<DonationReceivedV1>handleAll("emulation.achievements", batch, EventType.DONATION_RECEIVED,
                events -> achievements.creditDonations(events.stream().map(IncomingEvent::data).toList()));
    }

    @Incoming("donation-cancellations")
    @Blocking
    public CompletionStage<Void> onCancellations(KafkaRecordBatch<String, String> batch) {
        return consumer.<DonationCancelledV1>handle("emulation.cancellations", batch, EventType.DONATION_CANCELLED,
                event -> achievements.takeBackDonation(event.data()));
    }
}
