package vn.vnn.emulation.scoring;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.vnn.events.EventType;
import vn.vnn.events.fund.DisbursementPaidV1;
import vn.vnn.events.household.CommunePovertyRateV1;
import vn.vnn.events.household.HouseholdStatusRecognizedV1;
import vn.vnn.kit.inbox.IdempotentBatchConsumer;

import java.util.concurrent.CompletionStage;

/** Recognitions, paid support and the communes' figures → the communes' measured criteria; each event counted once. */
@ApplicationScoped
public class CommuneEventsConsumer {

    private final IdempotentBatchConsumer consumer;
    private final MeasuredCriteria criteria;

    CommuneEventsConsumer(IdempotentBatchConsumer consumer, MeasuredCriteria criteria) {
        this.consumer = consumer;
        this.criteria = criteria;
    }

    @Incoming("household-status")
    @Blocking
    public CompletionStage<Void> onRecognitions(KafkaRecordBatch<String, String> batch) {
        return consumer.<HouseholdStatusRecognizedV1>handle("emulation.recognitions", batch,
                EventType.HOUSEHOLD_STATUS_RECOGNIZED, event -> criteria.onRecognition(event.data()));
    }

    @Incoming("commune-rates")
    @Blocking
    public CompletionStage<Void> onPovertyRates(KafkaRecordBatch<String, String> batch) {
        return consumer.<CommunePovertyRateV1>handle("emulation.commune-rates", batch,
                EventType.COMMUNE_POVERTY_RATE, event -> criteria.onPovertyRate(event.data()));
    }

    @Incoming("disbursements")
    @Blocking
    public CompletionStage<Void> onDisbursements(KafkaRecordBatch<String, String> batch) {
        return consumer.<DisbursementPaidV1>handle("emulation.disbursements", batch, EventType.DISBURSEMENT_PAID,
                event -> criteria.onDisbursement(event.data()));
    }
}
