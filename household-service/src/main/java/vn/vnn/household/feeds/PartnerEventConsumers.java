package vn.vnn.household.feeds;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.vnn.events.EventType;
import vn.vnn.events.emulation.AwardDecidedV1;
import vn.vnn.events.fund.DisbursementPaidV1;
import vn.vnn.household.areas.AdminUnit;
import vn.vnn.kit.inbox.IdempotentBatchConsumer;
import vn.vnn.kit.inbox.IncomingEvent;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * The other services' events partners may follow — support paid (fund-service) and awards decided
 * (emulation-service) — taken from their topics through the inbox (each once, in the inbox's transaction) into the
 * partner events, where feeds and subscriptions find them next to the household statuses.
 */
@ApplicationScoped
public class PartnerEventConsumers {

    private final IdempotentBatchConsumer consumer;
    private final PartnerEvents events;

    PartnerEventConsumers(IdempotentBatchConsumer consumer, PartnerEvents events) {
        this.consumer = consumer;
        this.events = events;
    }

    @Incoming("partner-disbursements")
    @Blocking
    public CompletionStage<Void> onDisbursementPaid(KafkaRecordBatch<String, String> batch) {
        return consumer.<DisbursementPaidV1>handle("household.partner-events", batch, EventType.DISBURSEMENT_PAID,
                this::disbursementPaid);
    }

    @Incoming("partner-awards")
    @Blocking
    public CompletionStage<Void> onAwardDecided(KafkaRecordBatch<String, String> batch) {
        return consumer.<AwardDecidedV1>handle("household.partner-events", batch, EventType.AWARD_DECIDED,
                this::awardDecided);
    }

    void disbursementPaid(IncomingEvent<DisbursementPaidV1> event) {
        DisbursementPaidV1 paid = event.data();
        String province = paid.communeCode() == null ? null : AdminUnit.provinceOf(paid.communeCode(), paid.paidOn());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("disbursementId", paid.disbursementId());
        data.put("householdId", paid.householdId());
        data.put("communeCode", paid.communeCode());
        data.put("provinceCode", province);
        data.put("purpose", paid.purpose());
        data.put("amountVnd", paid.amountVnd());
        data.put("paidOn", paid.paidOn());
        data.put("decisionNo", paid.decisionNo());
        events.record(id(event), PartnerEvents.DISBURSEMENT_PAID, time(event), paid.communeCode(), province, data);
    }

    void awardDecided(IncomingEvent<AwardDecidedV1> event) {
        AwardDecidedV1 award = event.data();
        String commune = "COMMUNE".equals(award.level()) ? award.areaCode() : null;
        String province = "PROVINCE".equals(award.level()) ? award.areaCode()
                : commune == null ? null : AdminUnit.provinceOf(commune, award.decidedOn());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("awardId", award.awardId());
        data.put("participantType", award.participantType());
        // a person's name is personal data; a collective's is public
        data.put("participantName", "COLLECTIVE".equals(award.participantType()) ? award.participantName() : null);
        data.put("awardType", award.awardType());
        data.put("level", award.level());
        data.put("areaCode", award.areaCode());
        data.put("decisionNo", award.decisionNo());
        data.put("decidedOn", award.decidedOn());
        data.put("periodYear", award.periodYear());
        events.record(id(event), PartnerEvents.AWARD_DECIDED, time(event), commune, province, data);
    }

    private static UUID id(IncomingEvent<?> event) {
        try {
            return UUID.fromString(event.id());
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(event.id().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static OffsetDateTime time(IncomingEvent<?> event) {
        return event.time() == null ? OffsetDateTime.now() : event.time();
    }
}
