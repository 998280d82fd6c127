package vn.vnn.emulation.scoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.vnn.emulation.movements.Attachment;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Submitting and verifying evidence for MANUAL criteria: the bodies the evidence endpoints take. */
public final class EvidenceCommands {

    private EvidenceCommands() {
    }

    @Schema(name = "EvidenceRequest")
    public record NewEvidence(
            @NotNull UUID participantId,
            @Schema(description = "Code of a MANUAL criterion of the movement") @NotBlank String criterion,
            @NotNull @Positive BigDecimal value,
            @NotBlank @Size(max = 2000) String description,
            @NotNull @Size(max = 20) List<@Valid @NotNull Attachment> attachments) {
    }

    @Schema(name = "EvidenceVerification")
    public record Verification(@NotNull Boolean approve, @Size(max = 1000) String note) {
    }
}
