package vn.vnn.emulation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.emulation.api.ParticipationDtos;
import vn.vnn.emulation.domain.Criterion;
import vn.vnn.emulation.domain.Movement;
import vn.vnn.kit.Ids;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.text.Names;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.problem.ProblemType;
import vn.vnn.kit.security.Caller;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Participants that register themselves, and manual evidence counted once verified by another officer. */
@ApplicationScoped
public class ParticipationService {

    private final EntityManager entityManager;
    private final Caller caller;
    private final MeasuredCriteria scores;
    private final ObjectMapper json;
    private final EmulationScope scope;

    private final AuditLog audit;

    ParticipationService(EntityManager entityManager, Caller caller, MeasuredCriteria scores, ObjectMapper json,
                         EmulationScope scope, AuditLog audit) {
        this.scope = scope;
        this.audit = audit;
        this.entityManager = entityManager;
        this.caller = caller;
        this.scores = scores;
        this.json = json;
    }

    @Transactional
    public ParticipationDtos.ParticipantView create(ParticipationDtos.ParticipantRequest request) {
        if (!scope.coversArea(request.areaCode())) {
            throw ProblemException.invalid("areaCode", "is outside the areas you work in");
        }
        UUID id = Ids.newId();
        entityManager.createNativeQuery("""
                        INSERT INTO participant (id, kind, name, area_code, source, source_ref, created_at)
                        VALUES (?1, ?2, ?3, ?4, 'MANUAL', ?5, now())""")
                .setParameter(1, id).setParameter(2, request.kind()).setParameter(3, Names.normalise(request.name()))
                .setParameter(4, request.areaCode()).setParameter(5, id.toString()).executeUpdate();
        audit.record("PARTICIPANT", id, "CREATED", caller.actor(), request.kind() + " in " + request.areaCode());
        return new ParticipationDtos.ParticipantView(id, request.kind(), Names.normalise(request.name()),
                request.areaCode(), "MANUAL");
    }

    @Transactional
    public List<ParticipationDtos.ParticipantView> search(String name) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT id, kind, name, area_code, source FROM participant
                        WHERE (CAST(?1 AS text) IS NULL OR lower(name) LIKE ?1) ORDER BY lower(name), id LIMIT 100""")
                .setParameter(1, name == null || name.isBlank() ? null
                        : "%" + Names.normalise(name).toLowerCase(Locale.ROOT) + "%").getResultList();
        return rows.stream().map(r -> new ParticipationDtos.ParticipantView((UUID) r[0], (String) r[1],
                (String) r[2], (String) r[3], (String) r[4])).toList();
    }

    /** Đăng ký thi đua; registering twice changes nothing. */
    @Transactional
    public void register(UUID movementId, UUID participantId) {
        movement(movementId);
        participant(participantId);
        entityManager.createNativeQuery("""
                        INSERT INTO registration (movement_id, participant_id, registered_on, how)
                        VALUES (?1, ?2, ?3, 'APPLIED') ON CONFLICT DO NOTHING""")
                .setParameter(1, movementId).setParameter(2, participantId)
                .setParameter(3, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"))).executeUpdate();
    }

    @Transactional
    public ParticipationDtos.EvidenceView submitEvidence(UUID movementId, ParticipationDtos.EvidenceRequest request) {
        movement(movementId);
        participant(request.participantId());
        Criterion criterion = Criterion.<Criterion>find("movementId = ?1 and code = ?2", movementId,
                request.criterion()).firstResultOptional().orElseThrow(() -> ProblemException.invalid("criterion",
                "is no criterion of this movement"));
        if (criterion.measure != Criterion.Measure.MANUAL) {
            throw ProblemException.invalid("criterion", "is measured from events, not from evidence");
        }
        UUID id = Ids.newId();
        entityManager.createNativeQuery("""
                        INSERT INTO evidence (id, movement_id, criterion_id, participant_id, value, description,
                                              attachments, status, submitted_by, submitted_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'PENDING', ?8, now())""")
                .setParameter(1, id).setParameter(2, movementId).setParameter(3, criterion.id)
                .setParameter(4, request.participantId()).setParameter(5, request.value())
                .setParameter(6, request.description().strip()).setParameter(7, write(request.attachments()))
                .setParameter(8, caller.actor()).executeUpdate();
        return evidence(id);
    }

    /** Verifies (or rejects) evidence; a verified value moves the participant's score like an event would. */
    @Transactional
    public ParticipationDtos.EvidenceView verify(UUID evidenceId, ParticipationDtos.Verification verification) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT status, submitted_by, movement_id, criterion_id, participant_id, value
                        FROM evidence WHERE id = ?1 FOR UPDATE""").setParameter(1, evidenceId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Evidence", evidenceId);
        }
        Object[] row = rows.get(0);
        scope.movement((UUID) row[2]);
        if (!"PENDING".equals(row[0])) {
            throw ProblemException.conflict("The evidence is already " + row[0]);
        }
        if (caller.actor().equals(row[1])) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Evidence is verified by another officer");
        }
        boolean approve = Boolean.TRUE.equals(verification.approve());
        entityManager.createNativeQuery("""
                        UPDATE evidence SET status = ?2, verified_by = ?3, verified_at = now(), note = ?4
                        WHERE id = ?1""")
                .setParameter(1, evidenceId).setParameter(2, approve ? "VERIFIED" : "REJECTED")
                .setParameter(3, caller.actor()).setParameter(4, verification.note()).executeUpdate();
        audit.record("EVIDENCE", evidenceId, approve ? "VERIFIED" : "REJECTED", caller.actor(), verification.note());
        if (approve) {
            scores.addVerified((UUID) row[2], (UUID) row[3], (UUID) row[4], (BigDecimal) row[5], evidenceId);
        }
        return evidence(evidenceId);
    }

    private ParticipationDtos.EvidenceView evidence(UUID id) {
        Object[] r = (Object[]) entityManager.createNativeQuery("""
                        SELECT e.id, e.participant_id, c.code, e.value, e.description, e.status, e.submitted_by,
                               e.verified_by, e.note
                        FROM evidence e JOIN criterion c ON c.id = e.criterion_id WHERE e.id = ?1""")
                .setParameter(1, id).getSingleResult();
        return new ParticipationDtos.EvidenceView((UUID) r[0], (UUID) r[1], (String) r[2], (BigDecimal) r[3],
                (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8]);
    }

    private Movement movement(UUID id) {
        return scope.movement(id);
    }

    private void participant(UUID id) {
        if (((Number) entityManager.createNativeQuery("SELECT count(*) FROM participant WHERE id = ?1")
                .setParameter(1, id).getSingleResult()).longValue() == 0) {
            throw ProblemException.invalid("participantId", "is no participant");
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
