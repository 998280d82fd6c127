package vn.vnn.emulation.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.emulation.service.MovementService;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/emulation/movements")
@Tag(name = "Movements", description = "Phong trào thi đua, tiêu chí, bảng xếp hạng và phát hiện điển hình")
public class MovementResource {

    private final MovementService movements;
    private final vn.vnn.emulation.service.ParticipationService participation;
    private final Caller caller;

    MovementResource(MovementService movements, vn.vnn.emulation.service.ParticipationService participation,
                     Caller caller) {
        this.movements = movements;
        this.participation = participation;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.ADMIN})
    @Operation(summary = "Open a movement with its period, scope and weighted criteria")
    public Response create(@Valid @NotNull MovementDtos.MovementRequest request, @Context UriInfo uriInfo) {
        MovementDtos.MovementView movement = movements.create(request, caller.actor());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(movement.id().toString()).build())
                .entity(movement).build();
    }

    @GET
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.COUNCIL_MEMBER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Movements, newest first")
    public List<MovementDtos.MovementView> list() {
        return movements.list();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.COUNCIL_MEMBER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "A movement with its criteria and number of participants")
    public MovementDtos.MovementView get(@PathParam("id") UUID id) {
        return movements.get(id);
    }

    @GET
    @Path("{id}/standings")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.COUNCIL_MEMBER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The ranked table: weighted score (Σ weight × value ÷ target) and progress per criterion",
            description = "Scores move with each event once, never by rescanning; participantKind COLLECTIVE, "
                    + "INDIVIDUAL or HOUSEHOLD and areaCode (the participant's area, or a commune's own code) narrow "
                    + "the table; criterion (a criterion's code) ranks by that criterion's value alone.")
    public List<MovementDtos.StandingView> standings(@PathParam("id") UUID id,
                                                     @QueryParam("participantKind") String kind,
                                                     @QueryParam("areaCode") String areaCode,
                                                     @QueryParam("criterion") String criterion,
                                                     @QueryParam("limit") @DefaultValue("100") int limit) {
        if (kind != null && !List.of("COLLECTIVE", "INDIVIDUAL", "HOUSEHOLD").contains(kind)) {
            throw ProblemException.invalid("participantKind", "must be COLLECTIVE, INDIVIDUAL or HOUSEHOLD");
        }
        if (limit < 1 || limit > 1000) {
            throw ProblemException.invalid("limit", "must be 1–1000");
        }
        return movements.standings(id, kind, areaCode, criterion, limit);
    }

    @GET
    @Path("{id}/participants/{participantId}/credits")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.COUNCIL_MEMBER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The evidence behind a participant's scores: each donation, recognition, support payment "
            + "or verified piece of evidence that moved them, newest first (a cancelled donation is marked taken back)")
    public List<MovementDtos.CreditView> credits(@PathParam("id") UUID id,
                                                 @PathParam("participantId") UUID participantId,
                                                 @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.invalid("limit", "must be 1–1000");
        }
        return movements.credits(id, participantId, limit);
    }

    @GET
    @Path("{id}/candidates")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.COUNCIL_MEMBER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Nomination candidates: who crossed a criterion's threshold, when, and with what value")
    public List<MovementDtos.CandidateView> candidates(@PathParam("id") UUID id) {
        return movements.candidates(id);
    }

    @POST
    @Path("{id}/registrations")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.ADMIN})
    @Operation(summary = "Register a participant for a movement (đăng ký thi đua); registering again changes nothing")
    public Response register(@PathParam("id") UUID movementId,
                             @Valid @NotNull ParticipationDtos.Registration registration) {
        participation.register(movementId, registration.participantId());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/evidence")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.ADMIN})
    @Operation(summary = "Submit evidence for a MANUAL criterion (value, description, documents)")
    public Response evidence(@PathParam("id") UUID movementId,
                             @Valid @NotNull ParticipationDtos.EvidenceRequest request) {
        return Response.status(Response.Status.CREATED).entity(participation.submitEvidence(movementId, request))
                .build();
    }
}
