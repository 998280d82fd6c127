package vn.vnn.fund.banking;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.vnn.fund.donors.DonorRef;

import java.util.UUID;

/** What an officer sends to decide a statement line. */
public final class StatementLineDtos {

    private StatementLineDtos() {
    }

    @Schema(name = "BankStatementLineConfirmation")
    public record Confirmation(@Schema(description = "The line's version you read") @NotNull Long version) {
    }

    @Schema(name = "BankStatementLineIgnore")
    public record Ignore(@NotNull Long version,
                         @Schema(description = "Why it is set aside, e.g. bank fee, interest, refund")
                         @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "BankStatementLineDonation", description = "The donation the line is; its amount, day, bank "
            + "reference and account are the line's")
    public record Donation(@NotNull Long version,
                           @Schema(description = "Who gave; or name a known donor by donorId") @Valid DonorRef donor,
                           UUID donorId, Boolean anonymous, UUID campaignId, UUID pledgeId,
                           @Size(max = 1000) String note) {

        StatementLineDecisions.NewDonation command() {
            return new StatementLineDecisions.NewDonation(donor, donorId, anonymous, campaignId, pledgeId, note);
        }
    }
}
