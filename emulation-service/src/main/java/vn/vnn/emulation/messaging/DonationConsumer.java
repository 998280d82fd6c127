package vn.vnn.emulation.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.vnn.emulation.service.AchievementService;
import vn.vnn.events.EventType;
import vn.vnn.events.fund.DonationReceivedV1;
import vn.vnn.kit.inbox.CloudEventReader;
import vn.vnn.kit.inbox.Inbox;
import vn.vnn.kit.inbox.IncomingEvent;

/** fund.donation-received.v1 → the donor's achievement; each event credited once. */
@ApplicationScoped
public class DonationConsumer {

    static final String CONSUMER = "emulation.achievements";

    private final CloudEventReader reader;
    private final Inbox inbox;
    private final AchievementService achievements;

    DonationConsumer(CloudEventReader reader, Inbox inbox, AchievementService achievements) {
        this.reader = reader;
        this.inbox = inbox;
        this.achievements = achievements;
    }

    @Incoming("donations")
    @Blocking
    @Transactional
    public void onDonation(ConsumerRecord<String, String> record) {
        IncomingEvent<DonationReceivedV1> event = reader.read(record, EventType.DONATION_RECEIVED);
        if (inbox.firstDelivery(CONSUMER, event)) {
            achievements.creditDonation(event.data());
        }
    }
}
