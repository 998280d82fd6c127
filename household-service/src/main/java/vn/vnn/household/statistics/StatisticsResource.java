package vn.vnn.household.statistics;

import vn.vnn.kit.export.TableExport;

import vn.vnn.household.standards.Indicator;
import vn.vnn.household.standards.SurveyCodes;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import vn.vnn.kit.idempotency.IdempotentRequests;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.problem.ProblemException;

import org.apache.poi.ss.usermodel.Sheet;

import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/statistics")
@Tag(name = "Statistics", description = "Tỷ lệ hộ nghèo, hộ cận nghèo và diễn biến theo địa bàn, theo năm")
public class StatisticsResource {

    private static final List<String> TOTALS_HEADER = List.of("Mã đơn vị", "Tên đơn vị", "Cấp", "Năm",
            "Tổng số hộ", "Hộ nghèo", "Hộ cận nghèo", "Hộ có mức sống trung bình", "Tỷ lệ hộ nghèo (%)",
            "Tỷ lệ hộ cận nghèo (%)", "Hộ thoát nghèo", "Hộ nghèo phát sinh", "Hộ tái nghèo", "Hộ DTTS", "Hộ nghèo DTTS",
            "Hộ cận nghèo DTTS");
    /** The denominator's source and the dynamics with their balance, after the indicators and causes. */
    private static final List<String> DYNAMICS_HEADER = List.of("Nguồn số hộ dân cư", "Hộ trong cơ sở dữ liệu",
            "Hộ nghèo cuối năm trước", "Hộ nghèo lần đầu ghi nhận (năm gốc)", "Hộ nghèo chuyển đến",
            "Hộ nghèo chuyển đi, giải thể", "Cân đối");
    /** The totals, then households deprived in each indicator, then poor households by cause. */
    private static final List<String> CSV_HEADER = java.util.stream.Stream.of(TOTALS_HEADER.stream(),
            java.util.Arrays.stream(Indicator.values()).map(i -> "Thiếu hụt: " + i.vietnamese()),
            java.util.Arrays.stream(SurveyCodes.CauseOfPoverty.values()).map(c -> "Hộ nghèo do: " + c.vietnamese()),
            DYNAMICS_HEADER.stream()).flatMap(h -> h).toList();

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final StatisticsService statistics;
    private final ResidentHouseholds resident;
    private final IdempotentRequests idempotency;
    private final Caller caller;
    private final PovertyRatePublications publications;

