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

import java.util.List;

@Path("/api/v1/verifications")
@Tag(name = "Status verification", description = "Xác minh hộ nghèo, hộ cận nghèo cho cơ quan đối tác (Ngân hàng "
        + "Chính sách xã hội, Bảo hiểm xã hội, trường học, nền tảng dữ liệu tỉnh)")
public class VerificationResource {

    private final StatusVerifications verifications;

    VerificationResource(StatusVerifications verifications) {
        this.verifications = verifications;
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
    @Operation(summary = "Up to 1,000 subjects at once, answered in the order asked",
            description = "The same rules as one look-up; each subject is logged and counts against the quota.")
    public List<VerificationDtos.View> verifyMany(@Valid @NotNull VerificationDtos.Bulk request) {
        return verifications.verify(request.subjects().stream().map(VerificationDtos.Subject::command).toList(),
                request.purpose(), request.asOf()).stream().map(VerificationDtos.View::of).toList();
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
