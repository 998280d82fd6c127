package vn.vnn.household.review;

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
import vn.vnn.household.review.ReviewDtos.CaseView;
import vn.vnn.household.review.ReviewDtos.RoundView;
import vn.vnn.kit.security.Roles;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import vn.vnn.kit.sync.Delta;
import vn.vnn.kit.sync.SyncCursor;
import vn.vnn.kit.sync.SyncHorizon;
import vn.vnn.kit.web.ETags;

import java.util.List;
import java.util.UUID;

@Path("/api/v1")
@Tag(name = "Review", description = "Rà soát hộ nghèo, hộ cận nghèo: đợt rà soát và hồ sơ từng hộ")
public class ReviewResource {

    private final ReviewService reviews;
    private final ReviewChanges changes;

    ReviewResource(ReviewService reviews, ReviewChanges changes) {
        this.reviews = reviews;
        this.changes = changes;
    }

    @GET
    @Path("review-rounds")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.COMMUNE_CHAIRMAN, Roles.PROVINCE_OFFICER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Review rounds in your areas, oldest change first (delta sync)",
            description = "All rounds, or those changed at or after `updatedSince`, or after the `next` cursor of "
                    + "the previous answer (`after`); each with its version, which is its ETag.")
    public Delta<RoundView> roundChanges(@Parameter(description = "Changes at or after this instant (ISO-8601 with offset)")
                                   @QueryParam("updatedSince") String updatedSince,
                                   @Parameter(description = "The `next` cursor of the previous answer")
                                   @QueryParam("after") String after,
                                   @QueryParam("communeCode") String communeCode,
                                   @QueryParam("reviewYear") Integer reviewYear,
                                   @Parameter(description = "1–500, default 500") @QueryParam("limit") Integer limit) {
        return changes.rounds(SyncCursor.from(updatedSince, after), communeCode, reviewYear,
                SyncHorizon.limit(limit, ReviewChanges.MAX_LIMIT)).map(RoundView::of);
    }

    @GET
    @Path("review-cases")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.COMMUNE_CHAIRMAN, Roles.PROVINCE_OFFICER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Review cases in your areas, oldest change first (delta sync for offline surveys)",
            description = "All cases (or one round's), or those changed at or after `updatedSince`, or after the "
                    + "`next` cursor (`after`); each with its version. Survey offline, then send each step with "
                    + "`If-Match: \"<version>\"`: a case changed meanwhile answers 412 with its current state.")
    public Delta<CaseView> caseChanges(@Parameter(description = "Changes at or after this instant (ISO-8601 with offset)")
                                 @QueryParam("updatedSince") String updatedSince,
                                 @Parameter(description = "The `next` cursor of the previous answer")
                                 @QueryParam("after") String after,
                                 @QueryParam("roundId") UUID roundId,
                                 @Parameter(description = "1–500, default 500") @QueryParam("limit") Integer limit) {
        return changes.cases(SyncCursor.from(updatedSince, after), roundId,
                SyncHorizon.limit(limit, ReviewChanges.MAX_LIMIT)).map(CaseView::of);
    }

    @POST
    @Path("review-rounds")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Open a review round for a commune (PERIODIC 1 Sep – 14 Dec, or REGULAR from the 15th)")
    public Response open(@Valid @NotNull ReviewCommands.OpenRound request, @Context UriInfo uriInfo) {
        RoundView round = RoundView.of(reviews.createRound(request));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(round.id().toString()).build())
                .entity(round).build();
    }

    @GET
    @Path("review-rounds/{id}")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.COMMUNE_CHAIRMAN, Roles.PROVINCE_OFFICER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "One review round, with its ETag (If-None-Match: 304 when unchanged)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "304", description = "Your copy (If-None-Match) is current")
    public Response round(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        RoundView round = RoundView.of(reviews.round(id));
        return ETags.ok(ifNoneMatch, round.version(), round);
    }

    @POST
    @Path("review-rounds/{id}/cases")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.ADMIN})
    @Operation(summary = "List households in the round (all of the commune's when no ids are given)")
    public List<CaseView> list(@PathParam("id") UUID id, @Valid ReviewCommands.Listing request) {
        return reviews.list(id, request).stream().map(CaseView::of).toList();
    }

    @GET
    @Path("review-rounds/{id}/cases")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.COMMUNE_CHAIRMAN, Roles.PROVINCE_OFFICER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The round's cases")
    public List<CaseView> cases(@PathParam("id") UUID id) {
        return reviews.cases(id).stream().map(CaseView::of).toList();
    }

    @GET
    @Path("review-cases/{id}")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.COMMUNE_CHAIRMAN, Roles.PROVINCE_OFFICER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "One household's case, with its ETag (If-None-Match: 304 when unchanged)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "304", description = "Your copy (If-None-Match) is current")
    public Response get(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        CaseView found = CaseView.of(reviews.get(id));
        return ETags.ok(ifNoneMatch, found.version(), found);
    }

    @POST
    @Path("review-cases/{id}/survey")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Survey the household: derived flags plus the surveyor's, then the proposed status")
    public Response survey(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReviewCommands.Survey request) {
        CaseView changed = CaseView.of(reviews.survey(id, request, read(id, ifMatch)));
        return ETags.with(changed.version(), changed);
    }

    @POST
    @Path("review-cases/{id}/village-meeting")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Record the village meeting's agreement (họp dân)")
    public Response villageMeeting(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReviewCommands.VillageMeeting request) {
        CaseView changed = CaseView.of(reviews.villageMeeting(id, request, read(id, ifMatch)));
        return ETags.with(changed.version(), changed);
    }

    @POST
    @Path("review-cases/{id}/posting")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Post the result publicly (niêm yết); the complaint period starts")
    public Response post(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReviewCommands.Posting request) {
        CaseView changed = CaseView.of(reviews.post(id, request, read(id, ifMatch)));
        return ETags.with(changed.version(), changed);
    }

    @POST
    @Path("review-cases/{id}/complaints")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Record a complaint during the posting: the case goes back to SURVEYED")
    public Response complaint(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReviewCommands.Complaint request) {
        CaseView changed = CaseView.of(reviews.complaint(id, request, read(id, ifMatch)));
        return ETags.with(changed.version(), changed);
    }

    @POST
    @Path("review-cases/{id}/recognition")
    @RolesAllowed({Roles.COMMUNE_CHAIRMAN, Roles.ADMIN})
    @Operation(summary = "The commune chairman recognises the proposed status (after the complaint period)",
            description = "Publishes household.status-recognized.v1.")
    public Response recognise(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReviewCommands.RecognitionStep request) {
        CaseView changed = CaseView.of(reviews.recognise(id, request, read(id, ifMatch)));
        return ETags.with(changed.version(), changed);
    }

    /** The version an If-Match names, checked against the case now (412 with its current state if stale). */
    private Long read(UUID id, String ifMatch) {
        return ETags.expectedVersion(ifMatch, null, "Review case", id, () -> CaseView.of(reviews.get(id)),
                CaseView::version);
    }
}
