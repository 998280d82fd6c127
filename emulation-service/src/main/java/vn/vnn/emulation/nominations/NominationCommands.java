package vn.vnn.emulation.nominations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import vn.vnn.emulation.movements.Attachment;

/** What officers, councils, chairmen and the public do to nominations: the bodies of the nomination endpoints. */
public final class NominationCommands {

    private NominationCommands() {
    }

    @Schema(name = "NominationRequest")
    public record Submit(@NotNull UUID movementId, @NotNull UUID participantId,
                         @Schema(description = "First day of the achievement's period (default: the movement's "
                                 + "start); one achievement earns one form per period") LocalDate periodFrom,
                         @Schema(description = "Last day of the achievement's period (default: the movement's end)")
                         LocalDate periodTo,
                         @Schema(examples = "BANG_KHEN_UBND_TINH") @NotBlank String awardForm,
                         @Schema(description = "Báo cáo thành tích, in short") @NotBlank @Size(max = 4000)
                         String achievementSummary,
                         @Schema(description = "The dossier: tờ trình, báo cáo thành tích, biên bản họp hội đồng")
                         @NotEmpty @Size(max = 20) List<@Valid @NotNull Attachment> attachments) {
    }

    @Schema(name = "Appraisal")
    public record Appraisal(@NotNull Boolean approve, @Size(max = 1000) String note, @NotNull Long version) {
    }

    @Schema(name = "CouncilSession", description = "The members the nomination is put to and how many must vote")
    public record Council(@NotEmpty @Size(max = 50) List<@NotBlank String> members, @NotNull @Min(1) Integer quorum,
                          @NotNull Long version) {
    }

    @Schema(name = "Vote")
    public record Vote(@NotNull @Pattern(regexp = "YES|NO|ABSTAIN") String vote) {
    }

    @Schema(name = "AwardDecision")
    public record Decision(@NotBlank @Size(max = 100) String decisionNo, @NotNull LocalDate decidedOn,
                           @Schema(description = "As the certificate prints it", examples = "Ủy ban nhân dân tỉnh "
                                   + "Minh Hoạ") @Size(max = 200) String authorityName,
                           @NotNull Long version) {
    }

    @Schema(name = "Announcement", description = "Công khai, lấy ý kiến: the nominee is posted on the public board "
            + "from announcedOn (today when omitted, never later) for the given number of days")
    public record Announcement(LocalDate announcedOn,
                               @Schema(description = "Days open for comments; the award form's own period when "
                                       + "omitted, else 10") @Min(1) @Max(90) Integer days,
                               @NotNull Long version) {
    }

    @Schema(name = "NominationRejection", description = "The competent chairman declines to award, with reasons")
    public record Rejection(@NotBlank @Size(max = 1000) String reason, @NotNull Long version) {
    }

    @Schema(name = "RewardPayment", description = "Chi tiền thưởng: the reward was paid out, once")
    public record Payment(@NotNull LocalDate paidOn,
                          @Schema(description = "Payment voucher number (số phiếu chi / chứng từ)")
                          @NotBlank @Size(max = 100) String voucherNo,
                          @NotNull Long version) {
    }

    @Schema(name = "PublicComment", description = "Ý kiến: a comment on an announced nominee; name and contact are "
            + "optional and shown only to the emulation office")
    public record Comment(@Size(max = 200) String authorName, @Size(max = 200) String contact,
                          @vn.vnn.kit.text.FreeText @NotBlank @Size(min = 2, max = 4000) String text) {
    }

    @Schema(name = "CommentModeration", description = "Hide a comment (abuse, personal data of others, advertising) "
            + "or show it again; it is never deleted")
    public record Moderation(@NotNull State state, @vn.vnn.kit.text.FreeText @Size(max = 500) String reason,
                             @NotNull Long version) {
        public enum State { VISIBLE, HIDDEN }
    }

    @Schema(name = "Revocation")
    public record Revocation(@NotBlank @Size(max = 1000) String reason, @NotNull @PositiveOrZero Long recoveredVnd,
                             @NotNull Long version) {
    }
}
