package vn.vnn.fund.disbursements;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.idempotency.IdempotentRequests;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.paging.PagedResponses;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;

import java.util.UUID;

@Path("/api/v1/disbursements")
@Tag(name = "Disbursements", description = "Chi hỗ trợ hộ nghèo, hộ cận nghèo từ Quỹ \"Vì người nghèo\"")
public class DisbursementResource {

    private final DisbursementService disbursements;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    DisbursementResource(DisbursementService disbursements, IdempotentRequests idempotency, Caller caller) {
        this.disbursements = disbursements;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.FUND_OFFICER, Roles.ADMIN})
    @Operation(summary = "Request support for a household",
            description = "The household must be recognised POOR or NEAR_POOR by the latest review (as household-"
                    + "service published it), or the request states a hardship reason for an exception. The amount "
                    + "must be within the category's provincial cap. Requires an Idempotency-Key.")
    public Response request(@Parameter(required = true) @HeaderParam(IdempotentRequests.HEADER) String key,
                            @Valid @NotNull DisbursementCommands.Request request, @Context UriInfo uriInfo) {
        String actor = caller.actor();
        return idempotency.execute(key, "POST /api/v1/disbursements|" + actor, request, () -> {
            DisbursementDtos.View created = DisbursementDtos.View.of(disbursements.request(request, actor));
            return Response.created(uriInfo.getBaseUriBuilder().path("api/v1/disbursements")
                    .path(created.id().toString()).build()).entity(created).build();
        });
    }

    @POST
    @Path("{id}/decision")
    @RolesAllowed({Roles.FUND_APPROVER, Roles.ADMIN})
    @Operation(summary = "Approve or reject a requested disbursement (not by the officer who requested it)")
    public DisbursementDtos.View decide(@PathParam("id") UUID id,
                                        @Valid @NotNull DisbursementCommands.Decision decision) {
        return DisbursementDtos.View.of(disbursements.decide(id, decision, caller.actor()));
    }

    @POST
    @Path("{id}/payment")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.ADMIN})
    @Operation(summary = "Record the payment of an approved disbursement",
            description = "Moves the money out in the fund's ledger; 409 when the fund's cash does not cover it. "
                    + "Publishes fund.disbursement-paid.v1.")
    public DisbursementDtos.View pay(@PathParam("id") UUID id, @Valid @NotNull DisbursementCommands.Payment payment) {
        return DisbursementDtos.View.of(disbursements.pay(id, payment, caller.actor()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "One disbursement")
    public DisbursementDtos.View get(@PathParam("id") UUID id) {
        return DisbursementDtos.View.of(disbursements.get(id));
    }

    @GET
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Disbursements, newest first, optionally by status")
    public Response list(@QueryParam("status") String status, @BeanParam @Valid PageRequest page,
                         @Context UriInfo uriInfo) {
        return PagedResponses.ok(uriInfo, disbursements.list(status, page).map(DisbursementDtos.View::of));
    }
}
