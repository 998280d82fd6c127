package vn.vnn.fund.funds;

/** The accounts of every fund's ledger. */
public enum Account {
    /** Money held: bank accounts, cash at the office, the treasury account. Never negative. */
    CASH(true),
    /** Goods given in kind and not yet handed on, at their stated value. Never negative. */
    IN_KIND(true),
    /** What the fund has received (its credit balance). */
    CAPITAL(false),
    /** What the fund has paid out as support. */
    SUPPORT_PAID(false);

    private final boolean held;

    Account(boolean held) {
        this.held = held;
    }

    /** True for what the fund holds, which can never go below zero. */
    public boolean held() {
        return held;
    }
}
