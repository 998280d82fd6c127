package vn.vnn.emulation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.emulation.api.MovementDtos;
import vn.vnn.emulation.domain.Criterion;
import vn.vnn.emulation.domain.Movement;
import vn.vnn.emulation.domain.Standing;
import vn.vnn.kit.Ids;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.sql.NativeValues;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Movements with their criteria; standings and candidates read from the incrementally kept scores. */
@ApplicationScoped
public class MovementService {

    private final EntityManager entityManager;
    private final EmulationScope scope;

    private final vn.vnn.kit.audit.AuditLog audit;

    MovementService(EntityManager entityManager, EmulationScope scope, vn.vnn.kit.audit.AuditLog audit) {
        this.entityManager = entityManager;
        this.scope = scope;
        this.audit = audit;
    }

    @Transactional
    public MovementDtos.MovementView create(MovementDtos.MovementRequest request, String actor) {
        if (request.endsOn().isBefore(request.startsOn())) {
            throw ProblemException.invalid("endsOn", "is before startsOn");
        }
        if (!scope.coversArea(request.areaCode())) {
            throw ProblemException.invalid("areaCode", "is outside the areas you work in");
        }
        if (Movement.count("code", request.code()) > 0) {
            throw ProblemException.conflict("A movement with code " + request.code() + " exists");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < request.criteria().size(); i++) {
            if (!codes.add(request.criteria().get(i).code())) {
                throw ProblemException.invalid("criteria[" + i + "].code", "is given twice");
            }
        }
        Movement movement = new Movement();
        movement.id = Ids.newId();
        movement.code = request.code();
        movement.name = request.name().strip();
        movement.kind = request.kind();
        movement.areaCode = request.areaCode();
        movement.startsOn = request.startsOn();
        movement.endsOn = request.endsOn();
        movement.goals = request.goals();
        movement.createdBy = actor;
        movement.createdAt = OffsetDateTime.now();
        movement.persist();
        for (MovementDtos.CriterionRequest c : request.criteria()) {
            Criterion criterion = new Criterion();
            criterion.id = Ids.newId();
            criterion.movementId = movement.id;
            criterion.code = c.code();
            criterion.name = c.name().strip();
            criterion.measure = c.measure();
            criterion.weight = c.weight();
            criterion.target = c.target();
            criterion.candidateThreshold = c.candidateThreshold();
            criterion.persist();
        }
        entityManager.flush();
        audit.record("MOVEMENT", movement.id, "OPENED", actor, movement.code + " in " + movement.areaCode);
        return view(movement);
    }

    @Transactional
    public MovementDtos.MovementView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public List<MovementDtos.MovementView> list() {
        return Movement.<Movement>list("order by startsOn desc, code").stream().filter(scope::covers)
                .map(this::view).toList();
    }

