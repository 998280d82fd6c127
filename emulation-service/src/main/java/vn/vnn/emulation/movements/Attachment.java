package vn.vnn.emulation.movements;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A document of a dossier (hồ sơ) in a movement: of a nomination, or of evidence for a criterion. */
@Schema(name = "NominationAttachment")
public record Attachment(
        @Schema(description = "SUBMISSION (tờ trình), ACHIEVEMENT_REPORT, COUNCIL_MINUTES or OTHER")
        @NotNull @Pattern(regexp = "SUBMISSION|ACHIEVEMENT_REPORT|COUNCIL_MINUTES|OTHER") String kind,
        @NotBlank @Size(max = 300) String name,
        @Schema(description = "Where the document is kept (document number, file store reference)")
        @NotBlank @Size(max = 300) String reference) {
}
