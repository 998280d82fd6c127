package vn.vnn.emulation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.emulation.api.NominationDtos;
import vn.vnn.emulation.domain.AwardRules;
import vn.vnn.emulation.domain.Movement;
import vn.vnn.emulation.domain.Nomination;
import vn.vnn.events.emulation.AwardDecidedV1;
import vn.vnn.kit.Ids;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.outbox.Outbox;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.problem.ProblemType;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;
import vn.vnn.kit.sql.NativeValues;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * From nomination to decision: the emulation office appraises (not the officer who submitted), a council of named
 * members votes (quorum, majority of all members), the competent chairman decides — the provincial chairman for
 * provincial forms, the commune chairman for commune forms — with the reward the form's multiple × the base salary in
 * force on the decision's date; optionally after a public announcement with a comment period; the reward paid once,
 * recovered on revocation. Every step is logged; {@code emulation.award-decided.v1} leaves through the outbox.
 */
@ApplicationScoped
public class NominationService {

    private final AuditLog audit;
    private static final TypeReference<List<NominationDtos.Attachment>> ATTACHMENTS = new TypeReference<>() { };
    private static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
    /** Days of comment when neither the office nor the award form says (10, as for state-level awards). */
    private static final int DEFAULT_DAYS = 10;

    /** Longest any query of a public read may run (503 with Retry-After beyond). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "vnn.public.statement-timeout",
            defaultValue = "5s")
    java.time.Duration publicTimeout;

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Caller caller;
    private final ObjectMapper json;
    private final EmulationScope scope;

    NominationService(EntityManager entityManager, Outbox outbox, Caller caller, ObjectMapper json,
                      EmulationScope scope, AuditLog audit) {
        this.scope = scope;
        this.audit = audit;
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.caller = caller;
        this.json = json;
    }

    @Transactional
    public NominationDtos.View submit(NominationDtos.Submit request) {
        Movement movement = Movement.findById(request.movementId());
        if (movement == null || !scope.covers(movement)) {
            throw ProblemException.invalid("movementId", "is no movement you work on");
        }
        Object[] participant = participant(request.participantId());
        if (participant == null) {
            throw ProblemException.invalid("participantId", "is no participant");
        }
        Object[] form = form(request.awardForm());
        if (form == null) {
            throw ProblemException.invalid("awardForm", "is no award form in force");
        }
        String subject = (String) form[1];
        String kind = (String) participant[1];
        if (!"ANY".equals(subject) && !subject.equals(kind.equals("HOUSEHOLD") ? "INDIVIDUAL" : kind)) {
            throw ProblemException.invalid("awardForm", "is for " + subject + " participants, not " + kind);
        }
        if (Nomination.count("movementId = ?1 and participantId = ?2 and status <> ?3", movement.id,
                request.participantId(), Nomination.Status.REJECTED) > 0) {
            throw ProblemException.conflict("The participant already has a nomination in this movement: one "
                    + "achievement earns one form");
        }
        Nomination nomination = new Nomination();
        nomination.id = Ids.newId();
        nomination.movementId = movement.id;
        nomination.participantId = request.participantId();
        nomination.awardForm = request.awardForm();
        nomination.status = Nomination.Status.SUBMITTED;
        nomination.achievementSummary = request.achievementSummary().strip();
        nomination.attachments = write(request.attachments());
        nomination.submittedBy = caller.actor();
        nomination.submittedAt = OffsetDateTime.now();
        nomination.persist();
        step(nomination, "SUBMITTED", request.awardForm());
        return view(nomination);
    }

    @Transactional
    public NominationDtos.View appraise(UUID id, NominationDtos.Appraisal appraisal) {
        Nomination nomination = find(id, appraisal.version(), Nomination.Status.SUBMITTED);
        if (caller.actor().equals(nomination.submittedBy)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The officer who submitted a nomination cannot "
                    + "appraise it");
        }
        nomination.appraisedBy = caller.actor();
        nomination.appraisalNote = appraisal.note();
        if (Boolean.TRUE.equals(appraisal.approve())) {
            nomination.status = Nomination.Status.APPRAISED;
        } else {
            reject(nomination, appraisal.note() == null ? "not supported by the appraisal" : appraisal.note());
        }
        step(nomination, "APPRAISED", String.valueOf(appraisal.approve()));
        return view(flush(nomination));
    }

    @Transactional
    public NominationDtos.View putToCouncil(UUID id, NominationDtos.Council council) {
        Nomination nomination = find(id, council.version(), Nomination.Status.APPRAISED);
        List<String> members = council.members().stream().map(String::strip).distinct().toList();
        if (council.quorum() > members.size()) {
            throw ProblemException.invalid("quorum", "is more than the " + members.size() + " members");
        }
        nomination.councilMembers = String.join(",", members);
        nomination.quorum = council.quorum();
        nomination.status = Nomination.Status.AT_COUNCIL;
        step(nomination, "AT_COUNCIL", members.size() + " members, quorum " + council.quorum());
        return view(flush(nomination));
    }

    /** A council member votes on a nomination put to their council; a member may change their vote until counted. */
    @Transactional
    public NominationDtos.View vote(UUID id, String vote) {
        Nomination nomination = find(id, null, Nomination.Status.AT_COUNCIL);
        if (!nomination.members().contains(caller.actor())) {
            throw ProblemException.notFound("Nomination", id);
        }
        entityManager.createNativeQuery("""
                        INSERT INTO council_vote (nomination_id, member, vote, voted_at) VALUES (?1, ?2, ?3, now())
                        ON CONFLICT (nomination_id, member) DO UPDATE SET vote = EXCLUDED.vote,
                                                                          voted_at = EXCLUDED.voted_at""")
                .setParameter(1, id).setParameter(2, caller.actor()).setParameter(3, vote).executeUpdate();
        step(nomination, "VOTED", caller.actor() + ": " + vote);
        return view(nomination);
    }

