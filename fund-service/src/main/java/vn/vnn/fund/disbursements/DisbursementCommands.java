package vn.vnn.fund.disbursements;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** What officers and approvers do with support (chi hỗ trợ): the bodies of the disbursement endpoints. */
public final class DisbursementCommands {

    private DisbursementCommands() {
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
            @Pattern(regexp = "[0-9]{2,10}") String communeCode,
            @Schema(description = "For GREAT_SOLIDARITY_HOUSE: NEW_BUILD (xây mới, the default) or REPAIR (sửa chữa); "
                    + "not for other categories")
            HouseWork houseWork) {
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
    public record Payment(@NotNull @PastOrPresent LocalDate paidOn, @NotNull Long version,
                          @Schema(description = "The fund's bank account the transfer left from (else its "
                                  + "bank money not yet assigned to an account)") java.util.UUID bankAccountId,
                          @Schema(description = "The bank's reference of the transfer, which the account's statement "
                                  + "shows on its debit (for reconciliation)")
                          @Size(max = 100) @jakarta.validation.constraints.Pattern(regexp = "[0-9A-Za-z/._-]+",
                                  message = "letters, digits and / . _ - only") String transferReference) {

        public Payment(LocalDate paidOn, Long version) {
            this(paidOn, version, null, null);
        }
    }
}
