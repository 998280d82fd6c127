package vn.vnn.fund.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.vnn.events.EventType;
import vn.vnn.events.household.HouseholdStatusRecognizedV1;
import vn.vnn.fund.service.EligibilityService;
import vn.vnn.kit.inbox.IdempotentConsumer;

/** household.status-recognized.v1 → eligibility view; each event applied once (inbox in the same transaction). */
@ApplicationScoped
public class HouseholdStatusConsumer {

    private final IdempotentConsumer consumer;
    private final EligibilityService eligibility;

    HouseholdStatusConsumer(IdempotentConsumer consumer, EligibilityService eligibility) {
        this.consumer = consumer;
        this.eligibility = eligibility;
    }

    @Incoming("household-status")
    @Blocking
    @Transactional
    public void onStatusRecognized(ConsumerRecord<String, String> record) {
        consumer.<HouseholdStatusRecognizedV1>handle("fund.eligibility", record,
                EventType.HOUSEHOLD_STATUS_RECOGNIZED, eligibility::apply);
    }
}
