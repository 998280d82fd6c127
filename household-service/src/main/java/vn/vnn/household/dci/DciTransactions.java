package vn.vnn.household.dci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.kit.Ids;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.AreaScope;
import vn.vnn.kit.sql.NativeValues;
import vn.vnn.kit.sql.TableOwner;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * DCI transactions: every request kept with its answer, so that the sender can ask for its status later
 * (txn/status), and asynchronous ones queued until their answer is made and delivered to the sender's callback.
 */
@ApplicationScoped
@TableOwner("dci_transaction")
public class DciTransactions {

    /** A transaction waiting for its answer or its callback. */
    record Due(UUID id, String action, String senderId, String callbackUri, JsonNode request, JsonNode response,
               String correlationId, Reach reach, int attempts, OffsetDateTime firstAttemptAt) {
    }

    /** The status of a transaction as txn-status answers it: the header's status and the TxnStatusResponse. */
    record Status(String headerStatus, ObjectNode message) {
    }

    private final EntityManager entityManager;
    private final ObjectMapper json;

    DciTransactions(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** A request answered at once (synchronous): kept for txn-status, nothing to call back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAnswered(DciMessages.Checked checked, String action, String correlation, ObjectNode response) {
        insert(checked, action, "", response, correlation, "succ", "DELIVERED");
    }

    /** A request to answer by callback; {@code response} null: made by the worker (an asynchronous search). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(DciMessages.Checked checked, String action, String callbackUri, ObjectNode response,
                      String correlation) {
        insert(checked, action, callbackUri, response, correlation, response == null ? "pdng" : "succ", "PENDING");
    }

    private void insert(DciMessages.Checked checked, String action, String callbackUri, ObjectNode response,
                        String correlation, String state, String callbackState) {
        String transactionId = DciSearch.text(checked.message(), "transaction_id");
        if (transactionId == null || transactionId.isBlank() || transactionId.length() > 99) {
            throw ProblemException.invalid("message.transaction_id", "1 to 99 characters");
        }
        entityManager.createNativeQuery("""
                        INSERT INTO dci_transaction (id, correlation_id, transaction_id, client_id, sender_id, action,
                            reach, purposes, admin, callback_uri, request, response, state, callback_state,
                            next_attempt_at, created_at, completed_at, delivered_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS text[]), ?9, ?10, CAST(?11 AS jsonb),
                                CAST(?12 AS jsonb), ?13, ?14, clock_timestamp(), clock_timestamp(),
                                CASE WHEN ?13 = 'pdng' THEN NULL ELSE clock_timestamp() END,
                                CASE WHEN ?14 = 'DELIVERED' THEN clock_timestamp() END)""")
                .setParameter(1, Ids.newId()).setParameter(2, correlation).setParameter(3, transactionId)
                .setParameter(4, checked.reach().client()).setParameter(5, checked.sender().senderId)
                .setParameter(6, action).setParameter(7, checked.reach().scope().encode())
                .setParameter(8, checked.reach().purposes().toArray(String[]::new))
                .setParameter(9, checked.reach().admin()).setParameter(10, callbackUri)
                .setParameter(11, write(checked.message())).setParameter(12, response == null ? null : write(response))
                .setParameter(13, state).setParameter(14, callbackState).executeUpdate();
    }

    /**
     * The transactions a txn-status request names (by transaction_id, correlation_id or reference ids), of the
     * caller's client only: the latest one's state and answer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Status status(DciMessages.Checked checked) {
        JsonNode request = checked.message().path("txnstatus_request");
        String attributeType = request.path("attribute_type").asText("");
        String txnType = request.path("txn_type").asText("search");
        JsonNode value = request.path("attribute_value");
        String action = txnType.startsWith("subsc") ? "subscribe" : "search";
        if (!List.of("transaction_id", "correlation_id", "reference_id_list").contains(attributeType)) {
            throw ProblemException.invalid("message.txnstatus_request.attribute_type",
                    "transaction_id, correlation_id or reference_id_list");
        }
        String[] references = value.isArray() ? toArray(value) : new String[0];
        if (attributeType.equals("reference_id_list") ? references.length == 0 : !value.isTextual()) {
            throw ProblemException.invalid("message.txnstatus_request.attribute_value",
                    attributeType.equals("reference_id_list") ? "a list of reference ids" : "a string");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT transaction_id, correlation_id, state, CAST(response AS text) FROM dci_transaction
                        WHERE client_id = ?1 AND action = ?5
                          AND ((?6 = 'transaction_id' AND transaction_id = ?2)
                               OR (?6 = 'correlation_id' AND correlation_id = ?2)
                               OR (?6 = 'reference_id_list' AND EXISTS (
                                   SELECT 1 FROM jsonb_array_elements(request -> CAST(?4 AS text)) item
                                   WHERE item ->> 'reference_id' = ANY(CAST(?3 AS text[])))))
                        ORDER BY created_at DESC LIMIT 1""")
                .setParameter(1, checked.reach().client()).setParameter(2, value.isTextual() ? value.asText() : "")
                .setParameter(3, references)
                .setParameter(4, action.equals("search") ? "search_request" : "subscribe_request")
                .setParameter(5, action).setParameter(6, attributeType).getResultList();
        ObjectNode message = json.createObjectNode();
        message.put("transaction_id", DciSearch.text(checked.message(), "transaction_id"));
        ObjectNode txn = json.createObjectNode();
        txn.put("txn_type", action.equals("search") ? "search" : "subscibe");
        if (rows.isEmpty()) {
            message.put("correlation_id", "");
            ObjectNode none = txn.putObject("txn_status");
            none.put("transaction_id", "");
            none.put("correlation_id", "");
            none.putArray("search_response");
            message.set("txnstatus_response", txn);
            return new Status("rjct", message);
        }
        Object[] row = rows.get(0);
        message.put("correlation_id", (String) row[1]);
        String state = (String) row[2];
        JsonNode response = row[3] == null ? null : read((String) row[3]);
        if (response == null) {
            ObjectNode pending = txn.putObject("txn_status");
            pending.put("transaction_id", (String) row[0]);
            pending.put("correlation_id", (String) row[1]);
            pending.putArray("search_response");
        } else {
            txn.set("txn_status", response);
        }
        message.set("txnstatus_response", txn);
        return new Status(state, message);
    }

    /** Transactions whose answer or callback is due. */
    @Transactional
    public List<UUID> due() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                        SELECT id FROM dci_transaction WHERE callback_state = 'PENDING'
                          AND next_attempt_at <= clock_timestamp() ORDER BY next_attempt_at LIMIT 100""", UUID.class)
                .getResultList();
        return ids;
    }

    /** The transaction, held for this worker (null when another holds it or it is done). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Due hold(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT id, action, sender_id, callback_uri, CAST(request AS text), CAST(response AS text),
                               correlation_id, client_id, reach, purposes, admin, attempts, first_attempt_at
                        FROM dci_transaction WHERE id = ?1 AND callback_state = 'PENDING' FOR UPDATE SKIP LOCKED""")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new Due((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], read((String) r[4]),
                r[5] == null ? null : read((String) r[5]), (String) r[6],
                new Reach((String) r[7], AreaScope.decode((String) r[8]), Set.of((String[]) r[9]), (Boolean) r[10]),
                ((Number) r[11]).intValue(), NativeValues.offsetDateTime(r[12]));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void answered(UUID id, ObjectNode response, boolean rejected) {
        entityManager.createNativeQuery("""
                        UPDATE dci_transaction SET response = CAST(?2 AS jsonb), state = ?3, completed_at = clock_timestamp()
                        WHERE id = ?1""").setParameter(1, id).setParameter(2, write(response))
                .setParameter(3, rejected ? "rjct" : "succ").executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void delivered(UUID id) {
        entityManager.createNativeQuery("""
                        UPDATE dci_transaction SET callback_state = 'DELIVERED', delivered_at = clock_timestamp(),
                               attempts = attempts + 1, last_error = NULL,
                               first_attempt_at = coalesce(first_attempt_at, clock_timestamp())
                        WHERE id = ?1""").setParameter(1, id).executeUpdate();
    }

    /** A failed callback: tried again after {@code pause}, or parked when null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(UUID id, String error, java.time.Duration pause) {
        entityManager.createNativeQuery("""
                        UPDATE dci_transaction SET attempts = attempts + 1, last_error = ?2,
                               first_attempt_at = coalesce(first_attempt_at, clock_timestamp()),
                               callback_state = CASE WHEN ?3 THEN 'PARKED' ELSE 'PENDING' END,
                               next_attempt_at = clock_timestamp() + make_interval(secs => ?4)
                        WHERE id = ?1""").setParameter(1, id)
                .setParameter(2, error.length() > 500 ? error.substring(0, 500) : error)
                .setParameter(3, pause == null).setParameter(4, pause == null ? 0.0 : pause.toMillis() / 1000.0)
                .executeUpdate();
    }

    private static String[] toArray(JsonNode array) {
        String[] values = new String[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asText();
        }
        return values;
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored DCI message is not JSON", e);
        }
    }
}
