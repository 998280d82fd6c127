package vn.vnn.fund.banking;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.fund.donations.DonationView;
import vn.vnn.fund.donations.RecordedDonation;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.paging.PagedResponses;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;
import vn.vnn.kit.upload.RowError;
import vn.vnn.kit.upload.UploadedFile;

import java.io.InputStream;
import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@Path("/api/v1/bank-accounts/{accountId}")
@Tag(name = "Bank statements", description = "Nhập sao kê ngân hàng, đối chiếu từng giao dịch và đối chiếu số dư "
        + "hằng tháng")
public class BankStatementResource {

    private final StatementImports imports;
    private final StatementLineDecisions decisions;
    private final Reconciliations reconciliations;
    private final Caller caller;

    @ConfigProperty(name = "vnn.bank-statements.max-file-size", defaultValue = "50M")
    MemorySize maxFileSize;

    BankStatementResource(StatementImports imports, StatementLineDecisions decisions,
                          Reconciliations reconciliations, Caller caller) {
        this.imports = imports;
        this.decisions = decisions;
        this.reconciliations = reconciliations;
        this.caller = caller;
    }

    @POST
    @Path("statements")
    @Consumes("*/*")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.ADMIN})
    @Operation(summary = "Upload a bank statement of the account (MT940, camt.053, or the bank's CSV / XLSX export "
            + "with its column profile; up to 50 MB, Content-Encoding: gzip accepted); processed asynchronously",
            description = "Answers 202 with the statement; follow Location for its progress, /lines for what each "
                    + "line became and /errors when it was refused. The same file for the same account answers "
                    + "200 with the statement it already is. Refused (status REJECTED) when the file cannot be "
                    + "read, names another account, its opening balance plus its lines does not make its closing "
                    + "balance, or its statement number was imported before. CSV and XLSX exports carry no "
                    + "statement number: their period (first–last booking day) is taken as one. Credits are "
                    + "matched by an intent's reference code in the message (the donation is then recorded), a "
                    + "bank reference already recorded on a donation, or suggested by amount, ±2 days and the "
                    + "donor's name; debits by a payment's transfer reference.")
    public Response upload(@PathParam("accountId") UUID accountId,
                           @Parameter(description = "MT940, CAMT053, CSV or XLSX", required = true)
                           @QueryParam("format") String format,
                           @Parameter(description = "For CSV and XLSX: the bank's column profile (vietcombank, bidv)")
                           @QueryParam("profile") String profile,
                           @QueryParam("fileName") String fileName, InputStream body, @Context UriInfo uriInfo) {
        StatementFiles.Format parsed;
        try {
            parsed = StatementFiles.Format.of(format, profile);
        } catch (BankStatement.Unreadable e) {
            throw ProblemException.invalid(e.getMessage().startsWith("format") ? "format" : "profile",
                    e.getMessage());
        }
        if (fileName != null && fileName.length() > 255) {
            throw ProblemException.invalid("fileName", "is longer than 255 characters");
        }
        try (UploadedFile file = UploadedFile.receive(body, maxFileSize.asLongValue())) {
            StatementImports.Submitted submitted = imports.submit(accountId, parsed, fileName, file,
                    caller.actor());
            BankStatementView view = BankStatementView.of(submitted.statement(), 0);
            URI location = uriInfo.getBaseUriBuilder().path("api/v1/bank-accounts").path(accountId.toString())
                    .path("statements").path(view.id().toString()).build();
            return (submitted.queued() ? Response.accepted(view) : Response.ok(view)).location(location).build();
        }
    }

    @GET
    @Path("statements")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The account's statements, newest upload first")
    public Response list(@PathParam("accountId") UUID accountId, @BeanParam @Valid PageRequest page,
                         @Context UriInfo uriInfo) {
        return PagedResponses.ok(uriInfo, imports.list(accountId, page).map(s -> BankStatementView.of(s, 0)));
    }

    @GET
    @Path("statements/{statementId}")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "A statement's status, progress and outcome counts")
    public BankStatementView get(@PathParam("accountId") UUID accountId,
                                 @PathParam("statementId") UUID statementId) {
        StatementImports.Imported imported = imports.get(accountId, statementId);
        return BankStatementView.of(imported.statement(), imported.errorCount());
    }

    @GET
    @Path("statements/{statementId}/errors")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Why a statement was refused: row (as the file numbers it) where it has rows, and message")
    public List<RowError> errors(@PathParam("accountId") UUID accountId,
                                 @PathParam("statementId") UUID statementId) {
        return imports.errors(accountId, statementId);
    }

    @GET
    @Path("statements/{statementId}/lines")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "A statement's lines in file order with what each became; filter by outcome")
    public Response lines(@PathParam("accountId") UUID accountId, @PathParam("statementId") UUID statementId,
                          @Parameter(description = "MATCHED, SUGGESTED, UNMATCHED or IGNORED")
                          @QueryParam("outcome") String outcome, @BeanParam @Valid PageRequest page,
                          @Context UriInfo uriInfo) {
        return PagedResponses.ok(uriInfo, imports.lines(accountId, statementId, outcome(outcome), page)
                .map(StatementLineView::of));
    }

    @POST
    @Path("statement-lines/{lineId}/confirmation")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.ADMIN})
    @Operation(summary = "Confirm a SUGGESTED line: its suggested donation is the transfer it shows",
            description = "The donation takes the line's bank reference when it had none, and its cash moves into "
                    + "this account in the ledger when it was recorded without one. 409 when the line is not "
                    + "SUGGESTED or its version changed.")
    public StatementLineView confirm(@PathParam("accountId") UUID accountId, @PathParam("lineId") UUID lineId,
                                     @Valid @NotNull StatementLineDtos.Confirmation request) {
        return StatementLineView.of(decisions.confirm(accountId, lineId, request.version(), caller.actor()));
    }

    @POST
    @Path("statement-lines/{lineId}/donation")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.ADMIN})
    @Operation(summary = "Record the donation an UNMATCHED or SUGGESTED credit line is, in one step",
            description = "The donation, its receipt, its ledger entries and the link to the line commit together; "
                    + "amount, day received, bank reference and account are the line's. A line becomes one "
                    + "donation at most (409 the second time).")
    public Response recordDonation(@PathParam("accountId") UUID accountId, @PathParam("lineId") UUID lineId,
                                   @Valid @NotNull StatementLineDtos.Donation request) {
        RecordedDonation recorded = decisions.recordDonation(accountId, lineId, request.version(),
                request.command(), caller.actor());
        return Response.created(URI.create("/api/v1/donations/" + recorded.donation().id))
                .entity(DonationView.of(recorded)).build();
    }

    @POST
    @Path("statement-lines/{lineId}/ignore")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.ADMIN})
    @Operation(summary = "Set an UNMATCHED or SUGGESTED line aside with the reason (bank fee, interest, refund)")
    public StatementLineView ignore(@PathParam("accountId") UUID accountId, @PathParam("lineId") UUID lineId,
                                    @Valid @NotNull StatementLineDtos.Ignore request) {
        return StatementLineView.of(decisions.ignore(accountId, lineId, request.version(), request.reason(),
                caller.actor()));
    }

    @GET
    @Path("reconciliations/{month}")
    @RolesAllowed({Roles.FUND_OFFICER, Roles.FUND_APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The month's reconciliation of the account: bank balance, ledger balance, and what is "
            + "unmatched on each side",
            description = "A month reconciles when the balance of its last imported statement equals the ledger's "
                    + "cash held in this account at the month's end, the statements follow on from each other, "
                    + "and nothing is unmatched on either side; the first time it does, "
                    + "fund.statement-reconciled.v1 is published.")
    public ReconciliationView reconciliation(@PathParam("accountId") UUID accountId,
                                             @Parameter(description = "yyyy-MM", example = "2026-11")
                                             @PathParam("month") String month) {
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("month", "must be a month as yyyy-MM");
        }
        if (parsed.getYear() < 2000) {
            throw ProblemException.invalid("month", "must be after 2000");
        }
        return ReconciliationView.of(reconciliations.report(accountId, parsed));
    }

    private static StatementMatching.Outcome outcome(String outcome) {
        if (outcome == null || outcome.isBlank()) {
            return null;
        }
        try {
            return StatementMatching.Outcome.valueOf(outcome.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("outcome", "must be MATCHED, SUGGESTED, UNMATCHED or IGNORED");
        }
    }
}
