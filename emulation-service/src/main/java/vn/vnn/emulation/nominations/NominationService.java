package vn.vnn.emulation.nominations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.emulation.movements.Attachment;
import vn.vnn.emulation.movements.EmulationScope;
import vn.vnn.emulation.movements.Movement;
import vn.vnn.emulation.participants.Participant;
import vn.vnn.events.emulation.AwardDecidedV1;
import vn.vnn.kit.Ids;
import vn.vnn.kit.outbox.Outbox;
import vn.vnn.kit.persistence.Versions;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.problem.ProblemType;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;
import vn.vnn.kit.time.VietnamClock;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * From nomination to decision, step by step on the {@link Nomination} aggregate: this use case loads it within the
 * caller's movements, checks who may take the step (the competent chairman decides: provincial forms by the provincial
 * chairman, commune forms by the commune chairman), lets the nomination change itself, records the step, and publishes
 * {@code emulation.award-decided.v1} through the outbox.
 */
@ApplicationScoped
public class NominationService {

    private static final TypeReference<List<Attachment>> ATTACHMENTS = new TypeReference<>() { };

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Caller caller;
    private final ObjectMapper json;
    private final EmulationScope scope;
    private final CouncilVotes votes;
    private final NominationSteps steps;
    private final NominationComments comments;
    private final VietnamClock clock;

