package vn.vnn.household.areas;

/** Nông thôn (rural: xã) or thành thị (urban: phường, thị trấn); selects the income line. */
public enum AreaType {
    RURAL, URBAN
}
