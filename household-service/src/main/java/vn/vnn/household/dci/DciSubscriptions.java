package vn.vnn.household.dci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.vnn.household.areas.AdminUnit;
import vn.vnn.household.subscriptions.Subscription;
import vn.vnn.household.subscriptions.Subscriptions;
import vn.vnn.kit.time.VietnamClock;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * DCI subscribe and unsubscribe: a subscription to the recognitions of statuses in areas (a predicate on area_code
 * and poverty_status), delivered as signed DCI notify messages to the sender's {base}/registry/notify, from the same
 * outbox-fed queue as webhooks — in order, retried for 24 h, never missing one.
 */
@ApplicationScoped
public class DciSubscriptions {

    private final Subscriptions subscriptions;
    private final ObjectMapper json;
    private final VietnamClock clock;

    DciSubscriptions(Subscriptions subscriptions, ObjectMapper json, VietnamClock clock) {
        this.subscriptions = subscriptions;
        this.json = json;
        this.clock = clock;
    }

    /** The SubscribeResponse message for a SubscribeRequest message; each item subscribed or refused. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ObjectNode subscribe(DciMessages.Checked checked, String correlation) {
        JsonNode message = checked.message();
        JsonNode items = message.path("subscribe_request");
        if (!items.isArray() || items.isEmpty() || items.size() > 20) {
            throw vn.vnn.kit.problem.ProblemException.invalid("message.subscribe_request", "1 to 20 subscriptions");
        }
        ObjectNode response = json.createObjectNode();
        response.put("transaction_id", DciSearch.text(message, "transaction_id"));
        response.put("correlation_id", correlation);
        ArrayNode answers = response.putArray("subscribe_response");
        Set<String> references = new HashSet<>();
        for (JsonNode item : items) {
            ObjectNode answer = answers.addObject();
            String reference = DciSearch.text(item, "reference_id");
            answer.put("reference_id", reference == null ? "" : reference);
            answer.put("timestamp", DciEnvelopes.ts(clock.now()));
            JsonNode criteria = item.path("subscribe_criteria");
            String refused = refusal(reference, references, item, criteria, checked);
            if (refused != null) {
                answer.put("status", "rjct");
                answer.put("status_reason_code", refused.substring(0, refused.indexOf(' ')));
                answer.put("status_reason_message", refused.substring(refused.indexOf(' ') + 1));
                continue;
            }
            DciSearch.Predicate predicate = DciSearch.predicate(criteria.path("filter"));
            String[] areas = predicate.areas().isEmpty() ? (checked.reach().scope().national() ? null
                    : checked.reach().scope().queryAreas().toArray(String[]::new))
                    : predicate.areas().toArray(String[]::new);
            String code = "SUB-" + vn.vnn.kit.Ids.newId().toString().substring(24).toUpperCase();
            subscriptions.createDci(checked.sender().callbackUri + "/registry/notify", areas,
                    predicate.statuses().toArray(String[]::new), code, checked.sender().senderId);
            answer.put("status", "succ");
            ObjectNode subscription = answer.putArray("subscriptions").addObject();
            subscription.put("version", "1.0.0");
            subscription.put("code", code);
            subscription.put("subscription_code", code); // the standard's schema requires this name too
            subscription.put("status", "subscribe");
            subscription.put("timestamp", DciEnvelopes.ts(clock.now()));
            subscription.put("reg_type", DciSearch.REG_TYPE);
            subscription.put("reg_event_type", DciNotifications.EVENT_TYPE);
            subscription.put("filter_type", "predicate");
            subscription.set("filter", criteria.path("filter"));
            subscription.put("notify_record_type", DciSearch.RECORD_TYPE);
            subscription.set("subscribe_criteria", criteria);
            answer.put("locale", "vie");
        }
        return response;
    }

    /** Why an item cannot be subscribed, as "code message"; null when it can. */
    private String refusal(String reference, Set<String> references, JsonNode item, JsonNode criteria,
                           DciMessages.Checked checked) {
        if (reference == null || reference.isBlank() || reference.length() > 99) {
            return "rjct.reference_id.invalid reference_id: 1 to 99 characters";
        }
        if (!references.add(reference)) {
            return "rjct.reference_id.duplicate reference_id " + reference + " is repeated";
        }
        if (!DciSearch.timestamp(item.path("timestamp"))) {
            return "rjct.timestamp.invalid timestamp: an ISO 8601 date-time with offset";
        }
        if (checked.sender().callbackUri == null) {
            return "rjct.notify_details.invalid register the sender's callbackUri: notifications go to "
                    + "{callbackUri}/registry/notify";
        }
        String purpose = DciSearch.purpose(criteria);
        if (purpose == null || !checked.reach().grants(purpose)) {
            return "rjct.notify_details.invalid authorize.purpose.code: a purpose granted to your client";
        }
        String filterType = criteria.path("filter_type").asText("predicate");
        if (!filterType.equals("predicate")) {
            return "rjct.notify_details.invalid filter_type: predicate (area_code, poverty_status)";
        }
        DciSearch.Predicate predicate;
        try {
            predicate = DciSearch.predicate(criteria.path("filter"));
        } catch (DciSearch.Rejected e) {
            return "rjct.notify_details.invalid " + e.getMessage();
        }
        if (predicate.yearFrom() != null || predicate.yearTo() != null) {
            return "rjct.notify_details.invalid review_year does not filter notifications";
        }
        LocalDate today = clock.today();
        for (String area : predicate.areas()) {
            if (!AdminUnit.reachedBy(checked.reach().scope(), area, today)) {
                return "rjct.notify_details.invalid area_code " + area + " is not an area granted to you";
            }
        }
        if (checked.reach().scope().nothing()) {
            return "rjct.notify_details.invalid your client has no granted areas";
        }
        return null;
    }

    /** The UnSubscribeResponse message for an UnSubscribeRequest message. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ObjectNode unsubscribe(DciMessages.Checked checked, String correlation) {
        JsonNode message = checked.message();
        JsonNode codes = message.has("subscription_codes") ? message.path("subscription_codes")
                : message.path("sunscription_codes");
        if (!codes.isArray() || codes.isEmpty() || codes.size() > 100) {
            throw vn.vnn.kit.problem.ProblemException.invalid("message.subscription_codes", "1 to 100 codes");
        }
        ObjectNode response = json.createObjectNode();
        response.put("transaction_id", DciSearch.text(message, "transaction_id"));
        response.put("correlation_id", correlation);
        response.put("timestamp", DciEnvelopes.ts(clock.now()));
        ArrayNode statuses = response.putArray("subscription_status");
        boolean all = true;
        for (JsonNode code : codes) {
            Subscription ended = subscriptions.endDci(code.asText());
            if (ended == null) {
                all = false;
                continue;
            }
            statuses.addObject().put("code", code.asText()).put("status", "unsubscribe");
        }
        response.put("status", all ? "succ" : "rjct");
        if (!all) {
            response.put("status_reason_code", "rjct.subscription_code.invalid");
            response.put("status_reason_message", "some codes name no subscription of yours");
        }
        return response;
    }
}
