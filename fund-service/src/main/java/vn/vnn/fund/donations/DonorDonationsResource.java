package vn.vnn.fund.donations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.paging.PagedResponses;
import vn.vnn.kit.security.Roles;

import java.util.UUID;

/**
 * A donor's history of donations. Shares the donors' path: JAX-RS merges the methods of root resources with the same
 * path, so the history lives with the donations it lists.
 */
@Path("/api/v1/donors")
@Tag(name = "Donors", description = "Nhà tài trợ: doanh nghiệp, cơ quan, tập thể, tổ chức tôn giáo, cá nhân, kiều bào")
public class DonorDonationsResource {

    private final DonationService donations;

    DonorDonationsResource(DonationService donations) {
        this.donations = donations;
    }

    @GET
    @Path("{id}/donations")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The donor's history: every donation, newest first, cancelled ones included")
    public Response history(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page, @Context UriInfo uriInfo) {
        return PagedResponses.ok(uriInfo, donations.ofDonor(id, page).map(DonationView::of));
    }
}
