package vn.vnn.household.standards;

/** Classification of a household under a multidimensional poverty standard. */
public enum PovertyStatus {
    /** Hộ nghèo. */
    POOR,
    /** Hộ cận nghèo. */
    NEAR_POOR,
    /** Hộ có mức sống trung bình. */
    AVERAGE_LIVING_STANDARD,
    /** Not poor. */
    NOT_POOR
}
