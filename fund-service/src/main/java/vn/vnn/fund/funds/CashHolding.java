package vn.vnn.fund.funds;

import java.util.UUID;

/**
 * Where a fund's cash is held (sổ chi tiết tiền): one of its bank accounts, the office's cash box, its State Treasury
 * account, or — for money recorded before the fund's accounts were registered — an unnamed bank account. Each CASH
 * entry of the ledger names one, so that the CASH balance is the sum of the holdings and each bank account's balance
 * can be set against the bank's statement.
 */
public record CashHolding(String code) {

    public static final CashHolding OFFICE = new CashHolding("OFFICE");
    public static final CashHolding TREASURY = new CashHolding("TREASURY");
    /** Bank money recorded without naming the account (before the fund registered its accounts). */
    public static final CashHolding BANK = new CashHolding("BANK");

    private static final String BANK_PREFIX = "BANK:";

    public CashHolding {
        if (code == null || !(code.equals("OFFICE") || code.equals("TREASURY") || code.equals("BANK")
                || code.matches("BANK:[0-9a-f-]{36}"))) {
            throw new IllegalArgumentException("no cash holding: " + code);
        }
    }

    public static CashHolding bank(UUID bankAccountId) {
        return new CashHolding(BANK_PREFIX + bankAccountId);
    }

    /** The bank account this holding is, or null for the office, the treasury and the unnamed bank account. */
    public UUID bankAccountId() {
        return code.startsWith(BANK_PREFIX) ? UUID.fromString(code.substring(BANK_PREFIX.length())) : null;
    }

    @Override
    public String toString() {
        return code;
    }
}
