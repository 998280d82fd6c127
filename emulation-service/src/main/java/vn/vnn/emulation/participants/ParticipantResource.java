package vn.vnn.emulation.participants;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.security.Roles;

import java.util.List;

/** Participants of the movements. Shares its path with the evidence endpoints (JAX-RS merges equal root paths). */
@Path("/api/v1/emulation")
@Tag(name = "Participants", description = "Đối tượng thi đua, đăng ký thi đua và minh chứng")
public class ParticipantResource {

    private final ParticipantService participants;

    ParticipantResource(ParticipantService participants) {
        this.participants = participants;
    }

    @POST
    @Path("participants")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.ADMIN})
    @Operation(summary = "Add a participant: a collective (agency, commune, village, enterprise), individual or "
            + "household; donors and communes are added by the events that measure them")
    public Response create(@Valid @NotNull ParticipantCommands.NewParticipant request) {
        return Response.status(Response.Status.CREATED).entity(ParticipantView.of(participants.create(request)))
                .build();
    }

    @GET
    @Path("participants")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.COUNCIL_MEMBER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Participants by part of the name (at most 100)")
    public List<ParticipantView> search(@QueryParam("name") String name) {
        return participants.search(name).stream().map(ParticipantView::of).toList();
    }
}
