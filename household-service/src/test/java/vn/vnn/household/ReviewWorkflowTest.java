package vn.vnn.household;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import net.jqwik.api.constraints.IntRange;
import vn.vnn.household.review.ReviewCalendar;
import java.util.Set;

import vn.vnn.household.review.ReviewWorkflow;
import vn.vnn.household.review.ReviewWorkflow.Kind;
import vn.vnn.household.review.ReviewWorkflow.State;
import vn.vnn.household.review.ReviewWorkflow.Step;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewWorkflowTest {

    @Test
    void theHappyPathAndTheComplaintLoop() {
        State state = State.LISTED;
        for (Step step : List.of(Step.SURVEY, Step.VILLAGE_MEETING, Step.POST, Step.COMPLAINT, Step.SURVEY,
                Step.VILLAGE_MEETING, Step.POST, Step.RECOGNISE)) {
            state = ReviewWorkflow.next(state, step).orElseThrow(() -> new AssertionError(step + " refused"));
        }
        assertThat(state).isEqualTo(State.RECOGNISED);
    }

    @Property
    void aRecognisedCaseIsFinalAndNothingSkipsTheMeetingOrThePosting(@ForAll State state, @ForAll Step step) {
        var next = ReviewWorkflow.next(state, step);
        if (state == State.RECOGNISED) {
            assertThat(next).isEmpty();
        }
        next.filter(s -> s == State.RECOGNISED).ifPresent(s -> assertThat(state).isEqualTo(State.POSTED));
        next.filter(s -> s == State.POSTED).ifPresent(s -> assertThat(state).isEqualTo(State.VILLAGE_MEETING));
        next.filter(s -> s == State.VILLAGE_MEETING).ifPresent(s -> assertThat(state).isEqualTo(State.SURVEYED));
    }

    @Test
    void windowsAndPeriods() {
        assertThat(ReviewWorkflow.window(Kind.PERIODIC, 2025, null))
                .containsExactly(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 12, 14));
        assertThat(ReviewWorkflow.window(Kind.REGULAR, 2026, LocalDate.of(2026, 3, 15)))
                .containsExactly(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 4, 14));
        assertThatThrownBy(() -> ReviewWorkflow.window(Kind.REGULAR, 2026, LocalDate.of(2026, 3, 14)))
                .isInstanceOf(IllegalArgumentException.class);
        // Calendar days, inclusive: posted 1–7 October, complaints 8–12 October.
        LocalDate until = ReviewCalendar.complaintsUntil(LocalDate.of(2025, 10, 1), 7, 5, false, Set.of());
        assertThat(until).isEqualTo(LocalDate.of(2025, 10, 12));
        assertThat(ReviewWorkflow.mayRecognise(until, until)).isFalse();
        assertThat(ReviewWorkflow.mayRecognise(until.plusDays(1), until)).isTrue();
    }

    /**
     * Quyết định 24/2021/QĐ-TTg counts working days, inclusively: posted on Wednesday 1 October 2025 for 3 days the
     * list is up on 1, 2 and 3 October; 2 days of complaints then fall on Monday 6 and Tuesday 7 October.
     */
    @Test
    void periodsAreInclusiveAndCountWorkingDaysSkippingWeekendsAndHolidays() {
        assertThat(ReviewCalendar.postingEnds(LocalDate.of(2025, 10, 1), 3, true, Set.of()))
                .isEqualTo(LocalDate.of(2025, 10, 3));
        assertThat(ReviewCalendar.complaintsUntil(LocalDate.of(2025, 10, 1), 3, 2, true, Set.of()))
                .isEqualTo(LocalDate.of(2025, 10, 7));
        // Posted on Friday 29 August 2025: 1 and 2 September are Quốc khánh holidays, so the 3 days are 29 August,
        // 3 and 4 September; one day of complaints is Friday 5 September.
        Set<LocalDate> quocKhanh = Set.of(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 2));
        assertThat(ReviewCalendar.postingEnds(LocalDate.of(2025, 8, 29), 3, true, quocKhanh))
                .isEqualTo(LocalDate.of(2025, 9, 4));
        assertThat(ReviewCalendar.complaintsUntil(LocalDate.of(2025, 8, 29), 3, 1, true, quocKhanh))
                .isEqualTo(LocalDate.of(2025, 9, 5));
        // Posted on a Saturday: the first day counted is Monday.
        assertThat(ReviewCalendar.postingEnds(LocalDate.of(2025, 10, 4), 1, true, Set.of()))
                .isEqualTo(LocalDate.of(2025, 10, 6));
        assertThat(ReviewCalendar.postingEnds(LocalDate.of(2025, 10, 4), 1, false, Set.of()))
                .isEqualTo(LocalDate.of(2025, 10, 4));
        assertThatThrownBy(() -> ReviewCalendar.lastDay(LocalDate.of(2025, 10, 4), 0, true, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void aPeriodOfNWorkingDaysHoldsExactlyNWorkingDaysAndEndsOnOne(
            @ForAll @IntRange(min = 0, max = 3650) int offset, @ForAll @IntRange(min = 1, max = 60) int days) {
        LocalDate from = LocalDate.of(2022, 1, 1).plusDays(offset);
        Set<LocalDate> holidays = Set.of(from.plusDays(2), from.plusDays(9));
        LocalDate last = ReviewCalendar.lastDay(from, days, true, holidays);
        assertThat(ReviewCalendar.counts(last, true, holidays)).isTrue();
        assertThat(from.datesUntil(last.plusDays(1)).filter(d -> ReviewCalendar.counts(d, true, holidays)).count())
                .isEqualTo(days);
        assertThat(ReviewCalendar.lastDay(from, days, false, holidays)).isEqualTo(from.plusDays(days - 1L));
    }

    /** A periodic review (Sep–Dec of Y) decides the list of Y+1; a regular one the current year. */
    @Test
    void aPeriodicReviewDecidesTheFollowingYear() {
        assertThat(ReviewWorkflow.decidesYear(Kind.PERIODIC, 2025)).isEqualTo(2026);
        assertThat(ReviewWorkflow.decidesYear(Kind.REGULAR, 2025)).isEqualTo(2025);
    }
}
