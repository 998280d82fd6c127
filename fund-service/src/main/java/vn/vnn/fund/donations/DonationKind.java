package vn.vnn.fund.donations;

/** Tiền mặt/chuyển khoản (cash) or hiện vật (in kind, at its assessed value). */
public enum DonationKind {
    CASH, IN_KIND
}
