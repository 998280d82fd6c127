package vn.vnn.household.dci;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signature of a DCI message (the envelope's {@code signature}: "Signature of {header}+{message} body verified using
 * sender's signing public key"), as docs/dci-profile.md fixes it, in the form the standard shows:
 * <pre>Signature: namespace="dci", kidId="{sender_id}|{key_id}|ed25519", algorithm="ed25519", created="…",
 * expires="…", headers="(created) (expires) digest", signature="…"</pre>
 * The signed text is {@code (created): C\n(expires): E\ndigest: SHA-256=D}, D the base64 SHA-256 of the canonical JSON
 * of {@code {"header": …, "message": …}} (keys sorted, no white space; RFC 8785 for the strings, integers and
 * booleans DCI messages carry). Keys are Ed25519, published as JWKS (RFC 8037 OKP keys).
 */
public final class DciSignatures {

    /** How a signature may deviate from now: created in the future by at most this, in seconds. */
    static final long CLOCK_SKEW_SECONDS = 300;
    private static final Pattern PARAM = Pattern.compile("([a-zA-Z]+)=\"([^\"]*)\"");
    /** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DciSignatures() {
    }

    /** A parsed signature header. */
    public record Parsed(String senderId, String keyId, String algorithm, long created, long expires,
                         String signature) {
    }

    /** Why a signature is refused, as a DCI error code. */
    public static final class Refused extends Exception {
        private final String code;

        Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public static String sign(JsonNode header, JsonNode message, String senderId, String keyId, PrivateKey key,
                              long created, long expires) {
        String text = signingText(created, expires, digest(header, message));
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initSign(key);
            ed.update(text.getBytes(StandardCharsets.UTF_8));
            return "Signature: namespace=\"dci\", kidId=\"" + senderId + "|" + keyId + "|ed25519\", "
                    + "algorithm=\"ed25519\", created=\"" + created + "\", expires=\"" + expires + "\", "
                    + "headers=\"(created) (expires) digest\", signature=\""
                    + Base64.getEncoder().encodeToString(ed.sign()) + "\"";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    public static Parsed parse(String signature) throws Refused {
        if (signature == null || signature.isBlank()) {
            throw new Refused("err.signature.missing", "the message is not signed");
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(signature);
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        String[] kid = params.getOrDefault("kidId", "").split("\\|");
        if (kid.length != 3 || !"ed25519".equalsIgnoreCase(params.get("algorithm"))
                || !"ed25519".equalsIgnoreCase(kid[2]) || params.get("signature") == null) {
            throw new Refused("err.signature.invalid", "not a signature of this profile: kidId "
                    + "\"{sender_id}|{key_id}|ed25519\", algorithm \"ed25519\", created, expires, signature");
        }
        try {
            return new Parsed(kid[0], kid[1], "ed25519", Long.parseLong(params.get("created")),
                    Long.parseLong(params.get("expires")), params.get("signature"));
        } catch (NumberFormatException e) {
            throw new Refused("err.signature.invalid", "created and expires are Unix times in seconds");
        }
    }

    /** Checks the signature of {header, message} with the sender's key, at {@code now} (Unix seconds). */
    public static void verify(Parsed parsed, JsonNode header, JsonNode message, PublicKey key, long now)
            throws Refused {
        if (parsed.created() > now + CLOCK_SKEW_SECONDS || parsed.expires() < now
                || parsed.expires() <= parsed.created()) {
            throw new Refused("err.signature.invalid", "the signature is expired or not yet valid");
        }
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(key);
            ed.update(signingText(parsed.created(), parsed.expires(), digest(header, message))
                    .getBytes(StandardCharsets.UTF_8));
            if (!ed.verify(Base64.getDecoder().decode(parsed.signature()))) {
                throw new Refused("err.signature.invalid", "the signature does not match the message");
            }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new Refused("err.signature.invalid", "the signature cannot be read");
        }
    }

    /** The key with {@code kid} in a JWKS document ({@code {"keys": [...]}}); OKP Ed25519 keys only. */
    public static Optional<PublicKey> key(JsonNode jwks, String kid) {
        for (JsonNode jwk : jwks.path("keys")) {
            if (kid.equals(jwk.path("kid").asText()) && "OKP".equals(jwk.path("kty").asText())
                    && "Ed25519".equals(jwk.path("crv").asText())) {
                return Optional.of(publicKey(jwk.path("x").asText()));
            }
        }
        return Optional.empty();
    }

    /** Checks a JWKS a sender registers: at least one Ed25519 key, each with a kid and a 32-byte x. */
    public static List<String> problems(JsonNode jwks) {
        List<String> problems = new ArrayList<>();
        JsonNode keys = jwks == null ? null : jwks.get("keys");
        if (keys == null || !keys.isArray() || keys.isEmpty() || keys.size() > 10) {
            problems.add("keys: 1 to 10 JWKs");
            return problems;
        }
        for (int i = 0; i < keys.size(); i++) {
            JsonNode jwk = keys.get(i);
            if (!"OKP".equals(jwk.path("kty").asText()) || !"Ed25519".equals(jwk.path("crv").asText())
                    || jwk.path("kid").asText().isBlank() || jwk.has("d")) {
                problems.add("keys[" + i + "]: a public Ed25519 key (kty OKP, crv Ed25519, kid, x; never d)");
                continue;
            }
            try {
                publicKey(jwk.path("x").asText());
            } catch (IllegalArgumentException e) {
                problems.add("keys[" + i + "].x: the base64url of a 32-byte Ed25519 public key");
            }
        }
        return problems;
    }

    /** A public key as a JWK. */
    public static ObjectNode jwk(PublicKey key, String kid) {
        byte[] encoded = key.getEncoded();
        byte[] raw = java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        ObjectNode jwk = JSON.createObjectNode();
        jwk.put("kty", "OKP").put("crv", "Ed25519").put("use", "sig").put("alg", "EdDSA").put("kid", kid)
                .put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
        return jwk;
    }

    static PublicKey publicKey(String x) {
        byte[] raw = Base64.getUrlDecoder().decode(x);
        if (raw.length != 32) {
            throw new IllegalArgumentException("not an Ed25519 key");
        }
        byte[] encoded = new byte[X509_PREFIX.length + 32];
        System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 key", e);
        }
    }

    /** The key id of a public key: the first 16 hex digits of the SHA-256 of its raw bytes. */
    public static String keyId(PublicKey key) {
        try {
            byte[] encoded = key.getEncoded();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length))).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String signingText(long created, long expires, String digest) {
        return "(created): " + created + "\n(expires): " + expires + "\ndigest: SHA-256=" + digest;
    }

    static String digest(JsonNode header, JsonNode message) {
        ObjectNode signed = JSON.createObjectNode();
        signed.set("header", header);
        signed.set("message", message);
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(canonical(signed)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON with object keys sorted and no white space. */
    static byte[] canonical(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = JSON.getFactory().createGenerator(out)) {
            write(generator, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        if (node == null || node.isNull() || node.isMissingNode()) {
            g.writeNull();
        } else if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.sort(String::compareTo);
            g.writeStartObject();
            for (String name : names) {
                g.writeFieldName(name);
                write(g, node.get(name));
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode item : node) {
                write(g, item);
            }
            g.writeEndArray();
        } else {
            g.writeTree(node);
        }
    }
}
