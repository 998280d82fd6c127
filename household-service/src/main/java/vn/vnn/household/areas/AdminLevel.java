package vn.vnn.household.areas;

/** Tiers of the administrative tree: tỉnh, huyện (until 30 June 2025), xã/phường/đặc khu, thôn/tổ dân phố. */
public enum AdminLevel {
    PROVINCE, DISTRICT, COMMUNE, VILLAGE;

    /** Whether a unit of this level may hang under a unit of {@code parent} level. */
    public boolean mayHangUnder(AdminLevel parent) {
        return switch (this) {
            case PROVINCE -> false;
            case DISTRICT -> parent == PROVINCE;
            // Three tiers before July 2025 (under a district), two after it (under the province).
            case COMMUNE -> parent == DISTRICT || parent == PROVINCE;
            case VILLAGE -> parent == COMMUNE;
        };
    }
}
