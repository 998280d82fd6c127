package vn.vnn.household.dci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.vnn.household.verification.StatusVerifications;
import vn.vnn.kit.Ids;
import vn.vnn.kit.problem.Problem;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.problem.ProblemType;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;

import java.security.PublicKey;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The DCI requests partners send: each envelope checked (header, action, sender registered to the caller's client,
 * Ed25519 signature with the sender's key) before anything is done; synchronous ones answered at once in a signed
 * envelope, asynchronous ones acknowledged and answered by callback (see {@link DciTransactions}).
 */
@ApplicationScoped
public class DciMessages {

    /** The callback path under a sender's base URI, per asynchronous action. */
    static final java.util.Map<String, String> CALLBACK_PATHS = java.util.Map.of(
            "search", "/registry/on-search", "subscribe", "/registry/on-subscribe",
            "unsubscribe", "/registry/on-unsubscribe", "txn-status", "/registry/txn/on-status");

    /** A checked envelope. */
    record Checked(DciSender sender, JsonNode header, JsonNode message, Reach reach) {
    }

    private final Caller caller;
    private final DciSenders senders;
    private final DciSearch search;
    private final DciTransactions transactions;
    private final DciSubscriptions subscriptions;
    private final DciEnvelopes envelopes;
    private final RegistryKey key;

    DciMessages(Caller caller, DciSenders senders, DciSearch search, DciTransactions transactions,
                DciSubscriptions subscriptions, DciEnvelopes envelopes, RegistryKey key) {
        this.caller = caller;
        this.senders = senders;
        this.search = search;
        this.transactions = transactions;
        this.subscriptions = subscriptions;
        this.envelopes = envelopes;
        this.key = key;
    }

    /** /registry/sync/search: the search answered at once, in a signed on-search envelope. */
    @Transactional
    public ObjectNode syncSearch(JsonNode envelope) {
        Checked checked = check(envelope, "search");
        String correlation = Ids.newId().toString();
        ObjectNode response = search.search(checked.message(), checked.reach(), correlation);
        transactions.recordAnswered(checked, "search", correlation, response);
        return envelopes.signed("on-search", "succ", checked.sender().senderId, response, count(response),
                count(response));
    }

    /** /registry/search: acknowledged now, answered by a call to the sender's on-search. */
    @Transactional
    public ObjectNode search(JsonNode envelope) {
        Checked checked = check(envelope, "search");
        JsonNode items = checked.message().path("search_request");
        if (!items.isArray() || items.isEmpty() || items.size() > 100) {
            throw ProblemException.invalid("message.search_request", "1 to 100 search requests");
        }
        String correlation = Ids.newId().toString();
        transactions.queue(checked, "search", callback(checked, "search"), null, correlation);
        return envelopes.ack(correlation, null, null);
    }

    /** /registry/subscribe: the subscriptions made now; the answer goes to the sender's on-subscribe. */
    @Transactional
    public ObjectNode subscribe(JsonNode envelope) {
        return answeredNowCalledBack(envelope, "subscribe", subscriptions::subscribe);
    }

    /** /registry/unsubscribe: ended now; the answer goes to the sender's on-unsubscribe. */
    @Transactional
    public ObjectNode unsubscribe(JsonNode envelope) {
        return answeredNowCalledBack(envelope, "unsubscribe", subscriptions::unsubscribe);
    }

    /** /registry/sync/txn/status: the state and answer of an earlier request of the same client. */
    @Transactional
    public ObjectNode syncTxnStatus(JsonNode envelope) {
        Checked checked = check(envelope, "txn-status");
        DciTransactions.Status status = transactions.status(checked);
        return envelopes.signed("txn-on-status", status.headerStatus(), checked.sender().senderId, status.message(),
                1, status.headerStatus().equals("pdng") ? 0 : 1);
    }

    /** /registry/txn/status: the same, answered by a call to the sender's txn/on-status. */
    @Transactional
    public ObjectNode txnStatus(JsonNode envelope) {
        return answeredNowCalledBack(envelope, "txn-status",
                (checked, correlation) -> transactions.status(checked).message());
    }

    /** A request answered now and told by callback: acknowledged with its correlation id. */
    private ObjectNode answeredNowCalledBack(JsonNode envelope, String action,
                                             java.util.function.BiFunction<Checked, String, ObjectNode> answer) {
        Checked checked = check(envelope, action);
        String correlation = Ids.newId().toString();
        transactions.queue(checked, action, callback(checked, action), answer.apply(checked, correlation),
                correlation);
        return envelopes.ack(correlation, null, null);
    }

    private static int count(ObjectNode response) {
        return response.path("search_response").size();
    }

    /** The checks every request passes, in the order a partner can fix them. */
    Checked check(JsonNode envelope, String action) {
        if (envelope == null || !envelope.isObject()) {
            throw ProblemException.invalid("", "a DCI envelope: {signature, header, message}");
        }
        JsonNode header = envelope.path("header");
        if (!header.isObject()) {
            throw ProblemException.invalid("header", "the message header is missing");
        }
        for (String field : List.of("message_id", "message_ts", "action", "sender_id")) {
            if (!header.path(field).isTextual() || header.path(field).asText().isBlank()) {
                throw ProblemException.invalid("header." + field, "is required");
            }
        }
        if (!action.equals(header.path("action").asText())) {
            throw ProblemException.invalid("header.action", "rjct.action.invalid: must be " + action + " here");
        }
        try {
            OffsetDateTime.parse(header.path("message_ts").asText());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("header.message_ts", "rjct.message_ts.invalid: an ISO 8601 date-time with "
                    + "offset");
        }
        if (header.path("is_msg_encrypted").asBoolean(false) || envelope.path("message").has("ciphertext")) {
            throw ProblemException.invalid("message", "err.encryption.invalid: this registry takes plain messages "
                    + "over TLS (docs/dci-profile.md)");
        }
        if (header.hasNonNull("receiver_id") && !key.senderId().equals(header.path("receiver_id").asText())) {
            throw ProblemException.invalid("header.receiver_id", "err.receiver_id.invalid: this registry is "
                    + key.senderId());
        }
        JsonNode message = envelope.path("message");
        if (!message.isObject()) {
            throw ProblemException.invalid("message", "the message is missing");
        }
        String senderId = header.path("sender_id").asText();
        DciSender sender = DciSender.findById(senderId);
        if (sender == null || !(sender.clientId.equals(caller.actor()) || caller.hasRole(Roles.ADMIN))) {
            throw new ProblemException(ProblemType.FORBIDDEN, "err.sender_id.invalid: sender " + senderId
                    + " is not registered to your client (PUT /api/v1/dci/senders/{senderId})");
        }
        verifySignature(envelope, header, sender);
        return new Checked(sender, header, message, new Reach(caller.actor(), caller.scope(),
                caller.claimValues(StatusVerifications.PURPOSES_CLAIM), caller.hasRole(Roles.ADMIN)));
    }

    private void verifySignature(JsonNode envelope, JsonNode header, DciSender sender) {
        JsonNode signature = envelope.path("signature");
        try {
            DciSignatures.Parsed parsed = DciSignatures.parse(signature.isTextual() ? signature.asText() : null);
            if (!parsed.senderId().equals(sender.senderId)) {
                throw new DciSignatures.Refused("err.signature.invalid", "signed as " + parsed.senderId()
                        + ", sent as " + sender.senderId);
            }
            PublicKey publicKey = DciSignatures.key(senders.jwks(sender), parsed.keyId()).orElseThrow(() ->
                    new DciSignatures.Refused("err.signature.invalid", "no key " + parsed.keyId() + " is registered"
                            + " for sender " + sender.senderId));
            DciSignatures.verify(parsed, header, DciEnvelopes.signedMessage(envelope), publicKey,
                    OffsetDateTime.now(ZoneOffset.UTC).toEpochSecond());
        } catch (DciSignatures.Refused e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, e.code() + ": " + e.getMessage(),
                    List.of(new Problem.FieldError("signature", e.code())));
        }
    }

    /** Where the answer of an asynchronous request goes: header.sender_uri, else under the sender's base URI. */
    private String callback(Checked checked, String action) {
        String base = checked.sender().callbackUri;
        JsonNode given = checked.header().path("sender_uri");
        if (given.isTextual() && !given.asText().isBlank()) {
            String uri = given.asText().strip();
            if (base == null || !(uri.equals(base) || uri.startsWith(base + "/"))) {
                throw ProblemException.invalid("header.sender_uri", "err.sender_uri.invalid: callbacks go under the "
                        + "sender's registered callbackUri" + (base == null ? " (none is registered)" : " " + base));
            }
            // sender_uri names the on-search callback; the other callbacks go to their own paths under the base
            return action.equals("search") ? uri : base + CALLBACK_PATHS.get(action);
        }
        if (base == null) {
            throw ProblemException.invalid("header.sender_uri", "err.sender_uri.invalid: give sender_uri, or register "
                    + "the sender's callbackUri");
        }
        return base + CALLBACK_PATHS.get(action);
    }
}