    NominationService(EntityManager entityManager, Outbox outbox, Caller caller, ObjectMapper json,
                      EmulationScope scope, CouncilVotes votes, NominationSteps steps, NominationComments comments,
                      VietnamClock clock) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.caller = caller;
        this.json = json;
        this.scope = scope;
        this.votes = votes;
        this.steps = steps;
        this.comments = comments;
        this.clock = clock;
    }

    @Transactional
    public NominationRecord submit(NominationCommands.Submit request) {
        Movement movement = Movement.findById(request.movementId());
        if (movement == null || !scope.covers(movement)) {
            throw ProblemException.invalid("movementId", "is no movement you work on");
        }
        Participant participant = Participant.findById(request.participantId());
        if (participant == null) {
            throw ProblemException.invalid("participantId", "is no participant");
        }
        AwardForm form = AwardForm.inForce(request.awardForm(), clock.today()).orElseThrow(() ->
                ProblemException.invalid("awardForm", "is no award form in force"));
        if (!form.isFor(participant.kind)) {
            throw ProblemException.invalid("awardForm", "is for " + String.join(", ", form.kinds())
                    + " participants, not " + participant.kind);
        }
        LocalDate from = request.periodFrom() == null ? movement.startsOn : request.periodFrom();
        LocalDate to = request.periodTo() == null ? movement.endsOn : request.periodTo();
        if (to.isBefore(from)) {
            throw ProblemException.invalid("periodTo", "is before periodFrom");
        }
        if (from.isBefore(movement.startsOn) || to.isAfter(movement.endsOn)) {
            throw ProblemException.invalid("periodFrom", "the period lies within the movement's, "
                    + movement.startsOn + " – " + movement.endsOn);
        }
        // One submission per participant and movement at a time, so that two cannot both pass the check below.
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "nomination:" + movement.id + ":" + participant.id).getSingleResult();
        boolean taken = Nomination.<Nomination>list("movementId = ?1 and participantId = ?2", movement.id,
                participant.id).stream().anyMatch(n -> n.live() && n.overlaps(from, to));
        if (taken) {
            throw ProblemException.conflict("The participant already has a nomination for an achievement of this "
                    + "period: one achievement earns one form");
        }
        Nomination nomination = Nomination.submit(Ids.newId(), movement.id, participant.id, form.code, from, to,
                request.achievementSummary(), write(request.attachments()), caller.actor(), clock.now());
        nomination.persist();
        steps.record(nomination, new Nomination.Recorded("SUBMITTED", form.code), caller.actor());
        return record(nomination);
    }

    @Transactional
    public NominationRecord appraise(UUID id, NominationCommands.Appraisal appraisal) {
        Nomination nomination = find(id, appraisal.version());
        return took(nomination, nomination.appraise(caller.actor(), Boolean.TRUE.equals(appraisal.approve()),
                appraisal.note()));
    }

    @Transactional
    public NominationRecord putToCouncil(UUID id, NominationCommands.Council council) {
        Nomination nomination = find(id, council.version());
        return took(nomination, nomination.putToCouncil(council.members(), council.quorum()));
    }

    /** A council member votes on a nomination put to their council; a member may change their vote until counted. */
    @Transactional
    public NominationRecord vote(UUID id, String vote) {
        Nomination nomination = find(id, null);
        Nomination.Recorded step = nomination.vote(caller.actor(), vote);
        votes.cast(id, caller.actor(), vote);
        steps.record(nomination, step, caller.actor());
        return record(nomination);
    }

    /** Counts the council's votes: no quorum is a 409 and decides nothing. */
    @Transactional
    public NominationRecord countVotes(UUID id, long version) {
        Nomination nomination = find(id, version);
        nomination.require(Nomination.Step.COUNT_VOTES);
        return took(nomination, nomination.countVotes(votes.of(id)));
    }

    @Transactional
    public NominationRecord decide(UUID id, NominationCommands.Decision decision) {
        Nomination nomination = find(id, decision.version());
        nomination.require(Nomination.Step.DECIDE);
        AwardForm form = AwardForm.findById(nomination.awardForm);
        requireCompetentChairman(form.level);
        Participant participant = Participant.findById(nomination.participantId);
        Nomination.Recorded step = nomination.decide(form, AwardFormRate.inForceOn(form.code, decision.decidedOn()),
                BaseSalary.inForceOn(decision.decidedOn()), participant.kind, decision.decisionNo(), decision.decidedOn(), decision.authorityName(),
                caller.actor(), clock.today());
        Movement movement = Movement.findById(nomination.movementId);
        outbox.publish("award", nomination.id.toString(), new AwardDecidedV1(nomination.id.toString(),
                participant.id.toString(), participant.name, participant.awardSubject(), form.awardType, form.level,
                movement.areaCode, nomination.decisionNo, nomination.decidedOn, movement.startsOn.getYear(),
                caller.actor()));
        return took(nomination, step);
    }

    /** Revokes a decided award (fraud, false dossier): it leaves the honours board and the recovery is recorded. */
    @Transactional
    public NominationRecord revoke(UUID id, NominationCommands.Revocation revocation) {
        Nomination nomination = find(id, revocation.version());
        return took(nomination, nomination.revoke(revocation.reason(), revocation.recoveredVnd()));
    }

    /**
     * Công khai: posts a council-approved nominee on the public board for comments. Optional unless the award form
     * sets a period; the period starts on the day it is recorded, never earlier or later.
     */
    @Transactional
    public NominationRecord announce(UUID id, NominationCommands.Announcement announcement) {
        Nomination nomination = find(id, announcement.version());
        nomination.require(Nomination.Step.ANNOUNCE);
        LocalDate today = clock.today();
        return took(nomination, nomination.announce(clock.orToday(announcement.announcedOn()), announcement.days(),
                AwardForm.findById(nomination.awardForm), today));
    }

    /** The competent chairman declines to award (e.g. after a substantiated public comment), with reasons. */
    @Transactional
    public NominationRecord decline(UUID id, NominationCommands.Rejection rejection) {
        Nomination nomination = find(id, rejection.version());
        nomination.require(Nomination.Step.DECLINE);
        requireCompetentChairman(AwardForm.<AwardForm>findById(nomination.awardForm).level);
        return took(nomination, nomination.decline(rejection.reason()));
    }

    /** Chi tiền thưởng: records that the decided reward was paid, once, against a voucher. */
    @Transactional
    public NominationRecord recordPayment(UUID id, NominationCommands.Payment payment) {
        Nomination nomination = find(id, payment.version());
        return took(nomination, nomination.payReward(payment.paidOn(), payment.voucherNo(), caller.actor(),
                clock.today()));
    }

    /** The certificate of a decided award. */
    @Transactional
    public CertificateData certificate(UUID id) {
        Nomination nomination = find(id, null);
        if (nomination.status != Nomination.Status.DECIDED) {
            throw ProblemException.conflict("Only a decided award has a certificate; this one is "
                    + nomination.status);
        }
        Movement movement = Movement.findById(nomination.movementId);
        AwardForm form = AwardForm.findById(nomination.awardForm);
        Participant participant = Participant.findById(nomination.participantId);
        return new CertificateData(nomination.authorityName, form.certificateTitle(), participant.name,
                nomination.achievementSummary, nomination.decisionNo, nomination.decidedOn, movement.name);
    }

    /** A nomination the caller may see: in their movements, and for a council member only one put to them. */
    @Transactional
    public NominationRecord get(UUID id) {
        Nomination nomination = find(id, null);
        if (caller.hasRole(Roles.COUNCIL_MEMBER) && !caller.hasRole(Roles.EMULATION_OFFICER)
                && !caller.hasRole(Roles.ADMIN) && !nomination.members().contains(caller.actor())) {
            throw ProblemException.notFound("Nomination", id);
        }
        return record(nomination);
    }

    /** The nomination, if in the caller's movements (404 otherwise), at the version the caller read. */
    private Nomination find(UUID id, Long version) {
        Nomination nomination = Nomination.findById(id);
        if (nomination == null || !scope.covers(Movement.findById(nomination.movementId))) {
            throw ProblemException.notFound("Nomination", id);
        }
        Versions.requireUnchanged("Nomination", id, nomination.version, version);
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

    /** Records the step the nomination took and hands it out as it now stands. */
    private NominationRecord took(Nomination nomination, Nomination.Recorded step) {
        steps.record(nomination, step, caller.actor());
        entityManager.flush();
        return record(nomination);
    }

    private NominationRecord record(Nomination n) {
        Participant participant = Participant.findById(n.participantId);
        return new NominationRecord(n, participant.name, read(n.attachments), votes.of(n.id), comments.count(n.id));
    }

    private String write(List<Attachment> attachments) {
        try {
            return json.writeValueAsString(attachments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Attachment> read(String attachments) {
        try {
            return json.readValue(attachments, ATTACHMENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
