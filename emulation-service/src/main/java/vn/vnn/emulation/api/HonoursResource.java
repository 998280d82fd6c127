package vn.vnn.emulation.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.emulation.service.NominationService;

import java.util.List;
import java.util.UUID;

/** Who was honoured, for anyone to see. */
@Path("/api/v1/public/honours")
@Tag(name = "Honours board", description = "Bảng vàng: khen thưởng đã quyết định (không cần đăng nhập)")
public class HonoursResource {

    private final NominationService nominations;

    HonoursResource(NominationService nominations) {
        this.nominations = nominations;
    }

    @GET
    @PermitAll
    @Operation(summary = "Decided awards per movement and area, newest first; revoked awards leave the board")
    public List<NominationDtos.Honour> honours(@QueryParam("movementId") UUID movementId,
                                               @QueryParam("areaCode") String areaCode) {
        return nominations.honours(movementId, areaCode);
    }
}
