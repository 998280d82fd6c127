package vn.vnn.fund;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import vn.vnn.fund.disbursements.RecognitionOrder;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class RecognitionOrderTest {

    @Property
    void exactlyOneOfTwoDifferentRecognitionsSupersedesTheOther(@ForAll @IntRange(min = 2022, max = 2030) int yearA,
                                                                @ForAll @IntRange(min = 0, max = 364) int dayA,
                                                                @ForAll @IntRange(min = 2022, max = 2030) int yearB,
                                                                @ForAll @IntRange(min = 0, max = 364) int dayB) {
        LocalDate a = LocalDate.of(yearA, 1, 1).plusDays(dayA);
        LocalDate b = LocalDate.of(yearB, 1, 1).plusDays(dayB);
        boolean aOverB = RecognitionOrder.supersedes(yearA, a, yearB, b);
        boolean bOverA = RecognitionOrder.supersedes(yearB, b, yearA, a);
        if (yearA == yearB && a.equals(b)) {
            assertThat(aOverB).isTrue();
            assertThat(bOverA).isTrue();
        } else {
            assertThat(aOverB).isNotEqualTo(bOverA);
        }
    }

    @Property
    void aLaterReviewYearAlwaysWins(@ForAll @IntRange(min = 2022, max = 2029) int year,
                                    @ForAll @IntRange(min = 0, max = 364) int earlyDay,
                                    @ForAll @IntRange(min = 0, max = 364) int lateDay) {
        LocalDate current = LocalDate.of(year, 1, 1).plusDays(lateDay);
        LocalDate next = LocalDate.of(year + 1, 1, 1).plusDays(earlyDay);
        assertThat(RecognitionOrder.supersedes(year + 1, next, year, current)).isTrue();
        assertThat(RecognitionOrder.supersedes(year, current, year + 1, next)).isFalse();
    }
}
