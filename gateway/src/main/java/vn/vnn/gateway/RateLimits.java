package vn.vnn.gateway;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets (Bucket4j) per route and caller: a caller with a token is counted by its client and user, a caller
 * without one by its IP address. Where the buckets live is the {@link BucketStore}'s business: this instance's memory,
 * or a database that every gateway instance shares.
 */
final class RateLimits {

    private final BucketStore store;

    RateLimits(BucketStore store) {
        this.store = store;
    }

    /** The verdict on one call: allowed, with what is left, or refused, with how long to wait. */
    record Verdict(boolean allowed, long limit, long remaining, long retryAfterSeconds) {

        /** When the shared store cannot be reached: the call passes (an outage of the store must not stop the API). */
        static Verdict unlimited(GatewayConfig.Limit limit) {
            return new Verdict(true, limit.requests(), limit.requests(), 0);
        }
    }

    /** Whether {@link #take} may block on I/O (then it must not run on an event loop). */
    boolean blocking() {
        return store.blocking();
    }

    void close() {
        store.close();
    }

    Verdict take(String route, String caller, GatewayConfig.Limit limit) {
        // The limit is part of the key: a changed configuration starts fresh buckets instead of reusing old ones.
        String key = route + "|" + caller + "|" + limit.requests() + "/" + limit.period().toSeconds();
        ConsumptionProbe probe = store.bucket(key, () -> BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit.requests())
                        .refillGreedy(limit.requests(), limit.period()).build())
                .build()).tryConsumeAndReturnRemaining(1);
        long wait = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
        return new Verdict(probe.isConsumed(), limit.requests(), probe.getRemainingTokens(), Math.max(1, wait));
    }
}
