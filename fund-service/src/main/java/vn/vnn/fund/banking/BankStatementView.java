package vn.vnn.fund.banking;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "BankStatement", description = "An uploaded bank statement (sao kê) and how far its processing is")
public record BankStatementView(
        UUID id, UUID bankAccountId,
        @Schema(description = "MT940, CAMT053, CSV:<profile> or XLSX:<profile>") String format, String fileName,
        @Schema(description = "QUEUED, RUNNING, DONE, REJECTED (see failure and /errors) or FAILED") String status,
        String statementNumber, LocalDate openedOn, Long openingBalanceVnd, LocalDate closedOn,
        Long closingBalanceVnd,
        @Schema(description = "Lines in the file, once read") Integer lineCount,
        @Schema(description = "Lines stored and matched so far") int linesStored,
        int matched, int suggested, int unmatched, int ignored, String failure, long errorCount,
        String submittedBy, OffsetDateTime submittedAt, OffsetDateTime finishedAt) {

    static BankStatementView of(UploadedStatement s, long errorCount) {
        return new BankStatementView(s.id, s.bankAccountId, s.format, s.fileName, s.status.name(),
                s.statementNumber, s.openedOn, s.openingBalanceVnd, s.closedOn, s.closingBalanceVnd, s.lineCount,
                s.linesStored, s.matched, s.suggested, s.unmatched, s.ignored, s.failure, errorCount, s.submittedBy,
                s.submittedAt, s.finishedAt);
    }
}
