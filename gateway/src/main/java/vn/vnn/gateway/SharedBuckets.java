package vn.vnn.gateway;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Buckets in a PostgreSQL table that every gateway instance shares (Bucket4j's row-lock proxy manager): a caller's
 * limit is the same whichever instance answers. A bucket untouched for as long as it takes to refill is expired, and
 * expired rows are removed every minute.
 */
final class SharedBuckets implements BucketStore {

    private static final Logger LOG = Logger.getLogger(SharedBuckets.class);
    static final String TABLE = "gateway_rate_limit_bucket";

    private final AgroalDataSource dataSource;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "rate-limit-cleaner");
        thread.setDaemon(true);
        return thread;
    });

    SharedBuckets(String url, String username, String password, int maxConnections) throws SQLException {
        dataSource = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(maxConnections)
                        .acquisitionTimeout(Duration.ofSeconds(2))
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(url)
                                .principal(username == null ? null : new NamePrincipal(username))
                                .credential(password == null ? null : new SimplePassword(password)))));
        try (Connection connection = dataSource.getConnection(); Statement create = connection.createStatement()) {
            create.execute("CREATE TABLE IF NOT EXISTS " + TABLE
                    + " (id text PRIMARY KEY, state bytea, expires_at bigint)");
        }
        buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .expirationAfterWrite(ExpirationAfterWriteStrategy
                        .basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        cleaner.scheduleWithFixedDelay(this::removeExpired, 1, 1, TimeUnit.MINUTES);
    }

    @Override
    public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
        return buckets.builder().build(key, configuration);
    }

    @Override
    public boolean blocking() {
        return true;
    }

    private void removeExpired() {
        try {
            int removed;
            do {
                removed = buckets.removeExpired(1000);
            } while (removed == 1000);
        } catch (RuntimeException e) {
            LOG.warnf("Could not remove expired rate-limit buckets: %s", e.getMessage());
        }
    }

    @Override
    public void close() {
        cleaner.shutdownNow();
        dataSource.close();
    }
}
