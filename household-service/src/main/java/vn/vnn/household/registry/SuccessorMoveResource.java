package vn.vnn.household.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.security.Roles;

@Path("/api/v1/households")
@Tag(name = "Households")
public class SuccessorMoveResource {

    /** Which ended commune's households to move, and whether only to show what would happen. */
    @Schema(name = "SuccessorMoveRequest")
    public record SuccessorMoveRequest(
            @Schema(description = "A commune whose version has ended (e.g. on 30 June 2025)", examples = "99112")
            @NotBlank @Pattern(regexp = "[0-9A-Za-z.-]{1,20}", message = "must be a unit code") String communeCode,
            @Schema(description = "Only report what would be moved") Boolean dryRun) {
    }

    private final SuccessorMoves moves;

    SuccessorMoveResource(SuccessorMoves moves) {
        this.moves = moves;
    }

    @POST
    @Path("successor-moves")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Move the households still under an ended commune to its successor, by village",
            description = "Each household goes to the commune its village (thôn, tổ dân phố) went into, or to the "
                    + "only successor of a merged commune; a household of a split commune whose village does not "
                    + "decide stays and is listed. The household's stay continues (no move in the statistics); "
                    + "every household moved and the run are audited. dryRun=true reports without changing anything.")
    public SuccessorMoves.Outcome move(@Valid @NotNull SuccessorMoveRequest request) {
        return moves.move(request.communeCode(), Boolean.TRUE.equals(request.dryRun()));
    }
}
