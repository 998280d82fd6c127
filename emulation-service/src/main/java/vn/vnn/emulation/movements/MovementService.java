package vn.vnn.emulation.movements;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.kit.Ids;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.time.VietnamClock;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Movements (phong trào thi đua) with their weighted criteria, within the caller's areas. */
@ApplicationScoped
public class MovementService {

    private final EntityManager entityManager;
    private final EmulationScope scope;
    private final AuditLog audit;
    private final VietnamClock clock;

    MovementService(EntityManager entityManager, EmulationScope scope, AuditLog audit, VietnamClock clock) {
        this.entityManager = entityManager;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public MovementRecord create(MovementCommands.NewMovement request, String actor) {
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
            MovementCommands.NewCriterion criterion = request.criteria().get(i);
            if (!codes.add(criterion.code())) {
                throw ProblemException.invalid("criteria[" + i + "].code", "is given twice");
            }
            if (criterion.measure() != null && criterion.measure().lowerIsBetter()
                    && criterion.candidateThreshold() != null) {
                throw ProblemException.invalid("criteria[" + i + "].candidateThreshold", "a measure where more is "
                        + "worse (" + criterion.measure() + ") makes no candidates");
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
        movement.createdAt = clock.now();
        movement.persist();
        for (MovementCommands.NewCriterion c : request.criteria()) {
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
        return record(movement);
    }

    @Transactional
    public MovementRecord get(UUID id) {
        return record(scope.movement(id));
    }

    @Transactional
    public List<MovementRecord> list() {
        return Movement.<Movement>list("order by startsOn desc, code").stream().filter(scope::covers)
                .map(this::record).toList();
    }

    private MovementRecord record(Movement movement) {
        return new MovementRecord(movement, Criterion.of(movement.id), movement.registrations());
    }
}
