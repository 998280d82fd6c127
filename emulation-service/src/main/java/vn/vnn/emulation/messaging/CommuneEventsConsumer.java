package vn.vnn.emulation.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.vnn.emulation.service.MeasuredCriteria;
import vn.vnn.events.EventType;
import vn.vnn.events.fund.DisbursementPaidV1;
import vn.vnn.events.household.HouseholdStatusRecognizedV1;
import vn.vnn.kit.inbox.IdempotentConsumer;

/** Recognitions and paid support → the communes' measured criteria; each event counted once. */
@ApplicationScoped
public class CommuneEventsConsumer {

    private final IdempotentConsumer consumer;
    private final MeasuredCriteria criteria;

    CommuneEventsConsumer(IdempotentConsumer consumer, MeasuredCriteria criteria) {
        this.consumer = consumer;
        this.criteria = criteria;
    }

    @Incoming("household-status")
    @Blocking
    @Transactional
    public void onRecognition(ConsumerRecord<String, String> record) {
        consumer.<HouseholdStatusRecognizedV1>handle("emulation.recognitions", record,
                EventType.HOUSEHOLD_STATUS_RECOGNIZED, event -> criteria.onRecognition(event.data()));
    }

    @Incoming("disbursements")
    @Blocking
    @Transactional
    public void onDisbursement(ConsumerRecord<String, String> record) {
        consumer.<DisbursementPaidV1>handle("emulation.disbursements", record, EventType.DISBURSEMENT_PAID,
                event -> criteria.onDisbursement(event.data()));
    }
}
