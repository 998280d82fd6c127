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

import java.util.List;
import java.util.UUID;

@Path("/api/v1/households")
@Tag(name = "Households", description = "Hộ gia đình và tình trạng nghèo đa chiều được công nhận")
public class HouseholdResource {

    private final HouseholdService households;
    private final AssessmentService assessments;
    private final VietnamClock clock;

    HouseholdResource(HouseholdService households, AssessmentService assessments, VietnamClock clock) {
        this.clock = clock;
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
    @Operation(summary = "Search households in your areas",
            description = "By commune, status, part of a member's name, or an exact citizen ID (commune officers and "
                    + "admins only). Members are not listed here; citizen IDs never appear in lists.")
    public Response list(@QueryParam("communeCode") String communeCode, @QueryParam("status") String status,
                         @QueryParam("name") String name, @QueryParam("citizenId") String citizenId,
                         @BeanParam @Valid PageRequest page, @Context UriInfo uriInfo) {
        return PagedResponses.ok(uriInfo, households.list(communeCode, status, name, citizenId, page).map(HouseholdView::of));
    }

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
    @Operation(summary = "Change a household's data (not its members); give the version you read")
    public HouseholdView update(@PathParam("id") UUID id, @Valid @NotNull HouseholdSurvey request) {
        return HouseholdView.of(households.update(id, request));
    }

    @POST
    @Path("{id}/members")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Add a member (not a second head)")
    public HouseholdView addMember(@PathParam("id") UUID id, @Valid @NotNull HouseholdSurvey.Member member) {
        return HouseholdView.of(households.addMember(id, member));
    }

    @POST
    @Path("{id}/members/{memberId}/leave")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.ADMIN})
    @Operation(summary = "A member leaves the household (the history keeps them)")
    public HouseholdView leave(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId,
                               @QueryParam("on") String on) {
        return HouseholdView.of(households.memberLeaves(id, memberId, clock.orToday(Dates.param(on, "on"))));
    }

    @POST
    @Path("{id}/members/{memberId}/move")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Move a member to another household; both keep the history")
    public HouseholdView move(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId,
                              @Valid @NotNull MemberMove move) {
        return HouseholdView.of(households.moveMember(id, memberId, move));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.COMMUNE_CHAIRMAN, Roles.PROVINCE_OFFICER, Roles.ADMIN,
            Roles.AUDITOR})
    @Operation(summary = "One household")
    public HouseholdView get(@PathParam("id") UUID id) {
        return HouseholdView.of(households.get(id));
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
    public HouseholdView dissolve(@PathParam("id") UUID id, @Valid @NotNull Dissolution request) {
        return HouseholdView.of(households.dissolve(id, request.on(), request.reason()));
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
