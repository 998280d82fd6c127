package vn.vnn.emulation.api;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.emulation.service.AnnouncementService;
import vn.vnn.emulation.service.NominationService;

import java.util.List;
import java.util.UUID;

/** Who was honoured, and who is proposed for comment, for anyone to see. */
@Path("/api/v1/public/honours")
@Tag(name = "Honours board", description = "Bảng vàng: khen thưởng đã quyết định (không cần đăng nhập)")
public class HonoursResource {

    private final NominationService nominations;
    private final AnnouncementService announcements;

    HonoursResource(NominationService nominations, AnnouncementService announcements) {
        this.nominations = nominations;
        this.announcements = announcements;
    }

    @GET
    @PermitAll
    @Operation(summary = "Decided awards per movement and area, newest first; revoked awards leave the board")
    public List<NominationDtos.Honour> honours(@QueryParam("movementId") UUID movementId,
                                               @QueryParam("areaCode") String areaCode) {
        return nominations.honours(movementId, areaCode);
    }

    @GET
    @Path("announcements")
    @PermitAll
    @Operation(summary = "Công khai, lấy ý kiến: nominees whose public-comment period is open today")
    public List<NominationDtos.Announced> announcements(@QueryParam("areaCode") String areaCode) {
        return announcements.open(areaCode);
    }

    @POST
    @Path("announcements/{id}/comments")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Comment on an announced nominee while its period is open (no login; name and contact "
            + "optional)")
    @APIResponse(responseCode = "201", description = "Received")
    @APIResponse(responseCode = "404", description = "No open announcement with that id")
    @APIResponse(responseCode = "409", description = "The comment period has ended")
    public Response comment(@PathParam("id") UUID id, @Valid @NotNull NominationDtos.Comment body) {
        UUID commentId = announcements.comment(id, body);
        return Response.status(Response.Status.CREATED).entity(java.util.Map.of("id", commentId)).build();
    }
}
