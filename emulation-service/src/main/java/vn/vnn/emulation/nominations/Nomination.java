package vn.vnn.emulation.nominations;

import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.problem.ProblemType;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A nomination (đề nghị khen thưởng) and its life: SUBMITTED → APPRAISED (by the emulation office, not the officer
 * who submitted) → AT_COUNCIL → COUNCIL_APPROVED → [ANNOUNCED for public comment] → DECIDED (by the competent chairman,
 * with the reward) → REVOKED; REJECTED with reasons at the appraisal, the council or the decision. The transitions are
 * data ({@link #TRANSITIONS}); each is a method that checks it is allowed, changes the nomination and says what to
 * record in its history.
 */
@Entity
public class Nomination extends PanacheEntityBase {

    public enum Status { SUBMITTED, APPRAISED, AT_COUNCIL, COUNCIL_APPROVED, ANNOUNCED, DECIDED, REJECTED, REVOKED }

    /** What can be done to a nomination. */
    public enum Step { APPRAISE, PUT_TO_COUNCIL, VOTE, COUNT_VOTES, ANNOUNCE, DECIDE, DECLINE, REVOKE, PAY_REWARD }

    /** From which statuses each step may be taken. */
    public static final Map<Step, Set<Status>> TRANSITIONS = transitions();

    /** Days of comment when neither the office nor the award form says (10, as for state-level awards). */
    public static final int DEFAULT_COMMENT_DAYS = 10;

    /** A step as the nomination's history records it. */
    public record Recorded(String step, String detail) {
    }

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
    /** The period of the achievement: one achievement, one form, per period (a mid-term and a final award). */
    @Column(name = "period_from")
    public LocalDate periodFrom;
    @Column(name = "period_to")
    public LocalDate periodTo;
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

    /** A new nomination of a participant for an award form, with its dossier; SUBMITTED. */
    public static Nomination submit(UUID id, UUID movementId, UUID participantId, String awardForm,
                                    LocalDate periodFrom, LocalDate periodTo, String achievementSummary,
                                    String attachments, String actor, OffsetDateTime at) {
        Nomination nomination = new Nomination();
        nomination.periodFrom = periodFrom;
        nomination.periodTo = periodTo;
        nomination.id = id;
        nomination.movementId = movementId;
        nomination.participantId = participantId;
        nomination.awardForm = awardForm;
        nomination.status = Status.SUBMITTED;
        nomination.achievementSummary = achievementSummary.strip();
        nomination.attachments = attachments;
        nomination.submittedBy = actor;
        nomination.submittedAt = at;
        return nomination;
    }

    /** Fails with 409 unless the step may be taken from the current status. */
    public void require(Step step) {
        Set<Status> from = TRANSITIONS.get(step);
        if (!from.contains(status)) {
            throw ProblemException.conflict("The nomination is " + status + ", not "
                    + String.join(" or ", from.stream().sorted().map(Enum::name).toList()));
        }
    }

    /** The emulation office's appraisal (thẩm định); never by the officer who submitted the nomination. */
    public Recorded appraise(String actor, boolean approve, String note) {
        require(Step.APPRAISE);
        if (actor.equals(submittedBy)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The officer who submitted a nomination cannot "
                    + "appraise it");
        }
        appraisedBy = actor;
        appraisalNote = note;
        if (approve) {
            status = Status.APPRAISED;
        } else {
            reject(note == null ? "not supported by the appraisal" : note);
        }
        return new Recorded("APPRAISED", String.valueOf(approve));
    }

    /** Puts the nomination to a council of named members (hội đồng thi đua, khen thưởng) with a quorum. */
    public Recorded putToCouncil(List<String> members, int quorum) {
        require(Step.PUT_TO_COUNCIL);
        List<String> distinct = members.stream().map(String::strip).distinct().toList();
        if (quorum > distinct.size()) {
            throw ProblemException.invalid("quorum", "is more than the " + distinct.size() + " members");
        }
        councilMembers = String.join(",", distinct);
        this.quorum = quorum;
        status = Status.AT_COUNCIL;
        return new Recorded("AT_COUNCIL", distinct.size() + " members, quorum " + quorum);
    }

    /** A member's vote; a member may change it until the votes are counted. Others do not see the nomination. */
    public Recorded vote(String member, String vote) {
        require(Step.VOTE);
        if (!members().contains(member)) {
            throw ProblemException.notFound("Nomination", id);
        }
        return new Recorded("VOTED", member + ": " + vote);
    }

    /** Counts the votes (AwardRules.council): no quorum is a 409 and decides nothing. */
    public Recorded countVotes(List<String> votes) {
        require(Step.COUNT_VOTES);
        AwardRules.Outcome outcome = AwardRules.council(members().size(), quorum, votes);
        if (outcome == AwardRules.Outcome.NO_QUORUM) {
            throw ProblemException.conflict("Only " + votes.size() + " of " + members().size()
                    + " members voted; the council needs " + quorum + " to decide");
        }
        if (outcome == AwardRules.Outcome.APPROVED) {
            status = Status.COUNCIL_APPROVED;
        } else {
            reject("the council did not approve it");
        }
        return new Recorded("COUNTED", outcome + " " + votes);
    }

    /**
     * Công khai: posts the council-approved nominee for public comment from {@code from} (which must be today: a
     * notice cannot claim to have been up before it was recorded) for {@code days}, at least the form's own period.
     */
    public Recorded announce(LocalDate from, Integer days, AwardForm form, LocalDate today) {
        require(Step.ANNOUNCE);
        if (from.isAfter(today)) {
            throw ProblemException.invalid("announcedOn", "an announcement cannot start in the future");
        }
        if (from.isBefore(today)) {
            throw ProblemException.invalid("announcedOn", "an announcement cannot start before the day it is "
                    + "recorded (" + today + ")");
        }
        Integer formDays = form.announcementDays;
        int period = days != null ? days : formDays != null ? formDays : DEFAULT_COMMENT_DAYS;
        if (formDays != null && period < formDays) {
            throw ProblemException.invalid("days", "this award form is announced for at least " + formDays + " days");
        }
        status = Status.ANNOUNCED;
        announcedOn = from;
        commentsUntil = from.plusDays(period - 1L);
        return new Recorded("ANNOUNCED", from + " – " + commentsUntil);
    }

    /**
     * The competent chairman's decision: after the comment period when the form asks for one, with the reward from
     * the form's multiple and the base salary both in force on the decision's date (AwardRules.reward).
     */
    public Recorded decide(AwardForm form, Optional<AwardFormRate> rate, Optional<BaseSalary> salary,
                           String participantKind, String decisionNo, LocalDate decidedOn, String authority,
                           String actor, LocalDate today) {
        require(Step.DECIDE);
        if (status == Status.COUNCIL_APPROVED && form.announcementDays != null) {
            throw ProblemException.conflict("This award form is announced for public comment for "
                    + form.announcementDays + " days before the decision");
        }
        if (status == Status.ANNOUNCED && (!today.isAfter(commentsUntil) || !decidedOn.isAfter(commentsUntil))) {
            throw ProblemException.conflict("Public comments are open until " + commentsUntil
                    + "; the decision comes after that");
        }
        BigDecimal multiple = rate.orElseThrow(() -> ProblemException.invalid("decidedOn",
                "no multiple of form " + form.code + " is in force on that date")).multiple;
        baseSalaryVnd = salary.orElseThrow(() -> ProblemException.invalid("decidedOn",
                "no base salary is configured for that date")).amountVnd;
        rewardVnd = AwardRules.reward(multiple, baseSalaryVnd, participantKind, form.doublesForCollectives());
        this.decisionNo = decisionNo.strip();
        this.decidedOn = decidedOn;
        decidedBy = actor;
        authorityName = authority != null && !authority.isBlank() ? authority.strip() : form.defaultAuthority();
        status = Status.DECIDED;
        return new Recorded("DECIDED", this.decisionNo + ", " + rewardVnd + " đồng");
    }

    /** The competent chairman declines to award (e.g. after a substantiated public comment), with reasons. */
    public Recorded decline(String reason) {
        require(Step.DECLINE);
        reject(reason.strip());
        return new Recorded("REJECTED", rejectionReason);
    }

    /** Revokes a decided award (fraud, false dossier): it leaves the honours board; at most the paid reward is recovered. */
    public Recorded revoke(String reason, long recovered) {
        require(Step.REVOKE);
        long paid = rewardPaidOn == null ? 0 : rewardVnd;
        if (recovered > paid) {
            throw ProblemException.invalid("recoveredVnd", "at most the reward paid (" + paid + " đồng) is recovered");
        }
        status = Status.REVOKED;
        revokedReason = reason.strip();
        recoveredVnd = recovered;
        return new Recorded("REVOKED", revokedReason);
    }

    /** Chi tiền thưởng: the decided reward paid once, between the decision and today, against a voucher. */
    public Recorded payReward(LocalDate paidOn, String voucherNo, String actor, LocalDate today) {
        require(Step.PAY_REWARD);
        if (rewardPaidOn != null) {
            throw ProblemException.conflict("The reward was already paid on " + rewardPaidOn + " (voucher "
                    + paymentVoucher + ")");
        }
        if (paidOn.isBefore(decidedOn) || paidOn.isAfter(today)) {
            throw ProblemException.invalid("paidOn", "a reward is paid between its decision and today");
        }
        rewardPaidOn = paidOn;
        paymentVoucher = voucherNo.strip();
        paidBy = actor;
        return new Recorded("PAID", rewardVnd + " đồng, " + paymentVoucher);
    }

    /** Whether this nomination still stands for its achievement (neither rejected nor revoked). */
    public boolean live() {
        return status != Status.REJECTED && status != Status.REVOKED;
    }

    /** Whether its period of achievement shares a day with the given one. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !periodFrom.isAfter(to) && !from.isAfter(periodTo);
    }

    public List<String> members() {
        return councilMembers == null || councilMembers.isEmpty() ? List.of() : List.of(councilMembers.split(","));
    }

    private void reject(String reason) {
        status = Status.REJECTED;
        rejectionReason = reason;
    }

    private static Map<Step, Set<Status>> transitions() {
        Map<Step, Set<Status>> t = new EnumMap<>(Step.class);
        t.put(Step.APPRAISE, EnumSet.of(Status.SUBMITTED));
        t.put(Step.PUT_TO_COUNCIL, EnumSet.of(Status.APPRAISED));
        t.put(Step.VOTE, EnumSet.of(Status.AT_COUNCIL));
        t.put(Step.COUNT_VOTES, EnumSet.of(Status.AT_COUNCIL));
        t.put(Step.ANNOUNCE, EnumSet.of(Status.COUNCIL_APPROVED));
        t.put(Step.DECIDE, EnumSet.of(Status.COUNCIL_APPROVED, Status.ANNOUNCED));
        t.put(Step.DECLINE, EnumSet.of(Status.COUNCIL_APPROVED, Status.ANNOUNCED));
        t.put(Step.REVOKE, EnumSet.of(Status.DECIDED));
        t.put(Step.PAY_REWARD, EnumSet.of(Status.DECIDED));
        return java.util.Collections.unmodifiableMap(t);
    }
}
