package vn.vnn.emulation.participants;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.security.Roles;

import java.util.UUID;

/** Registration for a movement. Shares the movements' path (JAX-RS merges equal root paths). */
@Path("/api/v1/emulation/movements")
@Tag(name = "Movements", description = "Phong trào thi đua, tiêu chí, bảng xếp hạng và phát hiện điển hình")
public class RegistrationResource {

    private final ParticipantService participants;

    RegistrationResource(ParticipantService participants) {
        this.participants = participants;
    }

    @POST
    @Path("{id}/registrations")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.ADMIN})
    @Operation(summary = "Register a participant for a movement (đăng ký thi đua); registering again changes nothing")
    public Response register(@PathParam("id") UUID movementId,
                             @Valid @NotNull ParticipantCommands.Registration registration) {
        participants.register(movementId, registration.participantId());
        return Response.noContent().build();
    }
}
