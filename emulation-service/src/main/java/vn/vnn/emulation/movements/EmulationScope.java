package vn.vnn.emulation.movements;

import jakarta.enterprise.context.ApplicationScoped;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.AreaScope;
import vn.vnn.kit.security.Caller;

import java.util.UUID;

/**
 * Which movements the call reaches ({@link vn.vnn.kit.security.Reach}): emulation officers, council members and the
 * chairmen work on the movements of the areas in their token, on all with the national grant {@code VN}, on none
 * without areas; admins and auditors on all. Outside the scope a movement and what hangs on it are "not found".
 */
@ApplicationScoped
public class EmulationScope {

    private final Caller caller;

    EmulationScope(Caller caller) {
        this.caller = caller;
    }

    public AreaScope areas() {
        return caller.scope();
    }

    public boolean covers(Movement movement) {
        return movement != null && areas().covers(movement.areaCode);
    }

    public boolean coversArea(String areaCode) {
        return areas().covers(areaCode);
    }

    /** The movement, if the caller works on it; 404 otherwise. */
    public Movement movement(UUID id) {
        Movement movement = id == null ? null : Movement.findById(id);
        if (movement == null) {
            throw ProblemException.notFound("Movement", id);
        }
        caller.requireArea("Movement", id, movement.areaCode);
        return movement;
    }
}
