package vn.vnn.household.domain;

/**
 * How a recognition changes a household's situation (diễn biến hộ nghèo), as the annual statistics count it.
 */
public enum StatusTransition {
    /** The household's first recognition in the registry. */
    FIRST,
    /** Hộ nghèo phát sinh: poor now, never poor before. */
    NEWLY_POOR,
    /** Hộ tái nghèo: poor now, had been poor before and escaped. */
    RE_POOR,
    /** Hộ thoát nghèo: was poor, is no longer. */
    ESCAPED,
    /** No change of poverty, e.g. near-poor to average living standard. */
    UNCHANGED;

    /**
     * @param previous  the status before, or null for the first recognition
     * @param next      the recognised status
     * @param everPoor  whether the household was ever recognised poor before this recognition
     */
    public static StatusTransition of(PovertyStatus previous, PovertyStatus next, boolean everPoor) {
        if (previous == null) {
            return next == PovertyStatus.POOR && everPoor ? RE_POOR : FIRST;
        }
        if (next == PovertyStatus.POOR && previous != PovertyStatus.POOR) {
            return everPoor ? RE_POOR : NEWLY_POOR;
        }
        if (previous == PovertyStatus.POOR && next != PovertyStatus.POOR) {
            return ESCAPED;
        }
        return UNCHANGED;
    }
}
