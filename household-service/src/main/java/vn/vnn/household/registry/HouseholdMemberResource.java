package vn.vnn.household.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.security.Roles;
import vn.vnn.kit.sync.Delta;
import vn.vnn.kit.sync.SyncCursor;
import vn.vnn.kit.sync.SyncHorizon;

import java.util.UUID;

@Path("/api/v1/household-members")
@Tag(name = "Households")
public class HouseholdMemberResource {

    private final HouseholdChanges changes;

    HouseholdMemberResource(HouseholdChanges changes) {
        this.changes = changes;
    }

    @GET
    @RolesAllowed({Roles.COMMUNE_OFFICER, Roles.COMMUNE_CHAIRMAN, Roles.PROVINCE_OFFICER, Roles.ADMIN,
            Roles.AUDITOR})
    @Operation(summary = "Members changed since a time or a cursor (delta sync for field apps)",
            description = "Members (nhân khẩu) of households in your areas in (updatedAt, id) order, each with its "
                    + "version and household. A member who left, moved or whose registration was rejected comes "
                    + "as a tombstone (`removed`, `reason` LEFT, MOVED or REGISTRATION_REJECTED). Citizen IDs are "
                    + "masked unless your role works with them. Without updatedSince or after: from the start.")
    public Delta<HouseholdView.MemberView> changes(
            @Parameter(description = "Changes at or after this instant (ISO-8601 with offset)")
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "The `next` cursor of the previous answer") @QueryParam("after") String after,
            @Parameter(description = "Only this household's members") @QueryParam("householdId") UUID householdId,
            @Parameter(description = "At most this many changes (1–500, default 500)") @QueryParam("limit")
            Integer limit) {
        return changes.members(SyncCursor.from(updatedSince, after), householdId,
                SyncHorizon.limit(limit, HouseholdChanges.MAX_LIMIT)).map(HouseholdView.MemberView::of);
    }
}
