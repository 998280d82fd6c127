package vn.vnn.fund.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.vnn.fund.domain.DonationKind;
import vn.vnn.fund.domain.DonorType;

import java.time.LocalDate;

@Schema(description = "A donation to record (ghi nhận ủng hộ)")
public record DonationRequest(
        @NotNull @Valid Donor donor,
        @Schema(description = "CASH or IN_KIND (at its assessed value)") @NotNull DonationKind kind,
        @Schema(description = "Amount in whole đồng", examples = "150000000")
        @NotNull @Positive @Max(1_000_000_000_000L) Long amountVnd,
        @Schema(description = "Date received") @NotNull LocalDate receivedOn,
        @Schema(description = "Code of the area whose fund committee received it", examples = "01")
        @NotBlank @Pattern(regexp = "[0-9A-Za-z.-]{1,20}") String fundAreaCode,
        @Schema(description = "The donor asked not to be named in public") Boolean anonymous,
        @Size(max = 1000) String note) {

    @Schema(name = "DonorRef", description = "The donor; found by name and type, created when new")
    public record Donor(@NotBlank @Size(max = 300) String name, @NotNull DonorType type) {
    }
}
