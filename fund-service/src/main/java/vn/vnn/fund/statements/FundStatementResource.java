package vn.vnn.fund.statements;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.fund.funds.FundService;
import vn.vnn.kit.export.TableExport;
import vn.vnn.kit.security.Roles;
import vn.vnn.kit.web.Dates;

import java.util.UUID;

/**
 * A fund's statement and report for its officers (sao kê, báo cáo thu chi). Shares the funds' path: JAX-RS merges the
 * methods of root resources with the same path, so the statement lives with its feature.
 */
@Path("/api/v1/funds")
@Tag(name = "Funds", description = "Quỹ \"Vì người nghèo\" các cấp, số dư và sổ kế toán kép")
public class FundStatementResource {

    private final FundService funds;
    private final StatementService statements;

    FundStatementResource(FundService funds, StatementService statements) {
        this.funds = funds;
        this.statements = statements;
    }

    @GET
    @Path("{id}/statement.csv")
    @Produces(TableExport.CSV)
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The fund's statement for a period as CSV (UTF-8 with BOM, Vietnamese headers)")
    public Response statementCsv(@PathParam("id") UUID id, @QueryParam("from") String from,
                                 @QueryParam("to") String to) {
        Statement statement = statement(id, from, to);
        return Response.ok(StatementExport.csv(statement), TableExport.CSV)
                .header("Content-Disposition", "attachment; filename=\"sao-ke-" + statement.fund().code() + "-"
                        + statement.from() + "-" + statement.to() + ".csv\"").build();
    }

    @GET
    @Path("{id}/statement.xlsx")
    @Produces(TableExport.XLSX)
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The fund's statement for a period as an Excel workbook")
    public Response statementXlsx(@PathParam("id") UUID id, @QueryParam("from") String from,
                                  @QueryParam("to") String to) {
        Statement statement = statement(id, from, to);
        return Response.ok(StatementExport.xlsx(statement), TableExport.XLSX)
                .header("Content-Disposition", "attachment; filename=\"sao-ke-" + statement.fund().code() + "-"
                        + statement.from() + "-" + statement.to() + ".xlsx\"").build();
    }

    @GET
    @Path("{id}/report")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Received and paid in a period by donor type, campaign, month, support category and commune")
    public FundReport report(@PathParam("id") UUID id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return statements.report(funds.entity(id), Dates.required(from, "from"), Dates.required(to, "to"));
    }

    private Statement statement(UUID id, String from, String to) {
        return statements.statement(funds.entity(id).code, Dates.required(from, "from"), Dates.required(to, "to"));
    }
}
