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

import java.util.List;
import java.util.UUID;

@Path("/api/v1")
@Tag(name = "Review", description = "Rà soát hộ nghèo, hộ cận nghèo: đợt rà soát và hồ sơ từng hộ")
public class ReviewResource {

    private final ReviewService reviews;

    ReviewResource(ReviewService reviews) {
        this.reviews = reviews;
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
    @Operation(summary = "One review round")
    public RoundView round(@PathParam("id") UUID id) {
        return RoundView.of(reviews.round(id));
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
    @Operation(summary = "One household's case")
    public CaseView get(@PathParam("id") UUID id) {
        return CaseView.of(reviews.get(id));
    }

    @POST
    @Path("review-cases/{id}/survey")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Survey the household: derived flags plus the surveyor's, then the proposed status")
    public CaseView survey(@PathParam("id") UUID id, @Valid @NotNull ReviewCommands.Survey request) {
        return CaseView.of(reviews.survey(id, request));
    }

    @POST
    @Path("review-cases/{id}/village-meeting")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Record the village meeting's agreement (họp dân)")
    public CaseView villageMeeting(@PathParam("id") UUID id, @Valid @NotNull ReviewCommands.VillageMeeting request) {
        return CaseView.of(reviews.villageMeeting(id, request));
    }

    @POST
    @Path("review-cases/{id}/posting")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Post the result publicly (niêm yết); the complaint period starts")
    public CaseView post(@PathParam("id") UUID id, @Valid @NotNull ReviewCommands.Posting request) {
        return CaseView.of(reviews.post(id, request));
    }

    @POST
    @Path("review-cases/{id}/complaints")
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Record a complaint during the posting: the case goes back to SURVEYED")
    public CaseView complaint(@PathParam("id") UUID id, @Valid @NotNull ReviewCommands.Complaint request) {
        return CaseView.of(reviews.complaint(id, request));
    }

    @POST
    @Path("review-cases/{id}/recognition")
    @RolesAllowed({Roles.COMMUNE_CHAIRMAN, Roles.ADMIN})
    @Operation(summary = "The commune chairman recognises the proposed status (after the complaint period)",
            description = "Publishes household.status-recognized.v1.")
    public CaseView recognise(@PathParam("id") UUID id, @Valid @NotNull ReviewCommands.RecognitionStep request) {
        return CaseView.of(reviews.recognise(id, request));
    }
}
