package vn.vnn.emulation.nominations;

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
import vn.vnn.kit.security.Roles;

import java.util.List;

/** The dated values of award money: forms with their multiples, and the base salary. */
@Path("/api/v1/emulation")
@Tag(name = "Award money", description = "Hình thức khen thưởng, hệ số và mức lương cơ sở theo thời gian")
public class AwardConfigurationResource {

    private final AwardConfiguration configuration;

    AwardConfigurationResource(AwardConfiguration configuration) {
        this.configuration = configuration;
    }

    @GET
    @Path("award-forms")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.COUNCIL_MEMBER, Roles.PROVINCE_CHAIRMAN, Roles.COMMUNE_CHAIRMAN,
            Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The award forms, whom each is for, and its multiple of the base salary over time")
    public List<AwardFormView> forms() {
        return configuration.forms().stream().map(AwardFormView::of).toList();
    }

    @POST
    @Path("award-forms/{code}/rates")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "A form's multiple from a date (a new decree); decisions from that date use it",
            description = "A value set for a date is never edited (409): add one from another date.")
    public Response addRate(@PathParam("code") String code,
                            @Valid @NotNull AwardConfigurationCommands.NewRate request) {
        return Response.status(Response.Status.CREATED)
                .entity(AwardFormView.of(configuration.addRate(code, request))).build();
    }

    @GET
    @Path("base-salaries")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.COUNCIL_MEMBER, Roles.PROVINCE_CHAIRMAN, Roles.COMMUNE_CHAIRMAN,
            Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "The base salary (mức lương cơ sở) over time")
    public List<BaseSalaryView> baseSalaries() {
        return configuration.baseSalaries().stream().map(BaseSalaryView::of).toList();
    }

    @POST
    @Path("base-salaries")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The base salary from a date (a new decree); decisions from that date use it",
            description = "A value set for a date is never edited (409): add one from another date.")
    public Response addBaseSalary(@Valid @NotNull AwardConfigurationCommands.NewBaseSalary request) {
        return Response.status(Response.Status.CREATED)
                .entity(BaseSalaryView.of(configuration.addBaseSalary(request))).build();
    }
}