    /** Counts the council's votes: no quorum is a 409 and decides nothing. */
    @Transactional
    public NominationDtos.View countVotes(UUID id, long version) {
        Nomination nomination = find(id, version, Nomination.Status.AT_COUNCIL);
        List<String> votes = votes(id);
        AwardRules.Outcome outcome = AwardRules.council(nomination.members().size(), nomination.quorum, votes);
        if (outcome == AwardRules.Outcome.NO_QUORUM) {
            throw ProblemException.conflict("Only " + votes.size() + " of " + nomination.members().size()
                    + " members voted; the council needs " + nomination.quorum + " to decide");
        }
        if (outcome == AwardRules.Outcome.APPROVED) {
            nomination.status = Nomination.Status.COUNCIL_APPROVED;
        } else {
            reject(nomination, "the council did not approve it");
        }
        step(nomination, "COUNTED", outcome + " " + votes);
        return view(flush(nomination));
    }

    @Transactional
    public NominationDtos.View decide(UUID id, NominationDtos.Decision decision) {
        Nomination nomination = find(id, decision.version(), Nomination.Status.COUNCIL_APPROVED,
                Nomination.Status.ANNOUNCED);
        Object[] form = form(nomination.awardForm);
        String level = (String) form[2];
        requireCompetentChairman(level);
        Integer announcementDays = announcementDays(nomination.awardForm);
        if (nomination.status == Nomination.Status.COUNCIL_APPROVED && announcementDays != null) {
            throw ProblemException.conflict("This award form is announced for public comment for "
                    + announcementDays + " days before the decision");
        }
        if (nomination.status == Nomination.Status.ANNOUNCED && (!today().isAfter(nomination.commentsUntil)
                || !decision.decidedOn().isAfter(nomination.commentsUntil))) {
            throw ProblemException.conflict("Public comments are open until " + nomination.commentsUntil
                    + "; the decision comes after that");
        }
        @SuppressWarnings("unchecked")
        List<Number> salary = entityManager.createNativeQuery("""
                        SELECT amount_vnd FROM base_salary WHERE valid_from <= ?1 ORDER BY valid_from DESC LIMIT 1""")
                .setParameter(1, decision.decidedOn()).getResultList();
        if (salary.isEmpty()) {
            throw ProblemException.invalid("decidedOn", "no base salary is configured for that date");
        }
        Object[] participant = participant(nomination.participantId);
        nomination.baseSalaryVnd = salary.get(0).longValue();
        nomination.rewardVnd = AwardRules.reward((BigDecimal) form[0], nomination.baseSalaryVnd,
                (String) participant[1]);
        nomination.decisionNo = decision.decisionNo().strip();
        nomination.decidedOn = decision.decidedOn();
        nomination.decidedBy = caller.actor();
        nomination.authorityName = decision.authorityName() != null && !decision.authorityName().isBlank()
                ? decision.authorityName().strip()
                : "PROVINCE".equals(level) ? "Ủy ban nhân dân tỉnh" : "Ủy ban nhân dân xã";
        nomination.status = Nomination.Status.DECIDED;
        step(nomination, "DECIDED", nomination.decisionNo + ", " + nomination.rewardVnd + " đồng");
        Movement movement = Movement.findById(nomination.movementId);
        outbox.publish("award", nomination.id.toString(), new AwardDecidedV1(nomination.id.toString(),
                nomination.participantId.toString(), (String) participant[0],
                "COLLECTIVE".equals(participant[1]) ? "COLLECTIVE" : "INDIVIDUAL", (String) form[3], level,
                movement.areaCode, nomination.decisionNo, nomination.decidedOn, movement.startsOn.getYear(),
                caller.actor()));
        return view(flush(nomination));
    }

