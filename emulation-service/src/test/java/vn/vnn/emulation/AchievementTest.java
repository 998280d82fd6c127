package vn.vnn.emulation;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import vn.vnn.emulation.participants.Participant;
import vn.vnn.emulation.scoring.DonorTotal;
import vn.vnn.events.fund.DonationReceivedV1;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How donations credit a donor's achievement ({@link DonorTotal}), the one place that rule lives. */
class AchievementTest {

    @Property
    void totalIsTheSumOfCreditsAndCountTheirNumber(
            @ForAll @Size(min = 1, max = 50) List<@LongRange(min = 1, max = 10_000_000_000L) Long> amounts) {
        LocalDate day = LocalDate.of(2025, 1, 1);
        DonorTotal total = null;
        for (long amount : amounts) {
            DonorTotal one = DonorTotal.of(donation(amount, day, "Công ty Minh Hoạ"));
            total = total == null ? one : total.plus(one);
            day = day.plusDays(1);
        }
        assertThat(total.amountVnd()).isEqualTo(amounts.stream().mapToLong(Long::longValue).sum());
        assertThat(total.count()).isEqualTo(amounts.size());
        assertThat(total.lastOn()).isEqualTo(day.minusDays(1));
    }

    @Test
    void nonPositiveCreditsAndOverflowAreRefused() {
        assertThatThrownBy(() -> DonorTotal.of(donation(0, LocalDate.of(2025, 1, 1), "A")))
                .isInstanceOf(IllegalArgumentException.class);
        DonorTotal most = DonorTotal.of(donation(Long.MAX_VALUE, LocalDate.of(2025, 1, 1), "A"));
        assertThatThrownBy(() -> most.plus(DonorTotal.of(donation(1, LocalDate.of(2025, 1, 2), "A"))))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void lastDonationDateNeverMovesBackAndTheLatestNameWins() {
        DonorTotal total = DonorTotal.of(donation(1, LocalDate.of(2025, 5, 1), "Cty Bình An"))
                .plus(DonorTotal.of(donation(1, LocalDate.of(2025, 3, 1), "Công ty Bình An")));
        assertThat(total.lastOn()).isEqualTo(LocalDate.of(2025, 5, 1));
        assertThat(total.name()).isEqualTo("Công ty Bình An");
    }

    @Test
    void organisationsAreCollectives() {
        assertThat(Participant.kindOfDonor("ORGANISATION")).isEqualTo("COLLECTIVE");
        assertThat(Participant.kindOfDonor("INDIVIDUAL")).isEqualTo("INDIVIDUAL");
        assertThat(DonorTotal.of(donation(1, LocalDate.of(2025, 1, 1), "Công ty")).type()).isEqualTo("COLLECTIVE");
    }

    private static DonationReceivedV1 donation(long amount, LocalDate on, String name) {
        return new DonationReceivedV1("d-" + amount + on, "donor-1", name, "ORGANISATION", false, "CASH", amount, on,
                "99", null, "Q99/2025/000001", "officer");
    }
}
