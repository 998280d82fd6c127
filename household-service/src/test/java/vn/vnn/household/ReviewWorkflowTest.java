package vn.vnn.household;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
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
        LocalDate until = ReviewWorkflow.complaintsUntil(LocalDate.of(2025, 10, 1), 7, 5);
        assertThat(until).isEqualTo(LocalDate.of(2025, 10, 13));
        assertThat(ReviewWorkflow.mayRecognise(until, until)).isFalse();
        assertThat(ReviewWorkflow.mayRecognise(until.plusDays(1), until)).isTrue();
    }
}
