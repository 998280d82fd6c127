package vn.vnn.fund.banking;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/funds/{fundId}/bank-accounts")
@Tag(name = "Bank accounts", description = "Tài khoản ngân hàng nhận ủng hộ của Quỹ, với mã VietQR")
public class BankAccountResource {

    private final BankAccounts accounts;
    private final Caller caller;

    BankAccountResource(BankAccounts accounts, Caller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.FUND_OFFICER, Roles.ADMIN})
    @Operation(summary = "Add a bank account to a fund of your areas; its static VietQR code is public from then on",
            description = "409 when the account is already registered (to any fund) or the fund is closed.")
    public Response add(@PathParam("fundId") UUID fundId, @Valid @NotNull BankAccountRequest request) {
        BankAccounts.FundAccount added = accounts.add(fundId, request.command(), caller.actor());
        return Response.created(URI.create("/api/v1/funds/" + fundId + "/bank-accounts/" + added.account().id))
                .entity(BankAccountView.of(added.account(), added.fundCode())).build();
    }

    @GET
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "A fund's bank accounts, active or not, with their static VietQR payloads")
    public List<BankAccountView> list(@PathParam("fundId") UUID fundId) {
        return accounts.ofFund(fundId).stream().map(a -> BankAccountView.of(a.account(), a.fundCode())).toList();
    }
}
