package vn.vnn.emulation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A nomination (đề nghị khen thưởng): SUBMITTED → APPRAISED (emulation office) → AT_COUNCIL → COUNCIL_APPROVED →
 * DECIDED (competent chairman), or REJECTED with reasons; a decided award may be REVOKED.
 */
@Entity
public class Nomination extends PanacheEntityBase {

    public enum Status { SUBMITTED, APPRAISED, AT_COUNCIL, COUNCIL_APPROVED, ANNOUNCED, DECIDED, REJECTED, REVOKED }

    @Id
    public UUID id;
    @Column(name = "movement_id")
    public UUID movementId;
    @Column(name = "participant_id")
    public UUID participantId;
    @Column(name = "award_form")
    public String awardForm;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    @Column(name = "achievement_summary")
    public String achievementSummary;
    /** JSON list of the dossier's documents (kind, name, reference), as given. */
    public String attachments;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "appraised_by")
    public String appraisedBy;
    @Column(name = "appraisal_note")
    public String appraisalNote;
    /** Comma-separated usernames of the council members this nomination is put to. */
    @Column(name = "council_members")
    public String councilMembers;
    public Integer quorum;
    @Column(name = "decision_no")
    public String decisionNo;
    @Column(name = "decided_on")
    public LocalDate decidedOn;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "authority_name")
    public String authorityName;
    @Column(name = "reward_vnd")
    public Long rewardVnd;
    @Column(name = "base_salary_vnd")
    public Long baseSalaryVnd;
    @Column(name = "rejection_reason")
    public String rejectionReason;
    @Column(name = "revoked_reason")
    public String revokedReason;
    @Column(name = "recovered_vnd")
    public Long recoveredVnd;
    @Column(name = "announced_on")
    public LocalDate announcedOn;
    @Column(name = "comments_until")
    public LocalDate commentsUntil;
    @Column(name = "reward_paid_on")
    public LocalDate rewardPaidOn;
    @Column(name = "payment_voucher")
    public String paymentVoucher;
    @Column(name = "paid_by")
    public String paidBy;
    @Version
    public long version;

    public java.util.List<String> members() {
        return councilMembers == null || councilMembers.isEmpty() ? java.util.List.of()
                : java.util.List.of(councilMembers.split(","));
    }
}
