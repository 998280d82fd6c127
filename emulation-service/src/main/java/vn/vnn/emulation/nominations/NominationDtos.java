package vn.vnn.emulation.api;

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
import vn.vnn.emulation.domain.Nomination;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Nominations from submission to decision. */
public final class NominationDtos {

    private NominationDtos() {
    }

    @Schema(name = "NominationRequest")
    public record Submit(@NotNull UUID movementId, @NotNull UUID participantId,
                         @Schema(examples = "BANG_KHEN_UBND_TINH") @NotBlank String awardForm,
                         @Schema(description = "Báo cáo thành tích, in short") @NotBlank @Size(max = 4000)
                         String achievementSummary,
                         @Schema(description = "The dossier: tờ trình, báo cáo thành tích, biên bản họp hội đồng")
                         @NotEmpty @Size(max = 20) List<@Valid @NotNull Attachment> attachments) {
    }

    @Schema(name = "NominationAttachment")
    public record Attachment(
            @Schema(description = "SUBMISSION (tờ trình), ACHIEVEMENT_REPORT, COUNCIL_MINUTES or OTHER")
            @NotNull @Pattern(regexp = "SUBMISSION|ACHIEVEMENT_REPORT|COUNCIL_MINUTES|OTHER") String kind,
            @NotBlank @Size(max = 300) String name,
            @Schema(description = "Where the document is kept (document number, file store reference)")
            @NotBlank @Size(max = 300) String reference) {
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

    @Schema(name = "Honour", description = "A decided award on the public honours board")
    public record Honour(UUID awardId, String participantName, String participantKind, String awardForm,
                         String awardName, String decisionNo, LocalDate decidedOn, String authorityName,
                         UUID movementId, String movementName, String areaCode) {
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

    @Schema(name = "AnnouncedNomination", description = "A nominee posted for public comment")
    public record Announced(UUID nominationId, String participantName, String participantKind, String awardName,
                            String achievementSummary, String movementName, String areaCode, LocalDate announcedOn,
                            LocalDate commentsUntil) {
    }

    @Schema(name = "PublicComment", description = "Ý kiến: a comment on an announced nominee; name and contact are "
            + "optional and shown only to the emulation office")
    public record Comment(@Size(max = 200) String authorName, @Size(max = 200) String contact,
                          @vn.vnn.kit.text.FreeText @NotBlank @Size(min = 2, max = 4000) String text) {
    }

    @Schema(name = "NominationComment", description = "moderation: VISIBLE or HIDDEN (hidden by the emulation "
            + "office, kept in the record)")
    public record CommentView(UUID id, String authorName, String contact, String text, OffsetDateTime receivedAt,
                              String moderation, String moderationReason, long version) {
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

    @Schema(name = "Nomination")
    public record View(UUID id, UUID movementId, UUID participantId, String participantName, String awardForm,
                       String status, String achievementSummary, List<Attachment> attachments, String submittedBy,
                       OffsetDateTime submittedAt, String appraisedBy, List<String> councilMembers, Integer quorum,
                       long yes, long no, long abstain, String decisionNo, LocalDate decidedOn, String decidedBy,
                       Long rewardVnd, Long baseSalaryVnd, String rejectionReason, String revokedReason,
                       Long recoveredVnd, LocalDate announcedOn, LocalDate commentsUntil, long comments,
                       LocalDate rewardPaidOn, String paymentVoucher, long version) {
    }
}