    /** Revokes a decided award (fraud, false dossier): it leaves the honours board and the recovery is recorded. */
    @Transactional
    public NominationDtos.View revoke(UUID id, NominationDtos.Revocation revocation) {
        Nomination nomination = find(id, revocation.version(), Nomination.Status.DECIDED);
        long paid = nomination.rewardPaidOn == null ? 0 : nomination.rewardVnd;
        if (revocation.recoveredVnd() > paid) {
            throw ProblemException.invalid("recoveredVnd", "at most the reward paid (" + paid + " đồng) is recovered");
        }
        nomination.status = Nomination.Status.REVOKED;
        nomination.revokedReason = revocation.reason().strip();
        nomination.recoveredVnd = revocation.recoveredVnd();
        step(nomination, "REVOKED", nomination.revokedReason);
        return view(flush(nomination));
    }

    /**
     * Công khai: posts a council-approved nominee on the public board for comments. Optional unless the award form
     * sets a period; the period starts on the day it is recorded, never earlier or later.
     */
    @Transactional
    public NominationDtos.View announce(UUID id, NominationDtos.Announcement announcement) {
        Nomination nomination = find(id, announcement.version(), Nomination.Status.COUNCIL_APPROVED);
        LocalDate from = announcement.announcedOn() == null ? today() : announcement.announcedOn();
        if (from.isAfter(today())) {
            throw ProblemException.invalid("announcedOn", "an announcement cannot start in the future");
        }
        // The public must have the whole period: a notice recorded today cannot claim to have been up since last
        // week, which would shorten (or close) the comment period before anyone saw it.
        if (from.isBefore(today())) {
            throw ProblemException.invalid("announcedOn", "an announcement cannot start before the day it is "
                    + "recorded (" + today() + ")");
        }
        Integer formDays = announcementDays(nomination.awardForm);
        int days = announcement.days() != null ? announcement.days() : formDays != null ? formDays : DEFAULT_DAYS;
        if (formDays != null && days < formDays) {
            throw ProblemException.invalid("days", "this award form is announced for at least " + formDays + " days");
        }
        nomination.status = Nomination.Status.ANNOUNCED;
        nomination.announcedOn = from;
        nomination.commentsUntil = from.plusDays(days - 1L);
        step(nomination, "ANNOUNCED", from + " – " + nomination.commentsUntil);
        return view(flush(nomination));
    }

    /** The competent chairman declines to award (e.g. after a substantiated public comment), with reasons. */
    @Transactional
    public NominationDtos.View decline(UUID id, NominationDtos.Rejection rejection) {
        Nomination nomination = find(id, rejection.version(), Nomination.Status.COUNCIL_APPROVED,
                Nomination.Status.ANNOUNCED);
        requireCompetentChairman((String) form(nomination.awardForm)[2]);
        reject(nomination, rejection.reason().strip());
        step(nomination, "REJECTED", nomination.rejectionReason);
        return view(flush(nomination));
    }

