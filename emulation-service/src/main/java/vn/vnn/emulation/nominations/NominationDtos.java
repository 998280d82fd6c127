package vn.vnn.emulation.nominations;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.vnn.emulation.movements.Attachment;
import vn.vnn.kit.security.PersonalData;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the nomination endpoints answer. */
public final class NominationDtos {

    private NominationDtos() {
    }

    @Schema(name = "NominationComment", description = "moderation: VISIBLE or HIDDEN (hidden by the emulation "
            + "office, kept in the record)")
    public record CommentView(UUID id, String authorName, String contact, String text, OffsetDateTime receivedAt,
                              String moderation, String moderationReason, long version) {

        /** The contact in full for the emulation office, masked for everyone else. */
        public static CommentView of(NominationComments.Comment c, boolean office) {
            return new CommentView(c.id(), c.authorName(), office ? c.contact() : PersonalData.maskContact(c.contact()),
                    c.text(), c.receivedAt(), c.moderation(), c.moderationReason(), c.version());
        }
    }

    @Schema(name = "Nomination")
    public record View(UUID id, UUID movementId, UUID participantId, String participantName, String awardForm,
                       LocalDate periodFrom, LocalDate periodTo, String status, String achievementSummary,
                       List<Attachment> attachments, String submittedBy, OffsetDateTime submittedAt, String appraisedBy, List<String> councilMembers, Integer quorum,
                       long yes, long no, long abstain, String decisionNo, LocalDate decidedOn, String decidedBy,
                       Long rewardVnd, Long baseSalaryVnd, String rejectionReason, String revokedReason,
                       Long recoveredVnd, LocalDate announcedOn, LocalDate commentsUntil, long comments,
                       LocalDate rewardPaidOn, String paymentVoucher, long version) {

        public static View of(NominationRecord r) {
            Nomination n = r.nomination();
            List<String> votes = r.votes();
            return new View(n.id, n.movementId, n.participantId, r.participantName(), n.awardForm, n.periodFrom,
                    n.periodTo, n.status.name(),
                    n.achievementSummary, r.attachments(), n.submittedBy, n.submittedAt, n.appraisedBy, n.members(),
                    n.quorum, votes.stream().filter("YES"::equals).count(), votes.stream().filter("NO"::equals).count(),
                    votes.stream().filter("ABSTAIN"::equals).count(), n.decisionNo, n.decidedOn, n.decidedBy,
                    n.rewardVnd, n.baseSalaryVnd, n.rejectionReason, n.revokedReason, n.recoveredVnd, n.announcedOn,
                    n.commentsUntil, r.comments(), n.rewardPaidOn, n.paymentVoucher, n.version);
        }
    }
}
