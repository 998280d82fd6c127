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
    private final StatementSeals seals;

    PublicFundResource(StatementService statements, StatementSeals seals) {
        this.statements = statements;
        this.seals = seals;
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


    @GET
    @Path("{code}/statement-digests")
    @PermitAll
    @Operation(summary = "The sealed days of a fund's public statement (niêm phong sao kê): each day's lines hash "
            + "chained to the previous day's digest; at most 366 days at once",
            description = "A day's lines are what the fund published that day (receipts recorded, receipts "
                    + "cancelled, support paid), one per line ending in a line feed, UTF-8: "
                    + "RECEIPT|number|day received|name shown|kind|amount, CANCELLED|number|amount, "
                    + "SUPPORT|day paid|category|commune|amount ('|' and '\\' inside a field escaped by '\\'). "
                    + "linesSha256 = SHA-256 of those lines; digest = SHA-256 of previousDigest, day and linesSha256, "
                    + "each followed by a line feed; the first day chains to 64 zeros. Days are sealed once they have "
                    + "ended (Vietnam time) and never change.")
    public List<StatementSeals.Seal> digests(@PathParam("code") String code, @QueryParam("from") String from,
                                             @QueryParam("to") String to) {
        return seals.seals(code, Dates.required(from, "from"), Dates.required(to, "to"));
    }

    @GET
    @Path("{code}/statement-digests/{day}")
    @PermitAll
    @Operation(summary = "What a fund published on a day, as its lines read now, with the day's seal: "
            + "matchesSeal is false if anything was changed or removed after the day was sealed")
    public StatementSeals.Published day(@PathParam("code") String code, @PathParam("day") String day) {
        return seals.published(code, Dates.required(day, "day"));
    }
}
