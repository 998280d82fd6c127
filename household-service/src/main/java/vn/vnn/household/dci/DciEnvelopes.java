package vn.vnn.household.dci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import vn.vnn.kit.Ids;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The registry's own DCI messages: signed envelopes of answers, callbacks and notifications, and acknowledgements. */
@ApplicationScoped
public class DciEnvelopes {

    /** How long a signature of the registry stays valid. */
    static final long SIGNATURE_LIFETIME_SECONDS = 3600;

    private final RegistryKey key;
    private final ObjectMapper json;

    DciEnvelopes(RegistryKey key, ObjectMapper json) {
        this.key = key;
        this.json = json;
    }

    /**
     * A signed envelope with a callback header (MsgCallbackHeader): {@code action} e.g. on-search, {@code status}
     * succ, pdng or rjct.
     */
    public ObjectNode signed(String action, String status, String receiverId, ObjectNode message, int total,
                             int completed) {
        ObjectNode header = json.createObjectNode();
        header.put("version", "1.0.0");
        header.put("message_id", Ids.newId().toString());
        header.put("message_ts", ts(OffsetDateTime.now(ZoneOffset.UTC)));
        header.put("action", action);
        header.put("status", status);
        header.put("total_count", total);
        header.put("completed_count", completed);
        header.put("sender_id", key.senderId());
        if (receiverId != null) {
            header.put("receiver_id", receiverId);
        }
        header.put("is_msg_encrypted", false);
        ObjectNode envelope = json.createObjectNode();
        long now = OffsetDateTime.now(ZoneOffset.UTC).toEpochSecond();
        envelope.put("signature", DciSignatures.sign(header, message == null ? json.nullNode() : message,
                key.senderId(), key.keyId(), key.privateKey(), now, now + SIGNATURE_LIFETIME_SECONDS));
        envelope.set("header", header);
        if (message != null) {
            envelope.set("message", message);
        }
        return envelope;
    }

    /** The acknowledgement of an asynchronous request (the standard's Response): ACK, or ERR with a DCI code. */
    public ObjectNode ack(String correlationId, String errorCode, String errorMessage) {
        ObjectNode ack = json.createObjectNode();
        ObjectNode message = ack.putObject("message");
        message.put("ack_status", errorCode == null ? "ACK" : "ERR");
        message.put("timestamp", ts(OffsetDateTime.now(ZoneOffset.UTC)));
        message.put("correlation_id", correlationId);
        if (errorCode != null) {
            message.putObject("error").put("code", errorCode).put("message", errorMessage);
        }
        return ack;
    }

    /** A DCI timestamp: ISO 8601 with seconds and offset, always (OffsetDateTime#toString drops zero seconds). */
    public static String ts(OffsetDateTime time) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    /** The message of an envelope as signed: absent counts as null. */
    static JsonNode signedMessage(JsonNode envelope) {
        JsonNode message = envelope.get("message");
        return message == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : message;
    }
}