    /** Every registered participant ranked by weighted score; optionally only one kind (COLLECTIVE, …). */
    @Transactional
    public List<MovementDtos.StandingView> standings(UUID movementId, String kind, String areaCode,
                                                     String criterionCode, int limit) {
        Movement movement = find(movementId);
        List<Criterion> criteria = Criterion.of(movement.id);
        if (criterionCode != null && criteria.stream().noneMatch(c -> c.code.equals(criterionCode))) {
            throw ProblemException.invalid("criterion", "this movement has no criterion " + criterionCode);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT p.id, p.name, p.kind, p.area_code, s.criterion_id, s.value
                        FROM registration r JOIN participant p ON p.id = r.participant_id
                             LEFT JOIN score s ON s.participant_id = p.id AND s.movement_id = r.movement_id
                        WHERE r.movement_id = ?1 AND (CAST(?2 AS text) IS NULL OR p.kind = ?2)
                          AND (CAST(?3 AS text) IS NULL OR p.area_code = ?3
                               OR p.source = 'COMMUNE' AND p.source_ref = ?3)""")
                .setParameter(1, movement.id).setParameter(2, kind).setParameter(3, areaCode).getResultList();
        Map<UUID, Object[]> participants = new LinkedHashMap<>();
        Map<UUID, Map<UUID, BigDecimal>> values = new LinkedHashMap<>();
        for (Object[] row : rows) {
            UUID participant = (UUID) row[0];
            participants.putIfAbsent(participant, row);
            Map<UUID, BigDecimal> own = values.computeIfAbsent(participant, p -> new LinkedHashMap<>());
            if (row[4] != null) {
                own.put((UUID) row[4], (BigDecimal) row[5]);
            }
        }
        List<Standing.Entry> entries = new ArrayList<>();
        for (UUID participant : participants.keySet()) {
            List<Standing.Value> own = criteria.stream().map(c -> new Standing.Value(c.code,
                    values.get(participant).getOrDefault(c.id, BigDecimal.ZERO), c.target, c.weight)).toList();
            // Ranked by one criterion: its progress to target alone.
            BigDecimal score = criterionCode == null ? Standing.score(own) : own.stream()
                    .filter(v -> v.criterion().equals(criterionCode)).findFirst().orElseThrow().progress()
                    .setScale(4, RoundingMode.HALF_UP);
            entries.add(new Standing.Entry(participant.toString(), own, score));
        }
        List<Standing.Entry> ranked = Standing.rank(entries);
        List<MovementDtos.StandingView> result = new ArrayList<>();
        int rank = 0;
        BigDecimal previous = null;
        for (int i = 0; i < ranked.size() && i < limit; i++) {
            Standing.Entry entry = ranked.get(i);
            if (previous == null || entry.score().compareTo(previous) != 0) {
                rank = i + 1;
            }
            previous = entry.score();
            Object[] p = participants.get(UUID.fromString(entry.participantId()));
            result.add(new MovementDtos.StandingView(rank, (UUID) p[0], (String) p[1], (String) p[2],
                    (String) p[3], entry.score(), entry.values().stream().map(v -> new MovementDtos.Value(
                    v.criterion(), v.value(), v.target(), v.progress().multiply(BigDecimal.valueOf(100))
                    .setScale(2, RoundingMode.HALF_UP))).toList()));
        }
        return result;
    }

    /** What moved a participant's scores in a movement, newest first. */
    @Transactional
    public List<MovementDtos.CreditView> credits(UUID movementId, UUID participantId, int limit) {
        Movement movement = find(movementId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT c.code, k.source_kind, k.source_ref, k.occurred_on, k.value, k.taken_back
                        FROM score_credit k JOIN criterion c ON c.id = k.criterion_id
                        WHERE k.movement_id = ?1 AND k.participant_id = ?2
                        ORDER BY k.occurred_on DESC, k.id DESC LIMIT ?3""")
                .setParameter(1, movement.id).setParameter(2, participantId).setParameter(3, limit)
                .getResultList();
        return rows.stream().map(r -> new MovementDtos.CreditView((String) r[0], (String) r[1], (String) r[2],
                NativeValues.localDate(r[3]), (BigDecimal) r[4],
                (Boolean) r[5])).toList();
    }

    /** "Promptly discover": participants who crossed a criterion's threshold, first to cross first. */
    @Transactional
    public List<MovementDtos.CandidateView> candidates(UUID movementId) {
        Movement movement = find(movementId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT p.id, p.name, p.kind, c.code, s.value, c.candidate_threshold, s.first_reached, s.events
                        FROM score s JOIN criterion c ON c.id = s.criterion_id
                             JOIN participant p ON p.id = s.participant_id
                        WHERE s.movement_id = ?1 AND s.first_reached IS NOT NULL
                        ORDER BY s.first_reached, p.id""")
                .setParameter(1, movement.id).getResultList();
        return rows.stream().map(r -> new MovementDtos.CandidateView((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], (BigDecimal) r[4], (BigDecimal) r[5], NativeValues.offsetDateTime(r[6]), ((Number) r[7]).intValue()))
                .toList();
    }

    private MovementDtos.MovementView view(Movement m) {
        long participants = ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM registration WHERE movement_id = ?1").setParameter(1, m.id)
                .getSingleResult()).longValue();
        return new MovementDtos.MovementView(m.id, m.code, m.name, m.kind, m.areaCode, m.startsOn, m.endsOn,
                m.goals, Criterion.of(m.id).stream().map(c -> new MovementDtos.CriterionView(c.id, c.code, c.name,
                c.measure.name(), c.weight, c.target, c.candidateThreshold)).toList(), participants, m.version);
    }

    private Movement find(UUID id) {
        return scope.movement(id);
    }
}