    /** Chi tiền thưởng: records that the decided reward was paid, once, against a voucher. */
    @Transactional
    public NominationDtos.View recordPayment(UUID id, NominationDtos.Payment payment) {
        Nomination nomination = find(id, payment.version(), Nomination.Status.DECIDED);
        if (nomination.rewardPaidOn != null) {
            throw ProblemException.conflict("The reward was already paid on " + nomination.rewardPaidOn
                    + " (voucher " + nomination.paymentVoucher + ")");
        }
        if (payment.paidOn().isBefore(nomination.decidedOn) || payment.paidOn().isAfter(today())) {
            throw ProblemException.invalid("paidOn", "a reward is paid between its decision and today");
        }
        nomination.rewardPaidOn = payment.paidOn();
        nomination.paymentVoucher = payment.voucherNo().strip();
        nomination.paidBy = caller.actor();
        step(nomination, "PAID", nomination.rewardVnd + " đồng, " + nomination.paymentVoucher);
        return view(flush(nomination));
    }

    /** The certificate of a decided award. */
    @Transactional
    public CertificateData certificate(UUID id) {
        Nomination nomination = Nomination.findById(id);
        if (nomination == null || !scope.covers(Movement.findById(nomination.movementId))) {
            throw ProblemException.notFound("Nomination", id);
        }
        if (nomination.status != Nomination.Status.DECIDED) {
            throw ProblemException.conflict("Only a decided award has a certificate; this one is "
                    + nomination.status);
        }
        Movement movement = Movement.findById(nomination.movementId);
        String formName = (String) entityManager.createNativeQuery("SELECT name FROM award_form WHERE code = ?1")
                .setParameter(1, nomination.awardForm).getSingleResult();
        return new CertificateData(nomination.authorityName, formName.replaceFirst(" của .*$", ""),
                (String) participant(nomination.participantId)[0], nomination.achievementSummary,
                nomination.decisionNo, nomination.decidedOn, movement.name);
    }

    /** What a certificate prints. */
    public record CertificateData(String authority, String formName, String participantName, String achievement,
                                  String decisionNo, java.time.LocalDate decidedOn, String movementName) {
    }

