package vn.vnn.household;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import vn.vnn.household.subscriptions.WebhookDispatcherRules;

import java.time.Duration;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry policy of webhook deliveries: growing pauses, never past the 24 hours, then parked. */
class WebhookRetryTest {

    private static final OffsetDateTime FIRST = OffsetDateTime.parse("2026-11-30T08:00:00+07:00");
    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void pausesGrowSixfoldUpToFourHours() {
        Duration five = Duration.ofSeconds(5);
        assertThat(WebhookDispatcherRules.nextPause(1, FIRST, FIRST, five, DAY)).isEqualTo(Duration.ofSeconds(5));
        assertThat(WebhookDispatcherRules.nextPause(2, FIRST, FIRST, five, DAY)).isEqualTo(Duration.ofSeconds(30));
        assertThat(WebhookDispatcherRules.nextPause(3, FIRST, FIRST, five, DAY)).isEqualTo(Duration.ofMinutes(3));
        assertThat(WebhookDispatcherRules.nextPause(30, FIRST, FIRST, five, DAY)).isEqualTo(Duration.ofHours(4));
        assertThat(WebhookDispatcherRules.nextPause(5, FIRST, FIRST.plus(DAY), five, DAY)).isNull();
    }

    @Property
    void theNextAttemptNeverFallsAfterTheWindow(@ForAll @IntRange(min = 1, max = 60) int attempts,
                                                @ForAll @IntRange(min = 0, max = 90_000) int secondsSinceFirst) {
        OffsetDateTime now = FIRST.plusSeconds(secondsSinceFirst);
        Duration pause = WebhookDispatcherRules.nextPause(attempts, FIRST, now, Duration.ofSeconds(5), DAY);
        if (secondsSinceFirst >= DAY.toSeconds()) {
            assertThat(pause).isNull();
        } else {
            assertThat(pause).isNotNull().isPositive();
            assertThat(now.plus(pause)).isBeforeOrEqualTo(FIRST.plus(DAY));
        }
    }
}
