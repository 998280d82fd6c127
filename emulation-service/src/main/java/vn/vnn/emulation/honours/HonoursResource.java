package vn.vnn.emulation.honours;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.paging.PagedResponses;
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
import vn.vnn.emulation.nominations.CommentService;
import vn.vnn.emulation.nominations.NominationCommands;

import java.util.UUID;

/** Who was honoured, and who is proposed for comment, for anyone to see. */
@Path("/api/v1/public/honours")
@Tag(name = "Honours board", description = "Bảng vàng: khen thưởng đã quyết định (không cần đăng nhập)")
public class HonoursResource {

    private final HonoursService honours;
    private final CommentService comments;

    HonoursResource(HonoursService honours, CommentService comments) {
        this.honours = honours;
        this.comments = comments;
    }

    @GET
    @PermitAll
    @Operation(summary = "Decided awards per movement and area, newest first; revoked awards leave the board")
    public Response honours(@QueryParam("movementId") UUID movementId, @QueryParam("areaCode") String areaCode,
                            @BeanParam @Valid PageRequest page, @Context UriInfo uriInfo) {
        return PagedResponses.ok(uriInfo, honours.honours(movementId, areaCode, page));
    }

    @GET
    @Path("announcements")
    @PermitAll
    @Operation(summary = "Công khai, lấy ý kiến: nominees whose public-comment period is open today")
    public Response announcements(@QueryParam("areaCode") String areaCode, @BeanParam @Valid PageRequest page,
                                  @Context UriInfo uriInfo) {
        return PagedResponses.ok(uriInfo, honours.open(areaCode, page));
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
    @APIResponse(responseCode = "200", description = "The same text was already received for this nominee today; "
            + "not stored again")
    @APIResponse(responseCode = "429", description = "Too many comments from this address or for this nominee")
    public Response comment(@PathParam("id") UUID id, @Valid @NotNull NominationCommands.Comment body,
                            @Context io.vertx.core.http.HttpServerRequest request) {
        String sender = request.remoteAddress() == null ? null : request.remoteAddress().host();
        var received = comments.comment(id, body, sender);
        return Response.status(received.duplicate() ? Response.Status.OK : Response.Status.CREATED)
                .entity(java.util.Map.of("id", received.id(), "duplicate", received.duplicate())).build();
    }
}
