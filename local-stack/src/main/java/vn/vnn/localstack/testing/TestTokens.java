package vn.vnn.localstack.testing;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Signed bearer tokens for service tests, shaped like the {@code vnn} realm's (realm roles, {@code area_codes},
 * {@code azp}, the {@code vnn-api} audience), so that a test can call with any combination of roles and areas. The
 * service under test verifies them with the public key that {@link InfrastructureTestResource} configures
 * ({@code quarkus.oidc.public-key}); the key pair lives as long as the test JVM.
 */
public final class TestTokens {

    public static final String AUDIENCE = "vnn-api";
    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    /** A token of client {@code vnn-web} for {@code user} with these realm roles and areas (none: no claim). */
    public static String of(String user, Collection<String> roles, Collection<String> areas) {
        return sign(user, "vnn-web", AUDIENCE, roles, areas);
    }

    /** A token as Keycloak would issue it to any client of the realm, with the audience it was given. */
    public static String sign(String user, String client, String audience, Collection<String> roles,
                              Collection<String> areas) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://keycloak.test/realms/vnn");
        if (audience != null) {
            claims.setAudience(audience);
        }
        claims.setSubject("sub-" + user);
        claims.setClaim("preferred_username", user);
        claims.setClaim("azp", client);
        claims.setClaim("realm_access", Map.of("roles", List.copyOf(roles)));
        if (areas != null && !areas.isEmpty()) {
            claims.setClaim("area_codes", List.copyOf(areas));
        }
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(30);
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(KEYS.getPrivate());
        jws.setKeyIdHeaderValue("test");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key, Base64 (X.509), as {@code quarkus.oidc.public-key} takes it. */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
