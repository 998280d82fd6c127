package vn.vnn.fund.donors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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

import java.util.UUID;

@Path("/api/v1/donors")
@Tag(name = "Donors", description = "Nhà tài trợ: doanh nghiệp, cơ quan, tập thể, tổ chức tôn giáo, cá nhân, kiều bào")
public class DonorResource {

    private final DonorService donors;

    DonorResource(DonorService donors) {
        this.donors = donors;
    }

    @GET
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Donors by part of the name, type or organisation kind, with what each gave",
            description = "Contact data (phone, e-mail, address) are masked except for fund officers and admins.")
    public Response list(@QueryParam("name") String name, @QueryParam("type") DonorType type,
                         @QueryParam("organisationKind") OrganisationKind kind, @BeanParam @Valid PageRequest page,
                         @Context UriInfo uriInfo) {
        return PagedResponses.ok(uriInfo, donors.list(name, type, kind, page).map(DonorView::of));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "A donor with the number and total of accepted donations, first and last date")
    public DonorView get(@PathParam("id") UUID id) {
        return DonorView.of(donors.get(id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.ADMIN})
    @Operation(summary = "Change a donor's description or contact data (give the version you read)")
    public DonorView update(@PathParam("id") UUID id, @Valid @NotNull DonorUpdate update) {
        return DonorView.of(donors.update(id, update));
    }
}
