package vn.vnn.fund.disbursements;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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

@Path("/api/v1/eligible-households")
@Tag(name = "Eligible households", description = "The fund's view of households recognised as poor or near-poor")
public class EligibleHouseholdResource {

    private final EligibilityService eligibility;

    EligibleHouseholdResource(EligibilityService eligibility) {
        this.eligibility = eligibility;
    }

    @GET
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Households known to the fund, by commune")
    public Response list(@QueryParam("communeCode") String communeCode, @QueryParam("eligible") Boolean eligible,
                         @BeanParam @Valid PageRequest page, @Context UriInfo uriInfo) {
        return PagedResponses.ok(uriInfo, eligibility.list(communeCode, eligible, page).map(EligibleHouseholdView::of));
    }

    @GET
    @Path("{householdId}")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "One household's latest recognised status as the fund knows it")
    public EligibleHouseholdView get(@PathParam("householdId") String householdId) {
        return EligibleHouseholdView.of(eligibility.get(householdId));
    }
}
