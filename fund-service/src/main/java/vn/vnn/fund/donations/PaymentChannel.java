package vn.vnn.fund.donations;

/** How cash reached the fund: bank transfer, cash at the committee's office, or the State Treasury account. */
public enum PaymentChannel {
    BANK_TRANSFER, CASH_AT_OFFICE, TREASURY
}
