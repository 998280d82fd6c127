package vn.vnn.fund.disbursements;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.vnn.events.EventType;
import vn.vnn.events.household.HouseholdStatusRecognizedV1;
import vn.vnn.kit.inbox.IdempotentBatchConsumer;

import java.util.concurrent.CompletionStage;

/**
 * household.status-recognized.v1 → eligibility view; each event applied once, in order, a poll per transaction (inbox
 * in the same transaction).
 */
@ApplicationScoped
public class HouseholdStatusConsumer {

    private final IdempotentBatchConsumer consumer;
    private final EligibilityService eligibility;

    HouseholdStatusConsumer(IdempotentBatchConsumer consumer, EligibilityService eligibility) {
        this.consumer = consumer;
        this.eligibility = eligibility;
    }

    @Incoming("household-status")
    @Blocking
    public CompletionStage<Void> onStatusRecognized(KafkaRecordBatch<String, String> batch) {
        return consumer.<HouseholdStatusRecognizedV1>handle("fund.eligibility", batch,
                EventType.HOUSEHOLD_STATUS_RECOGNIZED, eligibility::apply);
    }
}