    /** The public honours board: decided awards that stand (revoked ones leave it), newest first. */
    @Transactional
    public vn.vnn.kit.paging.Page<NominationDtos.Honour> honours(UUID movementId, String areaCode,
                                                               vn.vnn.kit.paging.PageRequest page) {
        vn.vnn.kit.sql.StatementTimeout.apply(entityManager, publicTimeout);
        String from = """
                        FROM nomination n JOIN participant p ON p.id = n.participant_id
                             JOIN movement m ON m.id = n.movement_id JOIN award_form f ON f.code = n.award_form
                        WHERE n.status = 'DECIDED' AND (CAST(?1 AS uuid) IS NULL OR m.id = ?1)
                          AND (CAST(?2 AS text) IS NULL OR m.area_code = ?2)""";
        long total = ((Number) entityManager.createNativeQuery("SELECT count(*)" + from)
                .setParameter(1, movementId).setParameter(2, areaCode).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT n.id, p.name, p.kind, n.award_form, f.name, n.decision_no, n.decided_on,
                               n.authority_name, m.id, m.name, m.area_code""" + " " + from + """

                        ORDER BY n.decided_on DESC, n.decision_no""")
                .setParameter(1, movementId).setParameter(2, areaCode).setFirstResult(page.offset())
                .setMaxResults(page.size()).getResultList();
        return vn.vnn.kit.paging.Page.of(rows.stream().map(r -> new NominationDtos.Honour((UUID) r[0],
                (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                NativeValues.localDate(r[6]), (String) r[7], (UUID) r[8], (String) r[9], (String) r[10])).toList(),
                page, total);
    }

    @Transactional
    public NominationDtos.View get(UUID id) {
        Nomination nomination = Nomination.findById(id);
        if (nomination == null || !scope.covers(Movement.findById(nomination.movementId))
                || caller.hasRole(Roles.COUNCIL_MEMBER) && !caller.hasRole(Roles.EMULATION_OFFICER)
                && !caller.hasRole(Roles.ADMIN) && !nomination.members().contains(caller.actor())) {
            throw ProblemException.notFound("Nomination", id);
        }
        return view(nomination);
    }

    private void reject(Nomination nomination, String reason) {
        nomination.status = Nomination.Status.REJECTED;
        nomination.rejectionReason = reason;
    }

    Nomination find(UUID id, Long version, Nomination.Status... expected) {
        Nomination nomination = Nomination.findById(id);
        if (nomination == null || !scope.covers(Movement.findById(nomination.movementId))) {
            throw ProblemException.notFound("Nomination", id);
        }
        if (version != null && nomination.version != version) {
            throw ProblemException.conflict("Nomination " + id + " changed meanwhile; reload it and try again");
        }
        if (!List.of(expected).contains(nomination.status)) {
            throw ProblemException.conflict("The nomination is " + nomination.status + ", not "
                    + String.join(" or ", java.util.Arrays.stream(expected).map(Enum::name).toList()));
        }
        return nomination;
    }

    private void requireCompetentChairman(String level) {
        boolean competent = caller.hasRole(Roles.ADMIN)
                || "PROVINCE".equals(level) && caller.hasRole(Roles.PROVINCE_CHAIRMAN)
                || "COMMUNE".equals(level) && caller.hasRole(Roles.COMMUNE_CHAIRMAN);
        if (!competent) {
            throw new ProblemException(ProblemType.FORBIDDEN, "A " + level.toLowerCase() + " award is decided by the "
                    + level.toLowerCase() + " chairman");
        }
    }

    /** The public-comment period the award form requires, in days; null when the step is optional. */
    private Integer announcementDays(String awardForm) {
        Object days = entityManager.createNativeQuery("SELECT announcement_days FROM award_form WHERE code = ?1")
                .setParameter(1, awardForm).getSingleResult();
        return days == null ? null : ((Number) days).intValue();
    }

    static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    private Nomination flush(Nomination nomination) {
        entityManager.flush();
        return nomination;
    }

    /** A step of the nomination's life, in its own history and in the service's audit trail. */
    void step(Nomination nomination, String step, String detail) {
        audit.record("NOMINATION", nomination.id, step, caller.actor(), detail);
        entityManager.createNativeQuery("""
                        INSERT INTO nomination_step (id, nomination_id, step, actor, at, detail)
                        VALUES (?1, ?2, ?3, ?4, now(), ?5)""")
                .setParameter(1, Ids.newId()).setParameter(2, nomination.id).setParameter(3, step)
                .setParameter(4, caller.actor()).setParameter(5, detail).executeUpdate();
    }

    /** name, kind of a participant; null when unknown. */
    private Object[] participant(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT name, kind FROM participant WHERE id = ?1")
                .setParameter(1, id).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** multiple, subject, level, award type of a form in force today; null when none. */
    private Object[] form(String code) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT multiple, subject, level, award_type FROM award_form
                        WHERE code = ?1 AND valid_from <= current_date
                          AND (valid_to IS NULL OR valid_to >= current_date)""")
                .setParameter(1, code).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private List<String> votes(UUID id) {
        @SuppressWarnings("unchecked")
        List<String> votes = entityManager.createNativeQuery("SELECT vote FROM council_vote WHERE nomination_id = ?1")
                .setParameter(1, id).getResultList();
        return votes;
    }

    private NominationDtos.View view(Nomination n) {
        List<String> votes = votes(n.id);
        Object[] participant = participant(n.participantId);
        return new NominationDtos.View(n.id, n.movementId, n.participantId, (String) participant[0], n.awardForm,
                n.status.name(), n.achievementSummary, read(n.attachments), n.submittedBy, n.submittedAt,
                n.appraisedBy, n.members(), n.quorum, votes.stream().filter("YES"::equals).count(),
                votes.stream().filter("NO"::equals).count(), votes.stream().filter("ABSTAIN"::equals).count(),
                n.decisionNo, n.decidedOn, n.decidedBy, n.rewardVnd, n.baseSalaryVnd, n.rejectionReason,
                n.revokedReason, n.recoveredVnd, n.announcedOn, n.commentsUntil, comments(n.id), n.rewardPaidOn,
                n.paymentVoucher, n.version);
    }

    private long comments(UUID nominationId) {
        return ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM nomination_comment WHERE nomination_id = ?1")
                .setParameter(1, nominationId).getSingleResult()).longValue();
    }

    private String write(List<NominationDtos.Attachment> attachments) {
        try {
            return json.writeValueAsString(attachments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<NominationDtos.Attachment> read(String attachments) {
        try {
            return json.readValue(attachments, ATTACHMENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
