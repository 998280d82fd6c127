package vn.vnn.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Bearer tokens the edge has verified (signature, issuer, expiry, by Quarkus OIDC), remembered by their SHA-256 until
 * they expire but at most a few minutes: checking a token's RSA signature is most of what the gateway spends on a
 * call, and a client sends the same token many times. A token not remembered goes to Quarkus OIDC as usual, and the
 * services verify every token themselves anyway.
 */
@ApplicationScoped
public class VerifiedTokens implements HttpAuthenticationMechanism {

    private static final String KEY = "vnn.tokenKey";
    private static final Duration AT_MOST = Duration.ofMinutes(5);

    private final Cache<String, SecurityIdentity> verified = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfter(new Expiry<String, SecurityIdentity>() {
                @Override
                public long expireAfterCreate(String key, SecurityIdentity identity, long now) {
                    return remainingNanos(identity);
                }

                @Override
                public long expireAfterUpdate(String key, SecurityIdentity identity, long now, long current) {
                    return current;
                }

                @Override
                public long expireAfterRead(String key, SecurityIdentity identity, long now, long current) {
                    return current;
                }
            })
            .build();

    /** A remembered identity for the call's token, or nothing, so that the next mechanism (OIDC) verifies it. */
    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext ctx, IdentityProviderManager identityProviderManager) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Uni.createFrom().nullItem();
        }
        String key = sha256(authorization.substring(7).trim());
        ctx.put(KEY, key);
        SecurityIdentity identity = verified.getIfPresent(key);
        return identity != null && remainingNanos(identity) > 0 ? Uni.createFrom().item(identity)
                : Uni.createFrom().nullItem();
    }

    /** Called once a call's token was verified, so that its next calls skip the signature check. */
    void remember(RoutingContext ctx, SecurityIdentity identity) {
        String key = ctx.get(KEY);
        if (key != null && identity.getPrincipal() instanceof JsonWebToken && remainingNanos(identity) > 0) {
            verified.asMap().putIfAbsent(key, identity);
        }
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    /** Before Quarkus OIDC, which is tried when this one has nothing. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }

    private static long remainingNanos(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token) || token.getExpirationTime() <= 0) {
            return 0;
        }
        long untilExpiry = Duration.ofSeconds(token.getExpirationTime() - System.currentTimeMillis() / 1000)
                .toNanos();
        return Math.max(0, Math.min(untilExpiry, AT_MOST.toNanos()));
    }

    /** One digest per thread: looking the algorithm up on every call costs more than hashing the token. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private static String sha256(String token) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.US_ASCII)));
    }
}
