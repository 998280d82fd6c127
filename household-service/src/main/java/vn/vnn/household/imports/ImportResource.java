package vn.vnn.household.imports;

import vn.vnn.kit.export.TableExport;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.idempotency.IdempotentRequests;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.paging.PagedResponses;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.problem.ProblemType;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;

import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.vnn.kit.upload.UploadedFile;

import java.io.InputStream;
import java.util.UUID;

@Path("/api/v1/household-imports")
@Tag(name = "Household imports", description = "Nhập dữ liệu hộ gia đình hàng loạt (CSV, XLSX) cho cơ quan đối tác")
public class ImportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String CSV = "text/csv";

    private final ImportJobs imports;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    /** Largest file, counted after gzip is undone (the HTTP limit counts the bytes on the wire). */
    @ConfigProperty(name = "vnn.import.max-file-size", defaultValue = "100M")
    MemorySize maxFileSize;

    ImportResource(ImportJobs imports, IdempotentRequests idempotency, Caller caller) {
        this.imports = imports;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes({CSV, XLSX})
    @RolesAllowed({Roles.PARTNER, Roles.COMMUNE_OFFICER, Roles.PROVINCE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Upload households with members (CSV UTF-8 or XLSX, up to 100 MB, Content-Encoding: gzip accepted); processed asynchronously",
            description = "One row per member, columns as in the template (GET template.csv / template.xlsx); the "
                    + "rows of a household are next to each other and share its household_ref (mã hộ), its own "
                    + "data in its first row. Answers 202 with the job; follow Location for progress and "
                    + "/errors for the row-level report. A household already registered under the same commune and "
                    + "household_ref is left unchanged, so uploading a file again changes nothing. Households "
                    + "outside the areas granted to you (area_codes) are rejected row by row.")
    public Response upload(@Parameter(required = true) @HeaderParam(IdempotentRequests.HEADER) String key,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
                           @QueryParam("fileName") String fileName, InputStream body, @Context UriInfo uriInfo) {
        TabularFile.Format format = contentType != null && contentType.isCompatible(MediaType.valueOf(XLSX))
                ? TabularFile.Format.XLSX : TabularFile.Format.CSV;
        String charset = contentType == null ? null : contentType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (format == TabularFile.Format.CSV && charset != null && !charset.equalsIgnoreCase("UTF-8")) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Send CSV files in UTF-8 (Excel: \"CSV UTF-8\"); " + charset + " cannot hold Vietnamese");
        }
        try (UploadedFile content = UploadedFile.receive(body, maxFileSize.asLongValue())) {
            if (content.isEmpty()) {
                throw new ProblemException(ProblemType.VALIDATION, "The file is empty");
            }
            String fingerprint = format + ":" + content.sha256();
            return idempotency.execute(key, "POST /api/v1/household-imports|" + caller.actor(), fingerprint, () -> {
                ImportJobView job = ImportJobView.of(imports.submit(format, fileName, content));
                return Response.accepted(job).location(uriInfo.getAbsolutePathBuilder().path(job.id().toString())
                        .build()).build();
            });
        }
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.COMMUNE_OFFICER, Roles.PROVINCE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Your imports, newest first (an admin sees all)")
    public Response list(@BeanParam @Valid PageRequest page, @Context UriInfo uriInfo) {
        return PagedResponses.ok(uriInfo, imports.list(page).map(ImportJobView::of));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.PARTNER, Roles.COMMUNE_OFFICER, Roles.PROVINCE_OFFICER, Roles.ADMIN})
    @Operation(summary = "An import's status and progress")
    public ImportJobView get(@PathParam("id") UUID id) {
        return ImportJobView.of(imports.get(id));
    }

    @GET
    @Path("{id}/errors")
    @RolesAllowed({Roles.PARTNER, Roles.COMMUNE_OFFICER, Roles.PROVINCE_OFFICER, Roles.ADMIN})
    @Operation(summary = "The row-level error report: row (as the spreadsheet numbers it, header = 1), column, "
            + "message; never the cell's value")
    public Response errors(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page, @Context UriInfo uriInfo) {
        return PagedResponses.ok(uriInfo, imports.errors(id, page));
    }

    @GET
    @Path("{id}/errors.csv")
    @Produces("text/csv; charset=UTF-8")
    @RolesAllowed({Roles.PARTNER, Roles.COMMUNE_OFFICER, Roles.PROVINCE_OFFICER, Roles.ADMIN})
    @Operation(summary = "The whole error report as CSV (UTF-8 with BOM)")
    public Response errorsCsv(@PathParam("id") UUID id) {
        String csv = TableExport.csv(List.of("row", "column", "message"), imports.allErrors(id).stream()
                .map(error -> Arrays.<Object>asList(error.row(), error.column(), error.message())).toList());
        return Response.ok(csv, TableExport.CSV)
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"").build();
    }

    @GET
    @Path("template.csv")
    @Produces("text/csv; charset=UTF-8")
    @RolesAllowed({Roles.PARTNER, Roles.COMMUNE_OFFICER, Roles.PROVINCE_OFFICER, Roles.ADMIN})
    @Operation(summary = "The CSV template: every column and an example household of two members")
    public Response templateCsv() {
        return Response.ok(ImportTemplate.csv(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"household-import-template.csv\"").build();
    }

    @GET
    @Path("template.xlsx")
    @Produces(XLSX)
    @RolesAllowed({Roles.PARTNER, Roles.COMMUNE_OFFICER, Roles.PROVINCE_OFFICER, Roles.ADMIN})
    @Operation(summary = "The XLSX template, with a sheet explaining each column and its codes in Vietnamese")
    public Response templateXlsx() {
        return Response.ok(ImportTemplate.xlsx(), XLSX)
                .header("Content-Disposition", "attachment; filename=\"household-import-template.xlsx\"").build();
    }
}
