package vn.vnn.emulation.nominations;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.PUT;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.paging.PagedResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.Roles;

import java.util.UUID;

@Path("/api/v1/emulation/nominations")
@Tag(name = "Nominations", description = "Đề nghị khen thưởng: thẩm định, Hội đồng TĐKT biểu quyết, công khai, quyết định, chi thưởng")
public class NominationResource {

    private final NominationService nominations;
    private final CommentService comments;

    NominationResource(NominationService nominations, CommentService comments) {
        this.nominations = nominations;
        this.comments = comments;
    }

    @POST
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.ADMIN})
    @Operation(summary = "Submit a nomination with its dossier (tờ trình, báo cáo thành tích, biên bản)",
            description = "One achievement earns one form: a participant has one live nomination per movement.")
    public Response submit(@Valid @NotNull NominationCommands.Submit request, @Context UriInfo uriInfo) {
        NominationDtos.View view = NominationDtos.View.of(nominations.submit(request));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view)
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.COUNCIL_MEMBER, Roles.PROVINCE_CHAIRMAN, Roles.COMMUNE_CHAIRMAN,
            Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "A nomination with its dossier, council, votes and decision (council members: theirs only)")
    public NominationDtos.View get(@PathParam("id") UUID id) {
        return NominationDtos.View.of(nominations.get(id));
    }

    @GET
    @Path("{id}/certificate.pdf")
    @jakarta.ws.rs.Produces("application/pdf")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.PROVINCE_CHAIRMAN, Roles.COMMUNE_CHAIRMAN, Roles.ADMIN,
            Roles.AUDITOR})
    @Operation(summary = "The certificate of a decided award as PDF (Vietnamese, embedded font, decision number "
            + "and date)")
    public Response certificate(@PathParam("id") UUID id) {
        byte[] pdf = CertificatePdf.render(nominations.certificate(id));
        return Response.ok(pdf, "application/pdf").header("Content-Disposition",
                "inline; filename=\"certificate-" + id + ".pdf\"").build();
    }

    @POST
    @Path("{id}/appraisal")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.ADMIN})
    @Operation(summary = "The emulation office's appraisal (thẩm định), not by the submitter")
    public NominationDtos.View appraise(@PathParam("id") UUID id, @Valid @NotNull NominationCommands.Appraisal body) {
        return NominationDtos.View.of(nominations.appraise(id, body));
    }

    @POST
    @Path("{id}/council")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.ADMIN})
    @Operation(summary = "Put the nomination to a council: its members (usernames) and quorum")
    public NominationDtos.View council(@PathParam("id") UUID id, @Valid @NotNull NominationCommands.Council body) {
        return NominationDtos.View.of(nominations.putToCouncil(id, body));
    }

    @POST
    @Path("{id}/votes")
    @RolesAllowed(Roles.COUNCIL_MEMBER)
    @Operation(summary = "A council member's vote (YES, NO, ABSTAIN) on a nomination put to their council")
    public NominationDtos.View vote(@PathParam("id") UUID id, @Valid @NotNull NominationCommands.Vote body) {
        return NominationDtos.View.of(nominations.vote(id, body.vote()));
    }

    @POST
    @Path("{id}/count")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.ADMIN})
    @Operation(summary = "Count the votes: without quorum nothing is decided (409); approval needs a majority of all "
            + "members")
    public NominationDtos.View count(@PathParam("id") UUID id, @QueryParam("version") Long version) {
        if (version == null) {
            throw ProblemException.invalid("version", "give the version you read");
        }
        return NominationDtos.View.of(nominations.countVotes(id, version));
    }

    @POST
    @Path("{id}/decision")
    @RolesAllowed({Roles.PROVINCE_CHAIRMAN, Roles.COMMUNE_CHAIRMAN, Roles.ADMIN})
    @Operation(summary = "The competent chairman's decision; the reward is the form's multiple × the base salary in "
            + "force on the decision's date (1.5× for a household); publishes emulation.award-decided.v1")
    public NominationDtos.View decide(@PathParam("id") UUID id, @Valid @NotNull NominationCommands.Decision body) {
        return NominationDtos.View.of(nominations.decide(id, body));
    }

    @POST
    @Path("{id}/revocation")
    @RolesAllowed({Roles.PROVINCE_CHAIRMAN, Roles.ADMIN})
    @Operation(summary = "Revoke a decided award (fraud, false dossier) and record what was recovered")
    public NominationDtos.View revoke(@PathParam("id") UUID id, @Valid @NotNull NominationCommands.Revocation body) {
        return NominationDtos.View.of(nominations.revoke(id, body));
    }

    @POST
    @Path("{id}/announcement")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.ADMIN})
    @Operation(summary = "Công khai: post a council-approved nominee for public comment; the decision waits until the "
            + "period ends (required when the award form sets a period, optional otherwise)")
    public NominationDtos.View announce(@PathParam("id") UUID id,
                                        @Valid @NotNull NominationCommands.Announcement body) {
        return NominationDtos.View.of(nominations.announce(id, body));
    }

    @GET
    @Path("{id}/comments")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.PROVINCE_CHAIRMAN, Roles.COMMUNE_CHAIRMAN, Roles.ADMIN,
            Roles.AUDITOR})
    @Operation(summary = "Comments received during the announcement, oldest first, paged (contacts in full for the "
            + "emulation office only; hidden comments are listed with their moderation)")
    public Response comments(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page,
                             @Context UriInfo uriInfo) {
        return PagedResponses.ok(uriInfo, commentsPage(id, page));
    }

    @PUT
    @Path("{id}/comments/{commentId}/moderation")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.ADMIN})
    @Operation(summary = "Hide a public comment or show it again (kept in the record; audited)")
    public NominationDtos.CommentView moderate(@PathParam("id") UUID id, @PathParam("commentId") UUID commentId,
                                               @Valid @NotNull NominationCommands.Moderation body) {
        return NominationDtos.CommentView.of(comments.moderate(id, commentId, body), comments.isOffice());
    }

    @POST
    @Path("{id}/rejection")
    @RolesAllowed({Roles.PROVINCE_CHAIRMAN, Roles.COMMUNE_CHAIRMAN, Roles.ADMIN})
    @Operation(summary = "The competent chairman declines to award, with reasons (after the council or the "
            + "announcement)")
    public NominationDtos.View reject(@PathParam("id") UUID id, @Valid @NotNull NominationCommands.Rejection body) {
        return NominationDtos.View.of(nominations.decline(id, body));
    }

    @POST
    @Path("{id}/payment")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.ADMIN})
    @Operation(summary = "Chi tiền thưởng: record that the decided reward was paid (once, with its voucher)")
    public NominationDtos.View pay(@PathParam("id") UUID id, @Valid @NotNull NominationCommands.Payment body) {
        return NominationDtos.View.of(nominations.recordPayment(id, body));
    }

    private vn.vnn.kit.paging.Page<NominationDtos.CommentView> commentsPage(UUID id, PageRequest page) {
        CommentService.Comments found = comments.comments(id, page);
        return found.page().map(c -> NominationDtos.CommentView.of(c, found.office()));
    }
}
