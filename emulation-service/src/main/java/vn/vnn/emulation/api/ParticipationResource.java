package vn.vnn.emulation.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.emulation.service.ParticipationService;
import vn.vnn.kit.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/emulation")
@Tag(name = "Participants", description = "Đối tượng thi đua, đăng ký thi đua và minh chứng")
public class ParticipationResource {

    private final ParticipationService participation;

    ParticipationResource(ParticipationService participation) {
        this.participation = participation;
    }

    @POST
    @Path("participants")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.ADMIN})
    @Operation(summary = "Add a participant: a collective (agency, commune, village, enterprise), individual or "
            + "household; donors and communes are added by the events that measure them")
    public Response create(@Valid @NotNull ParticipationDtos.ParticipantRequest request) {
        return Response.status(Response.Status.CREATED).entity(participation.create(request)).build();
    }

    @GET
    @Path("participants")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.COUNCIL_MEMBER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Participants by part of the name (at most 100)")
    public List<ParticipationDtos.ParticipantView> search(@QueryParam("name") String name) {
        return participation.search(name);
    }

    @POST
    @Path("evidence/{id}/verification")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.ADMIN})
    @Operation(summary = "Verify or reject evidence (not by the officer who submitted it); verified values count")
    public ParticipationDtos.EvidenceView verify(@PathParam("id") UUID id,
                                                 @Valid @NotNull ParticipationDtos.Verification verification) {
        return participation.verify(id, verification);
    }
}
