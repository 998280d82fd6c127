package vn.vnn.household.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.paging.PagedResponses;
import vn.vnn.kit.security.Roles;

import java.util.UUID;

@Path("/api/v1/member-conflicts")
@Tag(name = "Member conflicts", description = "Trùng số định danh cá nhân giữa các hộ: the queue of registrations "
        + "whose citizen ID an active member of a household elsewhere holds, decided by that area")
public class MemberConflictResource {

    private final MemberConflicts conflicts;

    MemberConflictResource(MemberConflicts conflicts) {
        this.conflicts = conflicts;
    }

    /** The decision on a conflict. */
    @Schema(name = "MemberConflictResolution")
    public record Resolution(
            @Schema(description = "MOVE: the person moved to the new household; REJECT: the registration is wrong")
            @NotNull MemberConflict.Outcome outcome,
            @Schema(description = "Why, e.g. the police's confirmation of the move") @Size(max = 1000) String note,
            @Schema(description = "The version you read (optional)") Long version) {
    }

    @GET
    @RolesAllowed({Roles.PROVINCE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Conflicts whose other household lies in your areas, oldest first",
            description = "status OPEN (default) or RESOLVED. Citizen IDs are masked except for admins.")
    public Response list(@QueryParam("status") MemberConflict.Status status, @BeanParam @Valid PageRequest page,
                         @Context UriInfo uriInfo) {
        return PagedResponses.ok(uriInfo, conflicts.list(status, page).map(MemberConflictView::of));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.PROVINCE_OFFICER, Roles.ADMIN})
    @Operation(summary = "One conflict")
    public MemberConflictView get(@PathParam("id") UUID id) {
        return MemberConflictView.of(conflicts.get(id));
    }

    @POST
    @Path("{id}/resolution")
    @RolesAllowed({Roles.PROVINCE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Decide a conflict: MOVE the person to the new household or REJECT the registration",
            description = "Decided once (409 after). MOVE is refused (409) while the person heads their household.")
    public MemberConflictView resolve(@PathParam("id") UUID id, @Valid @NotNull Resolution resolution) {
        return MemberConflictView.of(conflicts.resolve(id, resolution.outcome(), resolution.note(),
                resolution.version()));
    }
}
