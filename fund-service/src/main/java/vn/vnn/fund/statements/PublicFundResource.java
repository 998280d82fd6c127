package vn.vnn.fund.statements;

import vn.vnn.kit.web.Dates;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.paging.PageRequest;

import java.util.List;

/** What anyone may read without logging in: where the money came from and where it went. */
@Path("/api/v1/public/funds")
@Tag(name = "Public statement", description = "Sao kê công khai của Quỹ \"Vì người nghèo\" (không cần đăng nhập)")
public class PublicFundResource {

    private final StatementService statements;

    PublicFundResource(StatementService statements) {
        this.statements = statements;
    }

    @GET
    @PermitAll
    @Operation(summary = "The funds that keep a public statement")
    public List<Statement.Fund> funds() {
        return statements.openFunds();
    }

    @GET
    @Path("{code}/statement")
    @PermitAll
    @Operation(summary = "A fund's statement for a period (at most a year): a page of receipts and of support "
            + "paid, totals and balances; receipts searchable by bank reference, amount and donor name",
            description = "Totals and balances come from the fund's ledger (its maintained daily totals). Anonymous "
                    + "donors are not named and never found by a name; households are never shown, only the commune "
                    + "of the support. Pages of at most 100 lines; the same page and size apply to receipts and "
                    + "support. A bank reference matches exactly (\"did my gift arrive?\").")
    public Statement statement(@PathParam("code") String code, @QueryParam("from") String from,
                               @QueryParam("to") String to, @BeanParam @Valid PageRequest page,
                               @Parameter(description = "The transfer's reference as the bank shows it (exact)")
                               @QueryParam("bankReference") @Size(max = 100) String bankReference,
                               @Parameter(description = "The amount in whole đồng")
                               @QueryParam("amountVnd") @Positive @Max(1_000_000_000_000L) Long amountVnd,
                               @Parameter(description = "Part of the donor's name as on the receipt")
                               @QueryParam("donorName") @Size(min = 2, max = 200) String donorName) {
        return statements.publicStatement(code, Dates.required(from, "from"), Dates.required(to, "to"),
                new StatementService.Search(blankToNull(bankReference), amountVnd,
                        donorName == null ? null : vn.vnn.kit.text.Names.normalise(donorName)), page);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
