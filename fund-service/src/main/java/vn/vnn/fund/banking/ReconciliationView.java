package vn.vnn.fund.banking;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.vnn.fund.funds.Ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "BankReconciliation", description = "A month of a bank account: the bank's balance against the "
        + "ledger's, and what is unmatched on each side (đối chiếu số dư)")
public record ReconciliationView(
        UUID bankAccountId,
        @Schema(description = "yyyy-MM") String month,
        @Schema(description = "The last day the month's imported statements cover; null without any")
        LocalDate statementsTo,
        @Schema(description = "The closing balance of the month's last statement") Long bankBalanceVnd,
        @Schema(description = "The ledger's cash held in this account at the month's end") long ledgerBalanceVnd,
        @Schema(description = "Bank minus ledger") Long differenceVnd,
        long creditsVnd, long debitsVnd, int lineCount,
        @Schema(description = "Statement lines of the month that no donation or payment answers (at most 500)")
        List<StatementLineView> unmatchedLines, int unmatchedLineCount,
        @Schema(description = "Ledger movements of the account in the month that no statement line shows "
                + "(at most 500)") List<Movement> unmatchedLedger, int unmatchedLedgerCount,
        @Schema(description = "Statements whose opening balance is not the closing balance of the one before")
        List<String> gaps,
        boolean reconciled,
        @Schema(description = "When the month was first found reconciled (and fund.statement-reconciled.v1 "
                + "published)") LocalDate reconciledOn) {

    static final int LISTED = 500;

    @Schema(name = "BankReconciliationMovement")
    public record Movement(String kind, UUID referenceId, LocalDate occurredOn, long amountVnd, String description) {
        static Movement of(Ledger.CashMovement m) {
            return new Movement(m.kind().name(), m.referenceId(), m.occurredOn(), m.deltaVnd(), m.description());
        }
    }

    static ReconciliationView of(Reconciliations.Report r) {
        return new ReconciliationView(r.account().id, r.month().toString(), r.statementsTo(), r.bankBalanceVnd(),
                r.ledgerBalanceVnd(), r.differenceVnd(), r.creditsVnd(), r.debitsVnd(), r.lineCount(),
                r.unmatchedLines().stream().limit(LISTED).map(StatementLineView::of).toList(),
                r.unmatchedLines().size(),
                r.unmatchedMovements().stream().limit(LISTED).map(Movement::of).toList(),
                r.unmatchedMovements().size(), r.gaps(), r.reconciled(), r.reconciledOn());
    }
}
