package vn.vnn.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vnn.localstack.testing.TestPostgres;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Two gateway instances on one PostgreSQL share each caller's bucket; in memory each would count its own share. */
class SharedBucketsTest {

    private static TestPostgres postgres;

    @BeforeAll
    static void database() throws Exception {
        postgres = TestPostgres.start("gateway");
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static final GatewayConfig.Limit TEN_A_MINUTE = new GatewayConfig.Limit() {
        @Override
        public long requests() {
            return 10;
        }

        @Override
        public Duration period() {
            return Duration.ofMinutes(1);
        }
    };

    @Test
    void twoInstancesShareOneBudgetPerCaller() throws Exception {
        try (SharedBuckets first = shared(); SharedBuckets second = shared()) {
            RateLimits a = new RateLimits(first);
            RateLimits b = new RateLimits(second);
            String caller = "client:vnn-web/" + UUID.randomUUID();
            int allowed = 0;
            for (int i = 0; i < 20; i++) {
                RateLimits.Verdict verdict = (i % 2 == 0 ? a : b).take("fund", caller, TEN_A_MINUTE);
                allowed += verdict.allowed() ? 1 : 0;
                if (!verdict.allowed()) {
                    assertThat(verdict.retryAfterSeconds()).isBetween(1L, 60L);
                }
            }
            assertThat(allowed).as("ten calls a minute, whichever instance answers").isEqualTo(10);
            assertThat(a.take("fund", caller, TEN_A_MINUTE).allowed()).isFalse();
            assertThat(b.take("household", caller, TEN_A_MINUTE).allowed()).as("another route, another bucket")
                    .isTrue();
            assertThat(a.take("fund", caller + "-other", TEN_A_MINUTE).remaining()).as("another caller").isEqualTo(9);
        }
    }

    @Test
    void inMemoryEachInstanceCountsItsOwnShare() {
        RateLimits a = new RateLimits(new LocalBuckets());
        RateLimits b = new RateLimits(new LocalBuckets());
        String caller = "ip:203.0.113.9";
        int allowed = 0;
        for (int i = 0; i < 20; i++) {
            allowed += (i % 2 == 0 ? a : b).take("fund", caller, TEN_A_MINUTE).allowed() ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(20);
    }

    @Test
    void aSharedStoreThatCannotBeReachedStopsTheStartWithAClearMessage() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SharedBuckets(
                        "jdbc:postgresql://127.0.0.1:1/gateway", "nobody", "x", 1))
                .isInstanceOf(java.sql.SQLException.class);
    }

    private static SharedBuckets shared() throws Exception {
        return new SharedBuckets(postgres.jdbcUrl(), postgres.username(), postgres.password(), 4);
    }
}