    StatisticsResource(StatisticsService statistics, ResidentHouseholds resident, IdempotentRequests idempotency,
                       Caller caller, PovertyRatePublications publications) {
        this.publications = publications;
        this.statistics = statistics;
        this.resident = resident;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @Path("poverty")
    @Authenticated
    @Operation(summary = "Poverty figures of an area for a year, with one level of sub-areas",
            description = "Aggregates only, never personal data. Users bound to areas read their own areas. "
                    + "areaCode VN (cả nước) gives the whole country with its provinces, for callers of national "
                    + "reach.")
    public PovertyStatistics poverty(@QueryParam("areaCode") String areaCode, @QueryParam("year") Integer year,
                                     @QueryParam("children") @DefaultValue("true") boolean children) {
        return statistics.poverty(required(areaCode), year(year), children);
    }

    @GET
    @Path("poverty.csv")
    @Authenticated
    @Produces("text/csv; charset=UTF-8")
    @Operation(summary = "The same figures as CSV (UTF-8 with BOM, Vietnamese headers): the area, then its sub-areas")
    public Response povertyCsv(@QueryParam("areaCode") String areaCode, @QueryParam("year") Integer year) {
        PovertyStatistics figures = statistics.poverty(required(areaCode), year(year), true);
        return download(TableExport.csv(CSV_HEADER, rows(figures).stream().map(StatisticsResource::cells).toList()),
                TableExport.CSV, figures, "csv");
    }

    @GET
    @Path("poverty.xlsx")
    @Authenticated
    @Produces(XLSX)
    @Operation(summary = "The same figures as an Excel workbook (Vietnamese headers)")
    public Response povertyXlsx(@QueryParam("areaCode") String areaCode, @QueryParam("year") Integer year) {
        PovertyStatistics figures = statistics.poverty(required(areaCode), year(year), true);
        return download(TableExport.xlsx(TableExport.Sheet.of("Thống kê hộ nghèo " + figures.year(), CSV_HEADER,
                rows(figures).stream().map(StatisticsResource::cells).toList())), XLSX, figures, "xlsx");
    }

    @PUT
    @Path("resident-households")
    @Consumes({"text/csv", "text/plain"})
    @RolesAllowed({Roles.PROVINCE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Import resident households per commune and year (số hộ dân cư), the denominator of the rates",
            description = "CSV, UTF-8, header communeCode,year,households,source. Each commune must be in force on "
                    + "31 December of the year and in your areas; source says where the figure comes from. All rows "
                    + "or none; a row for a commune and year already given replaces it; every row is audited. Where "
                    + "a commune has a figure, the report uses it and says so (residentHouseholdsSource).")
    public Response importResidentHouseholds(
            @Parameter(required = true) @HeaderParam(IdempotentRequests.HEADER) String key, String csv) {
        return idempotency.execute(key, "PUT /api/v1/statistics/resident-households|" + caller.actor(), csv,
                () -> Response.ok(resident.importCsv(csv == null ? "" : csv)).build());
    }

    @GET
    @Path("resident-households")
    @RolesAllowed({Roles.PROVINCE_OFFICER, Roles.COMMUNE_OFFICER, Roles.COMMUNE_CHAIRMAN, Roles.ADMIN,
            Roles.AUDITOR})
    @Operation(summary = "The resident households supplied for a year, of the communes you reach")
    public List<ResidentHouseholds.Supplied> residentHouseholds(@QueryParam("year") Integer year) {
        return resident.list(year(year));
    }

    @POST
    @Path("publications")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Publish the communes' figures of a year to the other services now",
            description = "Each commune whose resident and poor households changed since last published goes out as "
                    + "household.commune-poverty-rate.v1 (the emulation movement measures the fall of the poverty "
                    + "rate from it). The current and previous years are published regularly anyway.")
    public PovertyRatePublications.Published publish(@QueryParam("year") Integer year) {
        return publications.publish(year(year));
    }

    @POST
    @Path("tallies/rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Count the statistics' tallies of an area's province afresh",
            description = "Reports read per-commune tallies kept up to date with every registration, recognition, "
                    + "move, dissolution and survey. This counts those of the area's province (and of the provinces "
                    + "it was formed from or became) again from the registry for every maintained year and says how "
                    + "many tally rows were wrong (rowsCorrected; 0 when the tallies held). Needed only after data "
                    + "were written to the database other than through the service.")
    public Tallies.Rebuilt rebuildTallies(@QueryParam("areaCode") String areaCode) {
        return statistics.rebuildTallies(required(areaCode));
    }

    @GET
    @Path("tallies")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Which years' statistics are read from tallies",
            description = "Per maintained year: whether its tallies are built and trusted (reports then read them), "
                    + "the day of the unit tree they were built on, and when. Untrusted years are counted live and "
                    + "rebuilt by a regular job.")
    public List<Tallies.YearState> tallies() {
        return statistics.tallyYears();
    }

    private static List<PovertyStatistics> rows(PovertyStatistics figures) {
        List<PovertyStatistics> rows = new ArrayList<>();
        rows.add(figures);
        rows.addAll(figures.children() == null ? List.of() : figures.children());
        return rows;
    }

    private static List<Object> cells(PovertyStatistics s) {
        List<Object> cells = new ArrayList<>(List.of(s.areaCode(), s.areaName(), s.level(), s.year(),
                s.residentHouseholds(), s.poor(), s.nearPoor(), s.averageLivingStandard(), s.povertyRatePercent(),
                s.nearPovertyRatePercent(), s.escaped(), s.newlyPoor(), s.rePoor(), s.ethnicMinorityHouseholds(),
                s.ethnicMinorityPoor(), s.ethnicMinorityNearPoor()));
        for (Indicator indicator : Indicator.values()) {
            cells.add(s.deprivationsByIndicator().getOrDefault(indicator.name(), 0L));
        }
        for (SurveyCodes.CauseOfPoverty cause : SurveyCodes.CauseOfPoverty.values()) {
            cells.add(s.poorByCause().getOrDefault(cause.name(), 0L));
        }
        PovertyStatistics.Dynamics d = s.dynamics();
        cells.addAll(List.of(s.residentHouseholdsSource(), s.registeredHouseholds(), d.poorPreviousYear(),
                d.firstRecorded(), d.movedIn(), d.movedOut(), d.balanced() ? "cân đối"
                        : "không cân đối (chênh " + d.unexplained() + ")"));
        return cells;
    }

    private static Response download(Object body, String type, PovertyStatistics figures, String extension) {
        return Response.ok(body, MediaType.valueOf(type)).header("Content-Disposition", "attachment; filename=\"poverty-"
                + figures.areaCode() + "-" + figures.year() + "." + extension + "\"").build();
    }

    private static String required(String areaCode) {
        if (areaCode == null || areaCode.isBlank()) {
            throw ProblemException.invalid("areaCode", "is required");
        }
        return areaCode;
    }

    private static int year(Integer year) {
        if (year == null) {
            throw ProblemException.invalid("year", "is required");
        }
        if (year < 2022 || year > 2100) {
            throw ProblemException.invalid("year", "must be between 2022 and 2100");
        }
        return year;
    }
}
