package vn.vnn.emulation.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.vnn.emulation.movements.Criterion;
import vn.vnn.emulation.movements.EmulationScope;
import vn.vnn.emulation.participants.ParticipantService;
import vn.vnn.kit.Ids;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.time.VietnamClock;

import java.util.UUID;

/** Manual evidence for MANUAL criteria, counted once verified by another officer. */
@ApplicationScoped
public class EvidenceService {

    /** Evidence with the code of its criterion. */
    public record Checked(Evidence evidence, String criterionCode) {
    }

    private final EntityManager entityManager;
    private final Caller caller;
    private final MeasuredCriteria scores;
    private final ParticipantService participants;
    private final ObjectMapper json;
    private final EmulationScope scope;
    private final AuditLog audit;
    private final VietnamClock clock;

    EvidenceService(EntityManager entityManager, Caller caller, MeasuredCriteria scores,
                    ParticipantService participants, ObjectMapper json, EmulationScope scope, AuditLog audit,
                    VietnamClock clock) {
        this.entityManager = entityManager;
        this.caller = caller;
        this.scores = scores;
        this.participants = participants;
        this.json = json;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Checked submit(UUID movementId, EvidenceCommands.NewEvidence request) {
        scope.movement(movementId);
        participants.require(request.participantId(), "participantId");
        Criterion criterion = Criterion.<Criterion>find("movementId = ?1 and code = ?2", movementId,
                request.criterion()).firstResultOptional().orElseThrow(() -> ProblemException.invalid("criterion",
                "is no criterion of this movement"));
        if (criterion.measure != Criterion.Measure.MANUAL) {
            throw ProblemException.invalid("criterion", "is measured from events, not from evidence");
        }
        Evidence evidence = new Evidence();
        evidence.id = Ids.newId();
        evidence.movementId = movementId;
        evidence.criterionId = criterion.id;
        evidence.participantId = request.participantId();
        evidence.value = request.value();
        evidence.description = request.description().strip();
        evidence.attachments = write(request.attachments());
        evidence.status = Evidence.Status.PENDING;
        evidence.submittedBy = caller.actor();
        evidence.submittedAt = clock.now();
        evidence.persist();
        entityManager.flush();
        return new Checked(evidence, criterion.code);
    }

    /** Verifies (or rejects) evidence; a verified value moves the participant's score like an event would. */
    @Transactional
    public Checked verify(UUID evidenceId, EvidenceCommands.Verification verification) {
        Evidence evidence = entityManager.find(Evidence.class, evidenceId, LockModeType.PESSIMISTIC_WRITE);
        if (evidence == null) {
            throw ProblemException.notFound("Evidence", evidenceId);
        }
        scope.movement(evidence.movementId);
        boolean approve = Boolean.TRUE.equals(verification.approve());
        evidence.decide(approve, caller.actor(), verification.note(), clock.now());
        audit.record("EVIDENCE", evidenceId, approve ? "VERIFIED" : "REJECTED", caller.actor(), verification.note());
        if (approve) {
            scores.addVerified(evidence.movementId, evidence.criterionId, evidence.participantId, evidence.value,
                    evidenceId);
        }
        entityManager.flush();
        return new Checked(evidence, Criterion.<Criterion>findById(evidence.criterionId).code);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
