package vn.vnn.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** A partner's side of the DCI profile (docs/dci-profile.md): envelopes signed with Ed25519 over canonical JSON. */
final class DciEnvelopes {

    private static final ObjectMapper SORTED = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private DciEnvelopes() {
    }

    /** The JWK of the pair's public key. */
    static Map<String, Object> jwk(KeyPair pair, String kid) {
        byte[] encoded = pair.getPublic().getEncoded();
        return Map.of("kty", "OKP", "crv", "Ed25519", "kid", kid, "x", Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length)));
    }

    /** A search by one identifier, for a purpose. */
    static Map<String, Object> searchById(String type, String value, String purpose) {
        Map<String, Object> criteria = Map.of("version", "1.0.0", "query_type", "idtype-value",
                "query", Map.of("type", type, "value", value),
                "authorize", Map.of("purpose", Map.of("code", purpose)));
        return Map.of("transaction_id", "t-" + UUID.randomUUID(), "search_request", List.of(Map.of(
                "reference_id", "r-1", "timestamp", now(), "search_criteria", criteria)));
    }

    /** The signed envelope of {@code message}. */
    static Map<String, Object> signed(String action, String sender, Map<String, Object> message, KeyPair pair,
                                      String kid) throws Exception {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("version", "1.0.0");
        header.put("message_id", UUID.randomUUID().toString());
        header.put("message_ts", now());
        header.put("action", action);
        header.put("sender_id", sender);
        header.put("total_count", 1);
        header.put("is_msg_encrypted", false);
        long created = OffsetDateTime.now(ZoneOffset.UTC).toEpochSecond();
        long expires = created + 600;
        byte[] canonical = SORTED.writeValueAsBytes(sorted(Map.of("header", header, "message", message)));
        String digest = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(canonical));
        Signature ed = Signature.getInstance("Ed25519");
        ed.initSign(pair.getPrivate());
        ed.update(("(created): " + created + "\n(expires): " + expires + "\ndigest: SHA-256=" + digest)
                .getBytes(StandardCharsets.UTF_8));
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("signature", "Signature: namespace=\"dci\", kidId=\"" + sender + "|" + kid + "|ed25519\", "
                + "algorithm=\"ed25519\", created=\"" + created + "\", expires=\"" + expires + "\", "
                + "headers=\"(created) (expires) digest\", signature=\"" + Base64.getEncoder().encodeToString(ed.sign())
                + "\"");
        envelope.put("header", header);
        envelope.put("message", message);
        return envelope;
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put((String) k, sorted(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DciEnvelopes::sorted).toList();
        }
        return value;
    }

    private static String now() {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC));
    }
}
