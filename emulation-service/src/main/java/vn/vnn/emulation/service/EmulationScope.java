package vn.vnn.emulation.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.vnn.emulation.domain.Movement;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;

import java.util.Set;
import java.util.UUID;

/**
 * Which movements the caller works on. Emulation officers and council members whose token carries
 * {@code area_codes} work on the movements of those areas; without the claim (the central office), and admins and
 * auditors, on all. Outside the scope a movement and what hangs on it are "not found".
 */
@ApplicationScoped
public class EmulationScope {

    private final Caller caller;

    EmulationScope(Caller caller) {
        this.caller = caller;
    }

    public Set<String> areas() {
        return caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.AUDITOR) ? Set.of() : caller.areaCodes();
    }

    public boolean covers(Movement movement) {
        Set<String> areas = areas();
        return areas.isEmpty() || areas.contains(movement.areaCode);
    }

    public boolean coversArea(String areaCode) {
        Set<String> areas = areas();
        return areas.isEmpty() || areas.contains(areaCode);
    }

    /** The movement, if the caller works on it; 404 otherwise. */
    public Movement movement(UUID id) {
        Movement movement = id == null ? null : Movement.findById(id);
        if (movement == null || !covers(movement)) {
            throw ProblemException.notFound("Movement", id);
        }
        return movement;
    }
}
