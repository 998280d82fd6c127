package vn.vnn.gateway;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

import java.util.function.Supplier;

/** Where the gateway keeps its rate-limit buckets. */
interface BucketStore extends AutoCloseable {

    /** The bucket of a key, made with {@code configuration} the first time. */
    Bucket bucket(String key, Supplier<BucketConfiguration> configuration);

    /** Whether using a bucket may wait on I/O. */
    boolean blocking();

    @Override
    default void close() {
    }

    /** The store the configuration names; a shared store whose database cannot be reached stops the start. */
    static BucketStore from(GatewayConfig.RateLimit config) {
        if (config.store() == GatewayConfig.Store.LOCAL) {
            return new LocalBuckets();
        }
        GatewayConfig.Database database = config.database();
        String url = database.url().orElseThrow(() -> new IllegalStateException(
                "RATE_LIMIT_STORE=postgres needs RATE_LIMIT_DB_URL (vnn.gateway.rate-limit.database.url)"));
        try {
            return new SharedBuckets(url, database.username().orElse(null), database.password().orElse(null),
                    database.maxConnections());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("The shared rate-limit store at " + url + " cannot be used: "
                    + e.getMessage(), e);
        }
    }
}
