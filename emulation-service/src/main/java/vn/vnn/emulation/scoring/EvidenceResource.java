package vn.vnn.emulation.scoring;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.vnn.kit.security.Roles;

import java.util.UUID;

/** Verifying evidence. Shares its path with the participants' endpoints (JAX-RS merges equal root paths). */
@Path("/api/v1/emulation")
@Tag(name = "Participants", description = "Đối tượng thi đua, đăng ký thi đua và minh chứng")
public class EvidenceResource {

    private final EvidenceService evidence;

    EvidenceResource(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @POST
    @Path("evidence/{id}/verification")
    @RolesAllowed({Roles.EMULATION_OFFICER, Roles.ADMIN})
    @Operation(summary = "Verify or reject evidence (not by the officer who submitted it); verified values count")
    public EvidenceView verify(@PathParam("id") UUID id,
                               @Valid @NotNull EvidenceCommands.Verification verification) {
        return EvidenceView.of(evidence.verify(id, verification));
    }
}
