package vn.vnn.fund.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.vnn.fund.domain.Disbursement;
import vn.vnn.fund.domain.SupportCategory;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Requests and views of disbursements (chi hỗ trợ). */
public final class DisbursementDtos {

    private DisbursementDtos() {
    }

    @Schema(name = "DisbursementRequest", description = "Support to request for one household from a fund")
    public record Request(
            @Schema(description = "The fund's area code", examples = "99") @NotBlank
            @Pattern(regexp = "[0-9A-Za-z.-]{1,20}") String fundAreaCode,
            @Schema(description = "The household's id in household-service") @NotBlank @Size(max = 100)
            String householdId,
            @NotNull SupportCategory category,
            @Schema(description = "Whole đồng, within the category's cap") @NotNull @Positive @Max(1_000_000_000_000L) Long amountVnd,
            @NotBlank @Size(max = 500) String purpose,
            @Schema(description = "Only for a household not recognised POOR or NEAR_POOR: why it is in hardship "
                    + "(hoàn cảnh đặc biệt khó khăn); the approval then approves the exception")
            @Size(max = 500) String hardshipReason,
            @Schema(description = "For a hardship exception: the household's commune")
            @Pattern(regexp = "[0-9]{2,10}") String communeCode) {
    }

    @Schema(name = "DisbursementDecision")
    public record Decision(
            @Schema(description = "APPROVE or REJECT") @NotNull Verdict verdict,
            @Schema(description = "Number of the approving decision (quyết định)") @Size(max = 100) String decisionNo,
            @Schema(description = "Required when rejecting") @Size(max = 500) String reason,
            @Schema(description = "The version you read") @NotNull Long version) {

        public enum Verdict { APPROVE, REJECT }
    }

    @Schema(name = "DisbursementPayment")
    public record Payment(@NotNull @PastOrPresent LocalDate paidOn, @NotNull Long version) {
    }

    @Schema(name = "Disbursement")
    public record View(UUID id, UUID fundId, String householdId, String communeCode, String category, long amountVnd,
                       String purpose, String eligibility, String hardshipReason, String status, String requestedBy,
                       OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt, String decisionNo,
                       String rejectionReason, String paidBy, LocalDate paidOn, long version) {

        public static View of(Disbursement d) {
            return new View(d.id, d.fundId, d.householdId, d.communeCode, d.category.name(), d.amountVnd, d.purpose,
                    d.eligibility.name(), d.hardshipReason, d.status.name(), d.requestedBy, d.requestedAt,
                    d.decidedBy, d.decidedAt, d.decisionNo, d.rejectionReason, d.paidBy, d.paidOn, d.version);
        }
    }
}
