package vn.vnn.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;

/**
 * Token buckets (Bucket4j) per route and caller: a caller with a token is counted by its client and user, a caller
 * without one by its IP address. Buckets live in this gateway's memory and are forgotten after a quiet while; with
 * several gateway instances each counts its own share.
 */
final class RateLimits {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(15))
            .build();

    /** The verdict on one call: allowed, with what is left, or refused, with how long to wait. */
    record Verdict(boolean allowed, long limit, long remaining, long retryAfterSeconds) {
    }

    Verdict take(String route, String caller, GatewayConfig.Limit limit) {
        Bucket bucket = buckets.get(route + "|" + caller,
                key -> Bucket.builder().addLimit(Bandwidth.builder().capacity(limit.requests())
                        .refillGreedy(limit.requests(), limit.period()).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long wait = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
        return new Verdict(probe.isConsumed(), limit.requests(), probe.getRemainingTokens(), Math.max(1, wait));
    }
}
