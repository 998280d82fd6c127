package vn.vnn.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

import java.time.Duration;
import java.util.function.Supplier;

/** Buckets in this instance's memory, forgotten after a quiet while: right for one gateway instance. */
final class LocalBuckets implements BucketStore {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(15))
            .build();

    @Override
    public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
        return buckets.get(key, k -> {
            var builder = Bucket.builder();
            for (var bandwidth : configuration.get().getBandwidths()) {
                builder.addLimit(bandwidth);
            }
            return builder.build();
        });
    }

    @Override
    public boolean blocking() {
        return false;
    }
}
