package vn.vnn.household.dci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import vn.vnn.household.feeds.PartnerEvents;
import vn.vnn.household.subscriptions.DeliveryRenderer;
import vn.vnn.household.subscriptions.Subscription;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A recognition delivered to a DCI subscriber: a signed notify message (NotifyEventRequest) whose record is the
 * household as a group — status, area, review and decision — with the subscription's code as transaction_id and the
 * event's id as reference_id, so that a replay is recognisable.
 */
@ApplicationScoped
public class DciNotifications implements DeliveryRenderer {

    public static final String EVENT_TYPE = "ns:vn:RegistryEventType:StatusRecognized";

    private final DciEnvelopes envelopes;
    private final ObjectMapper json;

    DciNotifications(DciEnvelopes envelopes, ObjectMapper json) {
        this.envelopes = envelopes;
        this.json = json;
    }

    @Override
    public boolean renders(String kind) {
        return "DCI".equals(kind);
    }

    @Override
    public HttpRequest request(Subscription subscription, PartnerEvents.Event event, OffsetDateTime now) {
        ObjectNode message = json.createObjectNode();
        message.put("transaction_id", subscription.dciCode);
        ObjectNode notify = message.putArray("notify_event").addObject();
        notify.put("reference_id", event.id().toString());
        notify.put("timestamp", DciEnvelopes.ts(event.time()));
        ObjectNode data = notify.putObject("data");
        data.put("version", "1.0.0");
        data.put("reg_type", DciSearch.REG_TYPE);
        data.put("reg_event_type", EVENT_TYPE);
        data.put("reg_record_type", DciSearch.RECORD_TYPE);
        data.set("reg_records", record(event.data()));
        notify.put("locale", "vie");
        ObjectNode envelope = envelopes.signed("notify", "succ", subscription.dciSenderId, message, 1, 1);
        byte[] body;
        try {
            body = json.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return HttpRequest.newBuilder(URI.create(subscription.url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** The recognised household as a DCI group, from what partners are told of the event. */
    private ObjectNode record(Map<String, Object> event) {
        ObjectNode record = json.createObjectNode();
        record.put("@type", "Group");
        record.put("group_type", "HOUSEHOLD");
        record.putArray("identifier").addObject().put("identifier_type", DciSearch.HOUSEHOLD_ID)
                .put("identifier_value", String.valueOf(event.get("householdId")));
        record.put("area_code", (String) event.get("communeCode"));
        record.put("province_code", (String) event.get("provinceCode"));
        String status = String.valueOf(event.get("status"));
        boolean listed = DciSearch.LISTED_STATUSES.contains(status);
        record.put("poverty_status", listed ? status : "OTHER");
        Object previous = event.get("previousStatus");
        record.put("previous_poverty_status", previous == null ? null
                : DciSearch.LISTED_STATUSES.contains(previous.toString()) ? previous.toString() : "OTHER");
        Object year = event.get("reviewYear");
        if (year instanceof Number number) {
            record.put("review_year", number.intValue());
            if (listed) {
                record.put("valid_until", LocalDate.of(number.intValue() + 1, 12, 31).toString());
            }
        }
        ObjectNode decision = record.putObject("decision");
        decision.put("number", (String) event.get("decisionNo"));
        decision.put("date", event.get("recognizedOn") == null ? null : event.get("recognizedOn").toString());
        return record;
    }
}
