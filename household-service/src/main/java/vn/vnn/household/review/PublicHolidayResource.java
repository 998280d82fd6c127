package vn.vnn.household.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.security.Roles;
import vn.vnn.kit.web.Dates;

import java.util.List;

/** Public holidays: the review's periods are counted in working days without them. */
@Path("/api/v1/holidays")
@Tag(name = "Review", description = "Rà soát hộ nghèo, hộ cận nghèo")
public class PublicHolidayResource {

    private final PublicHolidays holidays;

    PublicHolidayResource(PublicHolidays holidays) {
        this.holidays = holidays;
    }

    @GET
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.COMMUNE_CHAIRMAN, Roles.PROVINCE_OFFICER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The public holidays of a year (ngày nghỉ lễ, Tết), which working days skip")
    public List<HolidayView> list(@QueryParam("year") @NotNull @Min(1900) @Max(2199) Integer year) {
        return holidays.of(year).stream().map(HolidayView::of).toList();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a public holiday as the Government announced it (Tết, the day added to 2/9, …)")
    public Response add(@Valid @NotNull HolidayView holiday) {
        return Response.status(Response.Status.CREATED).entity(HolidayView.of(holidays.add(holiday.day(),
                holiday.name()))).build();
    }

    @DELETE
    @Path("{day}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Withdraw a holiday entered by mistake (periods already computed keep their dates)")
    public Response remove(@PathParam("day") String day) {
        holidays.remove(Dates.required(day, "day"));
        return Response.noContent().build();
    }
}
