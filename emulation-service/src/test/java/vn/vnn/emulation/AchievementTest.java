package vn.vnn.emulation;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import vn.vnn.emulation.domain.Achievement;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AchievementTest {

    @Property
    void totalIsTheSumOfCreditsAndCountTheirNumber(
            @ForAll @Size(max = 50) List<@LongRange(min = 1, max = 10_000_000_000L) Long> amounts) {
        Achievement achievement = new Achievement();
        LocalDate day = LocalDate.of(2025, 1, 1);
        for (long amount : amounts) {
            achievement.credit(amount, day);
            day = day.plusDays(1);
        }
        assertThat(achievement.totalDonatedVnd).isEqualTo(amounts.stream().mapToLong(Long::longValue).sum());
        assertThat(achievement.donationCount).isEqualTo(amounts.size());
    }

    @Test
    void nonPositiveCreditsAndOverflowAreRefused() {
        Achievement achievement = new Achievement();
        assertThatThrownBy(() -> achievement.credit(0, LocalDate.now())).isInstanceOf(IllegalArgumentException.class);
        achievement.credit(Long.MAX_VALUE, LocalDate.now());
        assertThatThrownBy(() -> achievement.credit(1, LocalDate.now())).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void lastDonationDateNeverMovesBack() {
        Achievement achievement = new Achievement();
        achievement.credit(1, LocalDate.of(2025, 5, 1));
        achievement.credit(1, LocalDate.of(2025, 3, 1));
        assertThat(achievement.lastDonationOn).isEqualTo(LocalDate.of(2025, 5, 1));
    }

    @Test
    void organisationsAreCollectives() {
        assertThat(Achievement.participantTypeOf("ORGANISATION")).isEqualTo("COLLECTIVE");
        assertThat(Achievement.participantTypeOf("INDIVIDUAL")).isEqualTo("INDIVIDUAL");
    }
}
