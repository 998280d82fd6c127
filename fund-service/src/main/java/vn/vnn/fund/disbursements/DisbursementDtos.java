package vn.vnn.fund.disbursements;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What the disbursement endpoints answer. */
public final class DisbursementDtos {

    private DisbursementDtos() {
    }

    @Schema(name = "Disbursement")
    public record View(UUID id, UUID fundId, String householdId, String communeCode, String category, long amountVnd,
                       String purpose, String eligibility, String hardshipReason, String status, String requestedBy,
                       OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt, String decisionNo,
                       String rejectionReason, String paidBy, LocalDate paidOn, long version, String houseWork,
                       UUID bankAccountId, String transferReference) {

        public static View of(Disbursement d) {
            return new View(d.id, d.fundId, d.householdId, d.communeCode, d.category.name(), d.amountVnd, d.purpose,
                    d.eligibility.name(), d.hardshipReason, d.status.name(), d.requestedBy, d.requestedAt,
                    d.decidedBy, d.decidedAt, d.decisionNo, d.rejectionReason, d.paidBy, d.paidOn, d.version,
                    d.houseWork == null ? null : d.houseWork.name(), d.bankAccountId, d.transferReference);
        }
    }
}
