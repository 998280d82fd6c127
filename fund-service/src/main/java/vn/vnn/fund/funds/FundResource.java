package vn.vnn.fund.funds;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.paging.PagedResponses;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;

import java.util.List;
import java.time.YearMonth;
import java.util.UUID;

@Path("/api/v1/funds")
@Tag(name = "Funds", description = "Quỹ \"Vì người nghèo\" các cấp, số dư và sổ kế toán kép")
public class FundResource {

    private final FundService funds;
    private final Caller caller;

    FundResource(FundService funds, Caller caller) {
        this.funds = funds;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Open a fund for an area (central VN, a province or a commune; districts before 2025-07-01)")
    public Response open(@Valid @NotNull FundOpening request, @Context UriInfo uriInfo) {
        FundView fund = FundView.of(funds.open(request, caller.actor(), false));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(fund.id().toString()).build()).entity(fund)
                .build();
    }

    @GET
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Every fund with its balances")
    public List<FundView> list() {
        return funds.list().stream().map(FundView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "A fund with its balances (cash and goods held, received, support paid), from its ledger")
    public FundView get(@PathParam("id") UUID id) {
        return FundView.of(funds.get(id));
    }

    @POST
    @Path("{id}/transfers")
    @RolesAllowed({Roles.FUND_APPROVER, Roles.ADMIN})
    @Operation(summary = "Move cash from this fund to another (điều chuyển)",
            description = "Written in both ledgers in one transaction; 409 when this fund's cash does not cover it. "
                    + "Ordered by an approver, as a disbursement is.")
    public TransferView transfer(@PathParam("id") UUID id,
                                                  @jakarta.validation.Valid @jakarta.validation.constraints.NotNull
                                                  Transfer request) {
        return TransferView.of(funds.transfer(id, request, caller.actor()));
    }

    @POST
    @Path("{id}/closed-periods")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.ADMIN})
    @Operation(summary = "Close a month of the fund's books (khóa sổ)",
            description = "Body {\"month\": \"2026-10\"}. Only a month that has ended; never reopened. Afterwards any "
                    + "donation, payment, transfer or cancellation dated in it is 409 (period-closed): corrections "
                    + "are new entries in an open month, and the month's published statement never changes.")
    public Response closePeriod(@PathParam("id") UUID id, @Valid @NotNull ClosePeriodRequest request,
                                @Context UriInfo uriInfo) {
        YearMonth month;
        try {
            month = YearMonth.parse(request.month());
        } catch (java.time.format.DateTimeParseException e) {
            throw vn.vnn.kit.problem.ProblemException.invalid("month", "must be a month as yyyy-MM");
        }
        var closed = funds.closePeriod(id, month, caller.actor());
        return Response.status(201).entity(closed).build();
    }

    public record ClosePeriodRequest(@NotNull @jakarta.validation.constraints.Pattern(regexp = "\\d{4}-\\d{2}",
            message = "must be a month as yyyy-MM") String month) {
    }

    @GET
    @Path("{id}/closed-periods")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The months whose books are closed, oldest first")
    public List<vn.vnn.fund.funds.ClosedPeriods.ClosedPeriod> closedPeriods(@PathParam("id") UUID id) {
        return funds.closedPeriods(id);
    }

    @GET
    @Path("{id}/ledger")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The fund's ledger, entry by entry in the order written (append-only)")
    public Response ledger(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page, @Context UriInfo uriInfo) {
        return PagedResponses.ok(uriInfo, funds.ledger(id, page));
    }
}
