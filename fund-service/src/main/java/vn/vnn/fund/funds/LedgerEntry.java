package vn.vnn.fund.funds;

import java.util.List;

/**
 * One line of a ledger transaction: an amount on the debit or the credit side of an account, never both; an entry on
 * CASH names where the cash is held, no other entry does.
 */
public record LedgerEntry(Account account, long debitVnd, long creditVnd, CashHolding holding) {

    public LedgerEntry {
        if (debitVnd < 0 || creditVnd < 0 || (debitVnd == 0) == (creditVnd == 0)) {
            throw new IllegalArgumentException("an entry is a positive debit or a positive credit: " + debitVnd
                    + "/" + creditVnd);
        }
        if ((account == Account.CASH) != (holding != null)) {
            throw new IllegalArgumentException("an entry on CASH, and only one on CASH, names its holding");
        }
    }

    public LedgerEntry(Account account, long debitVnd, long creditVnd) {
        this(account, debitVnd, creditVnd, null);
    }

    public static LedgerEntry debit(Account account, long amountVnd) {
        return new LedgerEntry(account, amountVnd, 0);
    }

    public static LedgerEntry credit(Account account, long amountVnd) {
        return new LedgerEntry(account, 0, amountVnd);
    }

    /** Cash coming into a holding. */
    public static LedgerEntry debit(CashHolding holding, long amountVnd) {
        return new LedgerEntry(Account.CASH, amountVnd, 0, holding);
    }

    /** Cash leaving a holding. */
    public static LedgerEntry credit(CashHolding holding, long amountVnd) {
        return new LedgerEntry(Account.CASH, 0, amountVnd, holding);
    }

    /** How the entry moves the account's balance (debit minus credit). */
    public long delta() {
        return debitVnd - creditVnd;
    }

    /** Debits equal credits; a transaction that is not balanced is never written. */
    public static void requireBalanced(List<LedgerEntry> entries) {
        if (entries.size() < 2) {
            throw new IllegalArgumentException("a transaction has at least two entries");
        }
        long sum = 0;
        for (LedgerEntry entry : entries) {
            sum = Math.addExact(sum, entry.delta());
        }
        if (sum != 0) {
            throw new IllegalArgumentException("debits and credits differ by " + sum);
        }
    }
}
