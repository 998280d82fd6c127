package vn.vnn.fund.campaigns;

import vn.vnn.fund.donors.DonorRef;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Campaigns (đợt vận động) and pledges (cam kết): what officers send to open them, and how they stand (money raised,
 * pledges paid), as the campaign use cases compute it.
 */
public final class CampaignRecords {

    private CampaignRecords() {
    }

    @Schema(name = "NewCampaign")
    public record NewCampaign(
            @NotBlank @Pattern(regexp = "[0-9A-Za-z.-]{1,20}") String fundAreaCode,
            @Schema(examples = "Tháng cao điểm \"Vì người nghèo\" 2025") @NotBlank @Size(max = 300) String name,
            @Schema(examples = "2025-10-17") @NotNull LocalDate startsOn,
            @Schema(examples = "2025-11-18") @NotNull LocalDate endsOn,
            @Schema(description = "Target in whole đồng") @NotNull @Positive @Max(1_000_000_000_000L) Long targetVnd) {
    }

    @Schema(name = "DonorGroup", description = "What one kind of donor gave in a campaign")
    public record DonorGroup(String type, String organisationKind, boolean overseas, long donors, long donations,
                             long amountVnd) {
    }

    @Schema(name = "Campaign")
    public record CampaignProgress(UUID id, UUID fundId, String name, LocalDate startsOn, LocalDate endsOn, long targetVnd,
                               long raisedVnd, BigDecimal progressPercent, long donations, long donors,
                               long pledgedVnd, long pledgesOutstandingVnd, List<DonorGroup> byDonorType,
                               long version) {
    }

    @Schema(name = "NewPledge")
    public record NewPledge(
            @NotBlank @Pattern(regexp = "[0-9A-Za-z.-]{1,20}") String fundAreaCode,
            @NotNull @Valid DonorRef donor,
            UUID campaignId,
            @Schema(description = "Promised total in whole đồng") @NotNull @Positive @Max(1_000_000_000_000L) Long pledgedVnd,
            @NotNull LocalDate pledgedOn,
            @Size(max = 500) String note,
            @Schema(description = "Optional schedule; the amounts add up to pledgedVnd")
            @Size(max = 60) List<@Valid @NotNull Instalment> instalments) {
    }

    @Schema(name = "PledgeInstalment")
    public record Instalment(@NotNull LocalDate dueOn, @NotNull @Positive @Max(1_000_000_000_000L) Long amountVnd) {
    }

    @Schema(name = "PledgeInstalmentStatus", description = "An instalment and how much of it the payments so far "
            + "cover (payments fill instalments in order)")
    public record InstalmentStatus(int number, LocalDate dueOn, long amountVnd, long coveredVnd, String status) {
    }

    @Schema(name = "PledgePayment")
    public record Payment(UUID donationId, String receiptNo, LocalDate receivedOn, long amountVnd) {
    }

    @Schema(name = "Pledge")
    public record PledgeStanding(UUID id, UUID fundId, UUID donorId, String donorName, UUID campaignId, long pledgedVnd,
                             LocalDate pledgedOn, String note, long paidVnd, long outstandingVnd, String status,
                             List<InstalmentStatus> instalments, List<Payment> payments, long version) {
    }
}
