package vn.vnn.fund.banking;

import java.time.LocalDate;
import java.util.List;

/**
 * A bank statement (sao kê tài khoản) as read from the bank's file, whatever its format: the account, the statement's
 * number, its opening and closing balances and its lines, amounts in whole đồng (credits positive, debits negative).
 * A statement is taken only when its lines explain its balances ({@link #unbalancedBy()} is zero).
 */
public record BankStatement(String accountNumber, String statementNumber, LocalDate openedOn, long openingBalanceVnd,
                            LocalDate closedOn, long closingBalanceVnd, List<Line> lines) {

    public BankStatement {
        lines = List.copyOf(lines);
    }

    /**
     * One movement: its place in the file, the day the bank booked it, the amount (positive for a credit), the bank's
     * own reference for it, the transfer message as the payer wrote it, and the other party where the bank says.
     */
    public record Line(int number, LocalDate bookedOn, long amountVnd, String bankReference, String message,
                       String counterpartyName, String counterpartyAccount) {

        public boolean credit() {
            return amountVnd > 0;
        }
    }

    /** How far opening balance plus lines misses the closing balance; zero when the statement holds together. */
    public long unbalancedBy() {
        long sum = openingBalanceVnd;
        for (Line line : lines) {
            sum = Math.addExact(sum, line.amountVnd());
        }
        return closingBalanceVnd - sum;
    }

    /** A file that cannot be read as a statement, with where and why (never its content). */
    public static final class Unreadable extends IllegalArgumentException {
        public Unreadable(String message) {
            super(message);
        }
    }
}
