package vn.vnn.household.standards;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.security.Roles;

import java.util.List;

@Path("/api/v1/poverty")
@Tag(name = "Poverty standards", description = "Chuẩn nghèo đa chiều quốc gia và phân loại hộ")
public class PovertyResource {

    private final ClassificationService classification;
    private final PovertyStandardService standards;

    PovertyResource(ClassificationService classification, PovertyStandardService standards) {
        this.classification = classification;
        this.standards = standards;
    }

    @POST
    @Path("classify")
    @Authenticated
    @Operation(summary = "Classify a household under the standard of the assessment date",
            description = "POOR ⇔ income ≤ line and ≥ 3 deprivations; NEAR_POOR ⇔ income ≤ line and fewer; "
                    + "AVERAGE_LIVING_STANDARD ⇔ above the line up to the standard's upper band; else NOT_POOR. "
                    + "Lines are inclusive. Give the income per person per month or score A, not both.")
    public Classification classify(@Valid @NotNull ClassificationInput request) {
        return classification.classify(request);
    }

    @GET
    @Path("standards")
    @Authenticated
    @Operation(summary = "Every poverty standard, oldest first")
    public List<StandardView> standards() {
        return standards.list().stream().map(StandardView::of).toList();
    }

    @GET
    @Path("standards/{code}")
    @Authenticated
    @Operation(summary = "One poverty standard")
    public StandardView standard(@PathParam("code") String code) {
        return StandardView.of(standards.get(code));
    }

    @POST
    @Path("standards")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a standard (e.g. a new period, or corrected figures as a new code)")
    public Response create(@Valid @NotNull StandardDefinition request, @Context UriInfo uriInfo) {
        StandardView created = StandardView.of(standards.create(request));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @PUT
    @Path("standards/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change a standard; give the version you read")
    public StandardView update(@PathParam("code") String code, @Valid @NotNull StandardDefinition request) {
        return StandardView.of(standards.update(code, request));
    }
}
