package vn.vnn.emulation.movements;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/emulation/movements")
@Tag(name = "Movements", description = "Phong trào thi đua, tiêu chí, bảng xếp hạng và phát hiện điển hình")
public class MovementResource {

    private final MovementService movements;
    private final Caller caller;

    MovementResource(MovementService movements, Caller caller) {
        this.movements = movements;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.ADMIN})
    @Operation(summary = "Open a movement with its period, scope and weighted criteria")
    public Response create(@Valid @NotNull MovementCommands.NewMovement request, @Context UriInfo uriInfo) {
        MovementDtos.MovementView movement = MovementDtos.MovementView.of(movements.create(request, caller.actor()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(movement.id().toString()).build())
                .entity(movement).build();
    }

    @GET
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.COUNCIL_MEMBER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Movements, newest first")
    public List<MovementDtos.MovementView> list() {
        return movements.list().stream().map(MovementDtos.MovementView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.COUNCIL_MEMBER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "A movement with its criteria and number of participants")
    public MovementDtos.MovementView get(@PathParam("id") UUID id) {
        return MovementDtos.MovementView.of(movements.get(id));
    }
}
