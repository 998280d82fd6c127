package vn.vnn.household.verification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.paging.PagedResponses;
import vn.vnn.kit.security.Roles;
import vn.vnn.kit.web.Dates;

import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/verifications")
@Tag(name = "Status verification", description = "Xác minh hộ nghèo, hộ cận nghèo cho cơ quan đối tác (Ngân hàng "
        + "Chính sách xã hội, Bảo hiểm xã hội, trường học, nền tảng dữ liệu tỉnh)")
public class VerificationResource {

    private final StatusVerifications verifications;
    private final VerificationJobs jobs;

    VerificationResource(StatusVerifications verifications, VerificationJobs jobs) {
        this.verifications = verifications;
        this.jobs = jobs;
    }

    @POST
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Is this citizen, or this household of this commune, poor or near-poor as of a day?",
            description = "For a purpose granted to your client (its token's purposes claim; 403 otherwise), in the "
                    + "areas granted to it: a household elsewhere is NOT_FOUND, as an unknown one. Only the status, "
                    + "the review year and decision, the commune and until when it holds are told. Every look-up is "
                    + "logged (client, purpose, a keyed hash of the subject, result); a client has a daily quota "
                    + "(429 past it).")
    public VerificationDtos.View verify(@Valid @NotNull VerificationDtos.Request request) {
        return VerificationDtos.View.of(verifications.verify(List.of(new StatusVerifications.Subject(
                request.citizenId(), request.householdRef(), request.communeCode())), request.purpose(),
                request.asOf()).get(0));
    }

    @POST
    @Path("bulk")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Many subjects at once: up to 1,000 answered now, in the order asked; more as a job",
            description = "The same rules as one look-up; each subject is logged and counts against the quota. Up to "
                    + "1,000 subjects: 200 with the answers. 1,001 to 10,000 (the 1 MB body limit): 202 with the job (Location: "
                    + "/api/v1/verifications/jobs/{id}); its answers, in the order asked, at …/jobs/{id}/answers "
                    + "once it is DONE (the areas your token had when you asked apply).")
    @APIResponse(responseCode = "200", description = "The answers",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = VerificationDtos.View.class)))
    @APIResponse(responseCode = "202", description = "A job, for more than 1,000 subjects",
            content = @Content(schema = @Schema(implementation = VerificationJobs.Job.class)))
    public Response verifyMany(@Valid @NotNull VerificationDtos.Bulk request, @Context UriInfo uriInfo) {
        List<StatusVerifications.Subject> subjects = request.subjects().stream()
                .map(VerificationDtos.Subject::command).toList();
        if (subjects.size() > StatusVerifications.MAX_SUBJECTS) {
            VerificationJobs.Job job = jobs.submit(subjects, request.purpose(), request.asOf());
            return Response.accepted(job).location(uriInfo.getBaseUriBuilder().path("/api/v1/verifications/jobs")
                    .path(job.id().toString()).build()).build();
        }
        return Response.ok(verifications.verify(subjects, request.purpose(), request.asOf()).stream()
                .map(VerificationDtos.View::of).toList()).build();
    }

    @GET
    @Path("jobs/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "A bulk verification job of yours: QUEUED, RUNNING, DONE or FAILED, and how far it got")
    public VerificationJobs.Job job(@PathParam("id") UUID id) {
        return jobs.get(id);
    }

    @GET
    @Path("jobs/{id}/answers")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "A job's answers so far, in the order asked (index: the subject's place in the request)")
    public Response answers(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page, @Context UriInfo uriInfo) {
        return PagedResponses.ok(uriInfo, jobs.answers(id, page).map(n -> new VerificationDtos.NumberedView(
                n.index(), VerificationDtos.View.of(n.answer()))));
    }

    @GET
    @Path("log")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The access log of verifications, newest first: client, purpose, subject hash, result")
    public Response log(@QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("client") @Size(max = 100) String client, @BeanParam @Valid PageRequest page,
                        @Context UriInfo uriInfo) {
        return PagedResponses.ok(uriInfo, verifications.log(client == null || client.isBlank() ? null : client.strip(),
                Dates.required(from, "from"), Dates.required(to, "to"), page));
    }
}
