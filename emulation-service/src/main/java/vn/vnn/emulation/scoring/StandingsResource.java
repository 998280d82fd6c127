package vn.vnn.emulation.scoring;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.emulation.participants.Participant;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.Roles;

import java.util.List;
import java.util.UUID;

/** A movement's table, candidates, the credits behind scores and evidence. Shares the movements' path. */
@Path("/api/v1/emulation/movements")
@Tag(name = "Movements", description = "Phong trào thi đua, tiêu chí, bảng xếp hạng và phát hiện điển hình")
public class StandingsResource {

    private final StandingsService standings;
    private final EvidenceService evidence;

    StandingsResource(StandingsService standings, EvidenceService evidence) {
        this.standings = standings;
        this.evidence = evidence;
    }

    @GET
    @Path("{id}/standings")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.COUNCIL_MEMBER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The ranked table: weighted score (Σ weight × value ÷ target) and progress per criterion",
            description = "Scores move with each event once, never by rescanning; participantKind COLLECTIVE, "
                    + "INDIVIDUAL or HOUSEHOLD and areaCode (the participant's area, or a commune's own code) narrow "
                    + "the table; criterion (a criterion's code) ranks by that criterion's value alone.")
    public List<RankedParticipant> standings(@PathParam("id") UUID id,
                                             @QueryParam("participantKind") String kind,
                                             @QueryParam("areaCode") String areaCode,
                                             @QueryParam("criterion") String criterion,
                                             @QueryParam("limit") @DefaultValue("100") int limit) {
        if (kind != null && !Participant.KINDS.contains(kind)) {
            throw ProblemException.invalid("participantKind", "must be COLLECTIVE, INDIVIDUAL or HOUSEHOLD");
        }
        return standings.standings(id, kind, areaCode, criterion, limit(limit));
    }

    @GET
    @Path("{id}/participants/{participantId}/credits")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.COUNCIL_MEMBER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The evidence behind a participant's scores: each donation, recognition, support payment "
            + "or verified piece of evidence that moved them, newest first (a cancelled donation is marked taken back)")
    public List<ScoreCredit> credits(@PathParam("id") UUID id, @PathParam("participantId") UUID participantId,
                                     @QueryParam("limit") @DefaultValue("100") int limit) {
        return standings.credits(id, participantId, limit(limit));
    }

    @GET
    @Path("{id}/candidates")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.COUNCIL_MEMBER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Nomination candidates: who crossed a criterion's threshold, when, and with what value")
    public List<Candidate> candidates(@PathParam("id") UUID id) {
        return standings.candidates(id);
    }

    @POST
    @Path("{id}/evidence")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.ADMIN})
    @Operation(summary = "Submit evidence for a MANUAL criterion (value, description, documents)")
    public Response evidence(@PathParam("id") UUID movementId, @Valid @NotNull EvidenceCommands.NewEvidence request) {
        return Response.status(Response.Status.CREATED).entity(EvidenceView.of(evidence.submit(movementId, request)))
                .build();
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.invalid("limit", "must be 1–1000");
        }
        return limit;
    }
}
