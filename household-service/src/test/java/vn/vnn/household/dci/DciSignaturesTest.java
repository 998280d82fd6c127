package vn.vnn.household.dci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The envelope signatures of the DCI profile (docs/dci-profile.md): Ed25519 over a digest of canonical JSON. */
class DciSignaturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long NOW = 1_796_000_000L;

    @Test
    void aSignedEnvelopeVerifiesWithItsKeyAndNotWithAnother() throws Exception {
        KeyPair pair = RegistryKey.generate();
        JsonNode header = JSON.readTree("{\"action\":\"search\",\"sender_id\":\"s\",\"message_id\":\"1\"}");
        JsonNode message = JSON.readTree("{\"transaction_id\":\"t\",\"search_request\":[{\"reference_id\":\"r\"}]}");
        String signature = DciSignatures.sign(header, message, "s", "k1", pair.getPrivate(), NOW, NOW + 60);
        DciSignatures.Parsed parsed = DciSignatures.parse(signature);
        assertThat(parsed.senderId()).isEqualTo("s");
        assertThat(parsed.keyId()).isEqualTo("k1");
        DciSignatures.verify(parsed, header, message, pair.getPublic(), NOW + 1);

        // key order and white space do not matter; any change of content does
        JsonNode reordered = JSON.readTree("{ \"search_request\": [ {\"reference_id\": \"r\"} ], \"transaction_id\": \"t\" }");
        DciSignatures.verify(parsed, header, reordered, pair.getPublic(), NOW + 1);
        ObjectNode changed = message.deepCopy();
        changed.put("transaction_id", "u");
        assertThatThrownBy(() -> DciSignatures.verify(parsed, header, changed, pair.getPublic(), NOW + 1))
                .isInstanceOfSatisfying(DciSignatures.Refused.class, e -> assertThat(e.code())
                        .isEqualTo("err.signature.invalid"));
        assertThatThrownBy(() -> DciSignatures.verify(parsed, header, message, RegistryKey.generate().getPublic(),
                NOW + 1)).isInstanceOf(DciSignatures.Refused.class);
        // expired, or made in the future beyond the allowed skew
        assertThatThrownBy(() -> DciSignatures.verify(parsed, header, message, pair.getPublic(), NOW + 61))
                .isInstanceOf(DciSignatures.Refused.class);
        assertThatThrownBy(() -> DciSignatures.verify(parsed, header, message, pair.getPublic(), NOW - 1000))
                .isInstanceOf(DciSignatures.Refused.class);
    }

    @Test
    void malformedSignaturesAreRefusedWithTheirCode() {
        assertThatThrownBy(() -> DciSignatures.parse(null)).isInstanceOfSatisfying(DciSignatures.Refused.class,
                e -> assertThat(e.code()).isEqualTo("err.signature.missing"));
        for (String bad : new String[]{"unsigned-stub", "Signature: kidId=\"a|b|rsa\", algorithm=\"rsa\", signature=\"x\"",
                "Signature: kidId=\"a|b|ed25519\", algorithm=\"ed25519\", created=\"x\", expires=\"1\", signature=\"x\""}) {
            assertThatThrownBy(() -> DciSignatures.parse(bad)).as(bad).isInstanceOfSatisfying(
                    DciSignatures.Refused.class, e -> assertThat(e.code()).isEqualTo("err.signature.invalid"));
        }
    }

    @Test
    void jwksRoundTripAndTheConfiguredKeyDerivesItsPublicHalf() throws Exception {
        KeyPair pair = RegistryKey.generate();
        ObjectNode jwks = JSON.createObjectNode();
        jwks.putArray("keys").add(DciSignatures.jwk(pair.getPublic(), "k9"));
        assertThat(DciSignatures.problems(jwks)).isEmpty();
        assertThat(DciSignatures.key(jwks, "k9")).contains(pair.getPublic());
        assertThat(DciSignatures.key(jwks, "other")).isEmpty();
        ObjectNode withPrivate = jwks.deepCopy();
        ((ObjectNode) withPrivate.path("keys").get(0)).put("d", "secret");
        assertThat(DciSignatures.problems(withPrivate)).hasSize(1);
        assertThat(DciSignatures.problems(JSON.readTree("{\"keys\":[]}"))).hasSize(1);
        assertThat(DciSignatures.problems(JSON.readTree("{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\","
                + "\"kid\":\"a\",\"x\":\"c2hvcnQ\"}]}"))).hasSize(1);

        // DCI_SIGNING_KEY holds only the private key: the public half is derived and matches it
        KeyPair loaded = RegistryKey.load(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        assertThat(loaded.getPublic()).isEqualTo(pair.getPublic());
        assertThatThrownBy(() -> RegistryKey.load("bm90IGEga2V5")).isInstanceOf(IllegalStateException.class);
    }

    /** Canonical JSON sorts keys at every depth and escapes as JSON does: equal trees, equal bytes. */
    @Property
    void canonicalJsonIgnoresKeyOrder(@ForAll @AlphaChars @StringLength(min = 1, max = 8) String a,
                                      @ForAll @AlphaChars @StringLength(min = 1, max = 8) String b,
                                      @ForAll String value) throws Exception {
        ObjectNode first = JSON.createObjectNode();
        first.put(a, value);
        first.putObject("nested").put(b, 1).put("z" + a, true);
        ObjectNode second = JSON.createObjectNode();
        second.putObject("nested").put("z" + a, true).put(b, 1);
        second.put(a, value);
        assertThat(new String(DciSignatures.canonical(first), StandardCharsets.UTF_8))
                .isEqualTo(new String(DciSignatures.canonical(second), StandardCharsets.UTF_8));
        assertThat(JSON.readTree(DciSignatures.canonical(first))).isEqualTo(first);
    }
}
