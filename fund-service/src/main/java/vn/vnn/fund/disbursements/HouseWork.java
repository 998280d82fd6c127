package vn.vnn.fund.disbursements;

/**
 * What a Great Solidarity house payment pays for (nhà Đại đoàn kết: xây mới hoặc sửa chữa), told apart because the
 * emulation movement counts houses built and houses repaired separately, each once per household.
 */
public enum HouseWork {
    /** Xây mới. */
    NEW_BUILD,
    /** Sửa chữa. */
    REPAIR
}
