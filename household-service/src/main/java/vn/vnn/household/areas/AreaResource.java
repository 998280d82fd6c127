package vn.vnn.household.areas;

import vn.vnn.kit.time.VietnamClock;
import vn.vnn.kit.web.Dates;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.idempotency.IdempotentRequests;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.security.Roles;

import java.util.List;
import java.util.Set;

@Path("/api/v1/areas")
@Tag(name = "Areas", description = "Đơn vị hành chính theo thời điểm: ba cấp trước 1/7/2025, hai cấp từ 1/7/2025")
public class AreaResource {

    private static final Set<String> LEVELS = Set.of("PROVINCE", "DISTRICT", "COMMUNE", "VILLAGE");

    private final AreaService areas;
    private final IdempotentRequests idempotency;
    private final Caller caller;
    private final VietnamClock clock;

    AreaResource(AreaService areas, IdempotentRequests idempotency, Caller caller, VietnamClock clock) {
        this.clock = clock;
        this.areas = areas;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @Authenticated
    @Operation(summary = "Units in force on a date (default today), optionally of one level or under one parent")
    public List<AreaView> list(@QueryParam("date") String date, @QueryParam("level") String level,
                               @QueryParam("parentCode") String parentCode) {
        if (level != null && !LEVELS.contains(level)) {
            throw ProblemException.invalid("level", "must be one of " + LEVELS);
        }
        return areas.list(clock.orToday(Dates.param(date, "date")), level, parentCode).stream().map(AreaView::of)
                .toList();
    }

    @GET
    @Path("tree")
    @Authenticated
    @Operation(summary = "The tree in force on a date (default today), from the provinces or from one unit")
    public List<AreaView> tree(@QueryParam("date") String date, @QueryParam("root") String root) {
        return areas.tree(clock.orToday(Dates.param(date, "date")), root).stream().map(AreaView::of).toList();
    }

    @GET
    @Path("{code}")
    @Authenticated
    @Operation(summary = "One unit as on a date, with its children, successors and predecessors")
    public AreaView unit(@PathParam("code") String code, @QueryParam("date") String date) {
        return AreaView.of(areas.unit(code, clock.orToday(Dates.param(date, "date"))));
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", "text/plain"})
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Import a unit list (CSV, UTF-8); all rows or none",
            description = "Columns: code,name,level,parentCode,type,validFrom,validTo,successorCodes. level is "
                    + "PROVINCE, DISTRICT, COMMUNE or VILLAGE; type RURAL or URBAN; dates YYYY-MM-DD; successors "
                    + "separated by ';'. A row with the code and validFrom of a stored unit updates it.")
    public Response importCsv(@Parameter(required = true) @HeaderParam(IdempotentRequests.HEADER) String key,
                              String csv) {
        String actor = caller.actor();
        return idempotency.execute(key, "POST /api/v1/areas/import|" + actor, csv,
                () -> Response.ok(areas.importCsv(csv == null ? "" : csv, false, actor)).build());
    }

}
