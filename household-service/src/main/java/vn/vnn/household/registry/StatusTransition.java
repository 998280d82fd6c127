package vn.vnn.household.registry;

import vn.vnn.household.standards.PovertyStatus;

/**
 * How a recognition changes a household's situation (diễn biến hộ nghèo, hộ cận nghèo), as the annual statistics
 * count it.
 */
public enum StatusTransition {
    /** The household's first recognition in the registry. */
    FIRST,
    /** Hộ nghèo phát sinh: poor now, never poor before. */
    NEWLY_POOR,
    /** Hộ tái nghèo: poor now, had been poor before and left poverty. */
    RE_POOR,
    /** Hộ thoát nghèo: was poor, is no longer (near-poor or better). */
    ESCAPED_POVERTY,
    /** Hộ thoát cận nghèo: was near-poor, now above the income line. */
    ESCAPED_NEAR_POVERTY,
    /** Hộ cận nghèo phát sinh: was above the line, now near-poor. */
    FELL_TO_NEAR_POOR,
    /** No change of category that the statistics count (e.g. average living standard to not poor). */
    UNCHANGED;

    /**
     * @param previous      the status before, or null for the household's first recognition
     * @param next          the recognised status
     * @param everPoor      whether the household was ever recognised poor before this recognition
     * @param afterBaseline whether the recognition's review year comes after the statistics' baseline year: a first
     *                      POOR recognition then is newly poor (phát sinh), not the opening list
     */
    public static StatusTransition of(PovertyStatus previous, PovertyStatus next, boolean everPoor,
                                      boolean afterBaseline) {
        if (previous == null) {
            if (next != PovertyStatus.POOR) {
                return FIRST;
            }
            return everPoor ? RE_POOR : afterBaseline ? NEWLY_POOR : FIRST;
        }
        if (previous == next) {
            return UNCHANGED;
        }
        if (next == PovertyStatus.POOR) {
            return everPoor ? RE_POOR : NEWLY_POOR;
        }
        if (previous == PovertyStatus.POOR) {
            return ESCAPED_POVERTY;
        }
        if (previous == PovertyStatus.NEAR_POOR) {
            return ESCAPED_NEAR_POVERTY;
        }
        if (next == PovertyStatus.NEAR_POOR) {
            return FELL_TO_NEAR_POOR;
        }
        return UNCHANGED;
    }
}
