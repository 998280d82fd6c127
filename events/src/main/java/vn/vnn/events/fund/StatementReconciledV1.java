package vn.vnn.events.fund;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;

/**
 * A month of one of a fund's bank accounts reconciled (đối chiếu số dư tài khoản): the bank's closing balance equals
 * the ledger's balance of that account, and no line of the bank statement and no movement of the ledger is left
 * unmatched. Key: {@code bankAccountId}. Published once per account and month.
 *
 * @param bankAccountId    the account's id in fund-service
 * @param fundCode         the fund's public code
 * @param fundAreaCode     the area whose fund committee keeps the account
 * @param month            the month's first day
 * @param statementsTo     the last day the month's bank statements cover
 * @param balanceVnd       the balance both sides agree on, whole đồng
 * @param creditsVnd       money in during the month per the statements
 * @param debitsVnd        money out during the month per the statements (positive)
 * @param lineCount        statement lines booked in the month
 * @param reconciledOn     the day the month was found reconciled
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatementReconciledV1(
        String bankAccountId,
        String fundCode,
        String fundAreaCode,
        LocalDate month,
        LocalDate statementsTo,
        long balanceVnd,
        long creditsVnd,
        long debitsVnd,
        int lineCount,
        LocalDate reconciledOn) {
}
