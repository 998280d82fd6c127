package vn.vnn.emulation.scoring;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.paging.PagedResponses;
import vn.vnn.kit.security.Roles;

@Path("/api/v1/achievements")
@Tag(name = "Achievements", description = "Thành tích của tập thể, cá nhân trong phong trào, đo từ sự kiện")
public class AchievementResource {

    private final AchievementService achievements;

    AchievementResource(AchievementService achievements) {
        this.achievements = achievements;
    }

    @GET
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.COUNCIL_MEMBER, Roles.FUND_OFFICER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Participants ranked by what they gave to the funds of your areas, largest first",
            description = "Only gifts to the funds of the areas you reach count (all areas for admins, auditors and "
                    + "the national grant VN); anonymous gifts never count towards a named donor.")
    public Response ranking(@BeanParam @Valid PageRequest page, @Context UriInfo uriInfo) {
        return PagedResponses.ok(uriInfo, achievements.ranking(page));
    }

    @GET
    @Path("summary")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.COUNCIL_MEMBER, Roles.FUND_OFFICER, Roles.ADMIN, Roles.AUDITOR,
            Roles.PARTNER})
    @Operation(summary = "What donors gave to the funds of each of your areas, in aggregate",
            description = "For partners too: counts and totals per area, no donor named.")
    public AchievementSummary summary() {
        return achievements.summary();
    }

    @GET
    @Path("{participantId}")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.COUNCIL_MEMBER, Roles.FUND_OFFICER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "One participant's gifts to the funds of your areas (for a donor: the fund's donor id)")
    public AchievementTotal get(@PathParam("participantId") String participantId) {
        return achievements.get(participantId);
    }
}
