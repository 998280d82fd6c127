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
        assertThat(StatusTransition.of(previous, next, everPoor, true) == StatusTransition.ESCAPED_POVERTY).isEqualTo(leaves);
    }

    @Property
    void enteringPovertyIsNewOrRePoorByHistory(@ForAll PovertyStatus previous, @ForAll boolean everPoor) {
        StatusTransition transition = StatusTransition.of(previous, PovertyStatus.POOR, everPoor, true);
        if (previous == PovertyStatus.POOR) {
            assertThat(transition).isEqualTo(StatusTransition.UNCHANGED);
        } else {
            assertThat(transition).isEqualTo(everPoor ? StatusTransition.RE_POOR : StatusTransition.NEWLY_POOR);
        }
    }

    /**
     * The opening list is the baseline year's; after it a household's first recognition as poor is phát sinh
     * (docs/domain-rules.md, statistics rule 3). Any first recognition other than POOR is just the first.
     */
    @Test
    void aFirstPoorRecognitionIsTheOpeningListInTheBaselineYearAndNewlyPoorAfterIt() {
        assertThat(StatusTransition.of(null, PovertyStatus.NEAR_POOR, false, false)).isEqualTo(StatusTransition.FIRST);
        assertThat(StatusTransition.of(null, PovertyStatus.NEAR_POOR, false, true)).isEqualTo(StatusTransition.FIRST);
        assertThat(StatusTransition.of(null, PovertyStatus.POOR, false, false)).isEqualTo(StatusTransition.FIRST);
        assertThat(StatusTransition.of(null, PovertyStatus.POOR, false, true)).isEqualTo(StatusTransition.NEWLY_POOR);
        assertThat(StatusTransition.of(null, PovertyStatus.POOR, true, true)).isEqualTo(StatusTransition.RE_POOR);
        assertThat(StatusTransition.of(null, PovertyStatus.POOR, true, false)).isEqualTo(StatusTransition.RE_POOR);
    }

    @Test
    void nearPovertyMovesAreNamed() {
        assertThat(StatusTransition.of(PovertyStatus.NEAR_POOR, PovertyStatus.AVERAGE_LIVING_STANDARD, true, true))
                .isEqualTo(StatusTransition.ESCAPED_NEAR_POVERTY);
        assertThat(StatusTransition.of(PovertyStatus.NOT_POOR, PovertyStatus.NEAR_POOR, false, true))
                .isEqualTo(StatusTransition.FELL_TO_NEAR_POOR);
        assertThat(StatusTransition.of(PovertyStatus.POOR, PovertyStatus.NEAR_POOR, true, false))
                .isEqualTo(StatusTransition.ESCAPED_POVERTY);
        assertThat(StatusTransition.of(PovertyStatus.AVERAGE_LIVING_STANDARD, PovertyStatus.NOT_POOR, false, false))
                .isEqualTo(StatusTransition.UNCHANGED);
    }
}
