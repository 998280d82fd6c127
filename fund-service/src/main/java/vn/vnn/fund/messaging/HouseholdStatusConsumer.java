package vn.vnn.fund.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.vnn.events.EventType;
import vn.vnn.events.household.HouseholdStatusRecognizedV1;
import vn.vnn.fund.service.EligibilityService;
import vn.vnn.kit.inbox.CloudEventReader;
import vn.vnn.kit.inbox.Inbox;
import vn.vnn.kit.inbox.IncomingEvent;

/** household.status-recognized.v1 → eligibility view; each event applied once (inbox in the same transaction). */
@ApplicationScoped
public class HouseholdStatusConsumer {

    static final String CONSUMER = "fund.eligibility";

    private final CloudEventReader reader;
    private final Inbox inbox;
    private final EligibilityService eligibility;

    HouseholdStatusConsumer(CloudEventReader reader, Inbox inbox, EligibilityService eligibility) {
        this.reader = reader;
        this.inbox = inbox;
        this.eligibility = eligibility;
    }

    @Incoming("household-status")
    @Blocking
    @Transactional
    public void onStatusRecognized(ConsumerRecord<String, String> record) {
        IncomingEvent<HouseholdStatusRecognizedV1> event = reader.read(record, EventType.HOUSEHOLD_STATUS_RECOGNIZED);
        if (inbox.firstDelivery(CONSUMER, event)) {
            eligibility.apply(event);
        }
    }
}
