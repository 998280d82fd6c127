package vn.vnn.fund.funds;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One ledger entry with its transaction, as auditors read the ledger. */
public record LedgerLine(long entryId, UUID transactionId, String kind, UUID referenceId, LocalDate occurredOn,
                         String description, String account, long debitVnd, long creditVnd, String recordedBy,
                         OffsetDateTime recordedAt) {
}
