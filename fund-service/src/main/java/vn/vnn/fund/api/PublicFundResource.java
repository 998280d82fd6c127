package vn.vnn.fund.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.fund.service.StatementService;
import vn.vnn.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
    @Operation(summary = "A fund's statement for a period (at most a year): receipts, support paid, totals",
            description = "Totals and balances come from the fund's ledger. Anonymous donors are not named; "
                    + "households are never shown, only the commune of the support.")
    public Statement statement(@PathParam("code") String code, @QueryParam("from") String from,
                               @QueryParam("to") String to) {
        return statements.statement(code, date("from", from), date("to", to));
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date YYYY-MM-DD");
        }
    }
}
