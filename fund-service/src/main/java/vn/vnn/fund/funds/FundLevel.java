package vn.vnn.fund.funds;

/** Cấp quỹ: trung ương, tỉnh, xã; huyện only for periods before 1 July 2025. */
public enum FundLevel {
    CENTRAL, PROVINCE, DISTRICT, COMMUNE
}
