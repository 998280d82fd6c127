package vn.vnn.fund.banking;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "BankStatementLine", description = "A line of a bank statement and what became of it")
public record StatementLineView(
        UUID id, UUID statementId, int lineNo, LocalDate bookedOn,
        @Schema(description = "Whole đồng; positive for money in, negative for money out") long amountVnd,
        String bankReference, String message, String counterpartyName,
        @Schema(description = "The other party's account, all but its last four characters masked")
        String counterpartyAccount,
        @Schema(description = "MATCHED, SUGGESTED, UNMATCHED or IGNORED") String outcome,
        @Schema(description = "REFERENCE_CODE, BANK_REFERENCE, AMOUNT_DATE_NAME, TRANSFER_REFERENCE or OFFICER")
        String matchedBy,
        UUID intentId, UUID donationId, UUID suggestedDonationId, UUID paymentId, String note, String decidedBy,
        OffsetDateTime decidedAt,
        @Schema(description = "Send it back with a decision on the line") long version) {

    static StatementLineView of(StatementLine l) {
        return new StatementLineView(l.id, l.statementId, l.lineNo, l.bookedOn, l.amountVnd, l.bankReference,
                l.message, l.counterpartyName, mask(l.counterpartyAccount), l.outcome.name(), l.matchedBy,
                l.intentId, l.donationId, l.suggestedDonationId, l.paymentId, l.note, l.decidedBy, l.decidedAt,
                l.version);
    }

    private static String mask(String account) {
        return account == null || account.length() <= 4 ? account
                : "*".repeat(account.length() - 4) + account.substring(account.length() - 4);
    }
}
