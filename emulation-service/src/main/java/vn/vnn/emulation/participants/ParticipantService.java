package vn.vnn.emulation.participants;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.vnn.emulation.movements.EmulationScope;
import vn.vnn.kit.Ids;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.text.Names;
import vn.vnn.kit.time.VietnamClock;

import java.util.List;
import java.util.UUID;

/** Participants the office adds, finding them, and their registration in movements (đăng ký thi đua). */
@ApplicationScoped
public class ParticipantService {

    private final Participants participants;
    private final EmulationScope scope;
    private final Caller caller;
    private final AuditLog audit;
    private final VietnamClock clock;

    ParticipantService(Participants participants, EmulationScope scope, Caller caller, AuditLog audit,
                       VietnamClock clock) {
        this.participants = participants;
        this.scope = scope;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Participant create(ParticipantCommands.NewParticipant request) {
        if (!scope.coversArea(request.areaCode())) {
            throw ProblemException.invalid("areaCode", "is outside the areas you work in");
        }
        Participant participant = new Participant();
        participant.id = Ids.newId();
        participant.kind = request.kind();
        participant.name = Names.normalise(request.name());
        participant.areaCode = request.areaCode();
        participant.source = "MANUAL";
        participant.sourceRef = participant.id.toString();
        participant.createdAt = clock.now();
        participant.persist();
        audit.record("PARTICIPANT", participant.id, "CREATED", caller.actor(), request.kind() + " in "
                + request.areaCode());
        return participant;
    }

    @Transactional
    public List<Participant> search(String name) {
        return Participant.named(name == null || name.isBlank() ? null : Names.normalise(name));
    }

    /** Đăng ký thi đua; registering twice changes nothing. */
    @Transactional
    public void register(UUID movementId, UUID participantId) {
        scope.movement(movementId);
        require(participantId, "participantId");
        participants.registerApplied(movementId, participantId, clock.today());
    }

    /** The participant, or a 422 on {@code field} naming no participant. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Participant require(UUID participantId, String field) {
        Participant participant = participantId == null ? null : Participant.findById(participantId);
        if (participant == null) {
            throw ProblemException.invalid(field, "is no participant");
        }
        return participant;
    }
}
