package vn.vnn.fund.donations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.vnn.fund.donors.DonorRef;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import jakarta.validation.constraints.Digits;

@Schema(name = "DonationRequest", description = "A donation to record (ghi nhận ủng hộ)")
public record DonationEntry(
        @Schema(description = "Who gave; or name a known donor by donorId instead") @Valid DonorRef donor,
        @Schema(description = "CASH or IN_KIND (at its assessed value)") @NotNull DonationKind kind,
        @Schema(description = "Amount in whole đồng", examples = "150000000")
        @NotNull @Positive @Max(1_000_000_000_000L) Long amountVnd,
        @Schema(description = "Date received") @NotNull LocalDate receivedOn,
        @Schema(description = "Code of the area whose fund committee received it", examples = "01")
        @NotBlank @Pattern(regexp = "[0-9A-Za-z.-]{1,20}") String fundAreaCode,
        @Schema(description = "The donor asked not to be named in public") Boolean anonymous,
        @Size(max = 1000) String note,
        @Schema(description = "For CASH: BANK_TRANSFER, CASH_AT_OFFICE or TREASURY (default BANK_TRANSFER)")
        PaymentChannel channel,
        @Schema(description = "For CASH: the bank's or treasury's transaction reference")
        @Size(max = 100) String bankReference,
        @Schema(description = "For IN_KIND: the goods; their values add up to amountVnd")
        @Size(max = 100) List<@Valid @NotNull Item> items,
        @Schema(description = "The fund's campaign it answers, running on receivedOn") java.util.UUID campaignId,
        @Schema(description = "The donor's pledge it pays (part of)") java.util.UUID pledgeId,
        @Schema(description = "A known donor, chosen explicitly (instead of donor): one of the donors of the funds "
                + "you work on") java.util.UUID donorId,
        @Schema(description = "For a BANK_TRANSFER: which of the fund's bank accounts received it (its cash is held "
                + "there in the ledger)") java.util.UUID bankAccountId) {

    /** Without campaign, pledge and donor id. */
    public DonationEntry(DonorRef donor, DonationKind kind, Long amountVnd, LocalDate receivedOn, String fundAreaCode,
                           Boolean anonymous, String note, PaymentChannel channel, String bankReference,
                           List<Item> items) {
        this(donor, kind, amountVnd, receivedOn, fundAreaCode, anonymous, note, channel, bankReference, items, null,
                null, null, null);
    }

    @Schema(name = "DonationItem")
    public record Item(@NotBlank @Size(max = 300) String name,
                       @NotNull @Positive @Digits(integer = 11, fraction = 3) BigDecimal quantity,
                       @NotBlank @Size(max = 30) String unit,
                       @Schema(description = "Stated value in whole đồng") @NotNull @Positive @Max(1_000_000_000_000L) Long valueVnd) {
    }
}
