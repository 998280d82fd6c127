package vn.vnn.household.registry;

import vn.vnn.kit.time.VietnamClock;
import vn.vnn.kit.web.Dates;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.paging.PagedResponses;
import vn.vnn.kit.security.Roles;

import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import vn.vnn.kit.sync.Delta;
import vn.vnn.kit.sync.SyncCursor;
import vn.vnn.kit.sync.SyncHorizon;
import vn.vnn.kit.web.ETags;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/households")
@Tag(name = "Households", description = "Hộ gia đình và tình trạng nghèo đa chiều được công nhận")
public class HouseholdResource {

    private final HouseholdService households;
    private final HouseholdChanges changes;
    private final AssessmentService assessments;
    private final VietnamClock clock;

    HouseholdResource(HouseholdService households, HouseholdChanges changes, AssessmentService assessments,
                      VietnamClock clock) {
        this.clock = clock;
        this.changes = changes;
        this.households = households;
        this.assessments = assessments;
    }

    @POST
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Register a household in one of your communes")
    public Response register(@Valid @NotNull HouseholdSurvey request, @Context UriInfo uriInfo) {
        HouseholdView created = HouseholdView.of(households.register(request));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.COMMUNE_CHAIRMAN, Roles.PROVINCE_OFFICER, Roles.ADMIN,
            Roles.AUDITOR})
    @Operation(summary = "Search households in your areas, or the changes since a time (delta sync)",
            description = "By commune, status, part of a member's name, or an exact citizen ID (commune officers and "
                    + "admins only). Members are not listed here; citizen IDs never appear in lists.\n\n"
                    + "**Delta sync**: with `updatedSince` (an instant, e.g. 2026-11-30T08:00:00+07:00) or `after` "
                    + "(the `next` cursor of the previous answer) the answer is a `Delta` instead of a page: the "
                    + "households changed since then in (updatedAt, id) order, each with its version (= its ETag); "
                    + "a household dissolved, or moved out of your areas, comes as a tombstone (`removed`, `reason` "
                    + "DISSOLVED or MOVED_AWAY). Only `communeCode` filters a delta. Keep `next` and ask again; "
                    + "`more` says a next page is ready now. Members sync through /api/v1/household-members.")
    @APIResponse(responseCode = "200", description = "A page of households, or a Delta with updatedSince/after",
            content = @Content(schema = @Schema(oneOf = {vn.vnn.kit.paging.Page.class, Delta.class}),
                    examples = @ExampleObject(name = "delta", value = DELTA_EXAMPLE)))
    public Response list(@QueryParam("communeCode") String communeCode, @QueryParam("status") String status,
                         @QueryParam("name") String name, @QueryParam("citizenId") String citizenId,
                         @Parameter(description = "Delta sync: changes at or after this instant (ISO-8601 with offset)")
                         @QueryParam("updatedSince") String updatedSince,
                         @Parameter(description = "Delta sync: the `next` cursor of the previous answer")
                         @QueryParam("after") String after,
                         @Parameter(description = "Delta sync: at most this many changes (1–500, default 500)")
                         @QueryParam("limit") Integer limit,
                         @BeanParam @Valid PageRequest page, @Context UriInfo uriInfo) {
        if (updatedSince != null || after != null) {
            if (status != null || name != null || citizenId != null) {
                throw vn.vnn.kit.problem.ProblemException.invalid("updatedSince",
                        "a delta is filtered by communeCode only");
            }
            return Response.ok(changes.households(SyncCursor.from(updatedSince, after), communeCode,
                    SyncHorizon.limit(limit, HouseholdChanges.MAX_LIMIT)).map(HouseholdView::of)).build();
        }
        return PagedResponses.ok(uriInfo, households.list(communeCode, status, name, citizenId, page).map(HouseholdView::of));
    }

    static final String DELTA_EXAMPLE = """
            {"items": [
              {"id": "0190f7a8-3c1e-7d2a-9b1e-5f0c2d7a9e11", "version": 4, "updatedAt": "2026-11-30T09:12:03.114+07:00",
               "removed": false, "data": {"id": "0190f7a8-3c1e-7d2a-9b1e-5f0c2d7a9e11", "code": "HH-99111-5F0C2D7A9E11",
               "communeCode": "99111", "status": "POOR", "statusYear": 2026, "version": 4}},
              {"id": "0190f7a8-51d2-7c44-8e0b-2a6b1c9d3f20", "version": 7, "updatedAt": "2026-11-30T09:15:41.020+07:00",
               "removed": true, "reason": "DISSOLVED"}],
             "next": "MjAyNi0xMS0zMFQwMjoxNTo0MS4wMloyMHwwMTkwZjdhOC01MWQyLTdjNDQtOGUwYi0yYTZiMWM5ZDNmMjA",
             "more": false}""";

    @GET
    @Path("{id}/assessment")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.COMMUNE_CHAIRMAN, Roles.PROVINCE_OFFICER, Roles.ADMIN,
            Roles.AUDITOR})
    @Operation(summary = "Deprivation flags derived from the household's data, with reasons, and the classification "
            + "under the standard of the date (default today)")
    public Assessment assessment(@PathParam("id") UUID id, @QueryParam("date") String date) {
        return assessments.assess(id, clock.orToday(Dates.param(date, "date")));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Change a household's data (not its members); give the version you read",
            description = "As `If-Match: \"<version>\"` (the ETag of your copy) or as `version` in the body. A stale "
                    + "If-Match answers 412 with the household as it is now in `current`; a stale body version 409.")
    @APIResponse(responseCode = "200", description = "Changed; the new ETag in the header",
            content = @Content(schema = @Schema(implementation = HouseholdView.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it: the current state is in `current`",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = vn.vnn.kit.problem.Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull HouseholdSurvey request) {
        Long read = ETags.expectedVersion(ifMatch, request.version(), "Household", id,
                () -> HouseholdView.of(households.get(id)), HouseholdView::version);
        HouseholdView changed = HouseholdView.of(households.update(id, request.withVersion(read)));
        return ETags.with(changed.version(), changed);
    }

    @POST
    @Path("{id}/members")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Add a member (not a second head)")
    public Response addMember(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                              @Valid @NotNull HouseholdSurvey.Member member) {
        HouseholdView changed = HouseholdView.of(households.addMember(id, member, read(id, ifMatch)));
        return ETags.with(changed.version(), changed);
    }

    @POST
    @Path("{id}/members/{memberId}/leave")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.ADMIN})
    @Operation(summary = "A member leaves the household (the history keeps them)")
    public Response leave(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId,
                          @QueryParam("on") String on, @HeaderParam("If-Match") String ifMatch) {
        LocalDate day = clock.orToday(Dates.param(on, "on"));
        HouseholdView changed = HouseholdView.of(households.memberLeaves(id, memberId, day, read(id, ifMatch)));
        return ETags.with(changed.version(), changed);
    }

    @POST
    @Path("{id}/members/{memberId}/move")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Move a member to another household; both keep the history")
    public HouseholdView move(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId,
                              @HeaderParam("If-Match") String ifMatch, @Valid @NotNull MemberMove move) {
        return HouseholdView.of(households.moveMember(id, memberId, move, read(id, ifMatch)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.COMMUNE_CHAIRMAN, Roles.PROVINCE_OFFICER, Roles.ADMIN,
            Roles.AUDITOR})
    @Operation(summary = "One household",
            description = "With its ETag (its version); `If-None-Match` with the ETag of your copy answers 304 when "
                    + "nothing changed.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = HouseholdView.class)))
    @APIResponse(responseCode = "304", description = "Your copy (If-None-Match) is current")
    public Response get(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        HouseholdView household = HouseholdView.of(households.get(id));
        return ETags.ok(ifNoneMatch, household.version(), household);
    }

    @POST
    @Path("{id}/status-recognitions")
    @RolesAllowed({Roles.COMMUNE_CHAIRMAN, Roles.ADMIN})
    @Operation(summary = "Record the commune chairman's recognition of the household's status directly",
            description = "For decisions taken outside a review round in this system; a round's cases are "
                    + "recognised through /api/v1/review-cases/{id}/recognition. Publishes "
                    + "household.status-recognized.v1.")
    public Response recognise(@PathParam("id") UUID id, @Valid @NotNull RecognitionDecision request,
                              @Context UriInfo uriInfo) {
        RecognitionView recognition = RecognitionView.of(households.recognise(id, request));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(recognition.id().toString()).build())
                .entity(recognition).build();
    }

    @POST
    @Path("{id}/dissolution")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.ADMIN})
    @Operation(summary = "The household ceases to exist from a day (tách, nhập hộ, chuyển đi hết)",
            description = "It stops counting in the statistics from that day (docs/domain-rules.md), keeps its "
                    + "history and can no longer change (409).")
    public HouseholdView dissolve(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                  @Valid @NotNull Dissolution request) {
        return HouseholdView.of(households.dissolve(id, request.on(), request.reason(), read(id, ifMatch)));
    }

    /** The version an If-Match names, checked against the household now (412 with its current state if stale). */
    private Long read(UUID id, String ifMatch) {
        return ETags.expectedVersion(ifMatch, null, "Household", id, () -> HouseholdView.of(households.get(id)),
                HouseholdView::version);
    }

    @GET
    @Path("{id}/residences")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.COMMUNE_CHAIRMAN, Roles.PROVINCE_OFFICER, Roles.ADMIN,
            Roles.AUDITOR})
    @Operation(summary = "Where the household lived, oldest period first",
            description = "One period per commune version: a move starts a new stay; the 2025 reorganisation "
                    + "continues the stay under the successor commune. The statistics of a year count the "
                    + "household where it lived on the year's reference day.")
    public List<ResidenceView> residences(@PathParam("id") UUID id) {
        return households.residences(id).stream().map(ResidenceView::of).toList();
    }

    @GET
    @Path("{id}/status-recognitions/{recognitionId}")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.COMMUNE_CHAIRMAN, Roles.PROVINCE_OFFICER, Roles.ADMIN,
            Roles.AUDITOR})
    @Operation(summary = "One recognition of the household")
    public RecognitionView recognition(@PathParam("id") UUID id, @PathParam("recognitionId") UUID recognitionId) {
        return households.history(id).stream().filter(r -> r.id.equals(recognitionId)).map(RecognitionView::of).findFirst()
                .orElseThrow(() -> vn.vnn.kit.problem.ProblemException.notFound("Recognition", recognitionId));
    }

    @GET
    @Path("{id}/status-recognitions")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.COMMUNE_CHAIRMAN, Roles.PROVINCE_OFFICER, Roles.ADMIN,
            Roles.AUDITOR})
    @Operation(summary = "The household's recognition history, oldest first")
    public List<RecognitionView> history(@PathParam("id") UUID id) {
        return households.history(id).stream().map(RecognitionView::of).toList();
    }
}
