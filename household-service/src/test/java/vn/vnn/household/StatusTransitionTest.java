package vn.vnn.household;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import vn.vnn.household.standards.PovertyStatus;
import vn.vnn.household.registry.StatusTransition;


import static org.assertj.core.api.Assertions.assertThat;

class StatusTransitionTest {

    @Property
    void escapedExactlyWhenLeavingPoverty(@ForAll PovertyStatus previous, @ForAll PovertyStatus next,
                                          @ForAll boolean everPoor) {
        boolean leaves = previous == PovertyStatus.POOR && next != PovertyStatus.POOR;
        assertThat(StatusTransition.of(previous, next, everPoor) == StatusTransition.ESCAPED_POVERTY).isEqualTo(leaves);
    }

    @Property
    void enteringPovertyIsNewOrRePoorByHistory(@ForAll PovertyStatus previous, @ForAll boolean everPoor) {
        StatusTransition transition = StatusTransition.of(previous, PovertyStatus.POOR, everPoor);
        if (previous == PovertyStatus.POOR) {
            assertThat(transition).isEqualTo(StatusTransition.UNCHANGED);
        } else {
            assertThat(transition).isEqualTo(everPoor ? StatusTransition.RE_POOR : StatusTransition.NEWLY_POOR);
        }
    }

    @Test
    void firstRecognition() {
        assertThat(StatusTransition.of(null, PovertyStatus.NEAR_POOR, false)).isEqualTo(StatusTransition.FIRST);
        assertThat(StatusTransition.of(null, PovertyStatus.POOR, false)).isEqualTo(StatusTransition.FIRST);
    }

    @Test
    void nearPovertyMovesAreNamed() {
        assertThat(StatusTransition.of(PovertyStatus.NEAR_POOR, PovertyStatus.AVERAGE_LIVING_STANDARD, true))
                .isEqualTo(StatusTransition.ESCAPED_NEAR_POVERTY);
        assertThat(StatusTransition.of(PovertyStatus.NOT_POOR, PovertyStatus.NEAR_POOR, false))
                .isEqualTo(StatusTransition.FELL_TO_NEAR_POOR);
        assertThat(StatusTransition.of(PovertyStatus.POOR, PovertyStatus.NEAR_POOR, true))
                .isEqualTo(StatusTransition.ESCAPED_POVERTY);
        assertThat(StatusTransition.of(PovertyStatus.AVERAGE_LIVING_STANDARD, PovertyStatus.NOT_POOR, false))
                .isEqualTo(StatusTransition.UNCHANGED);
    }
}
