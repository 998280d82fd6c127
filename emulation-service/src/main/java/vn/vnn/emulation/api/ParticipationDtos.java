package vn.vnn.emulation.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Participants, registrations and manual evidence. */
public final class ParticipationDtos {

    private ParticipationDtos() {
    }

    @Schema(name = "ParticipantRequest")
    public record ParticipantRequest(
            @Schema(description = "COLLECTIVE (agency, commune, village, enterprise), INDIVIDUAL or HOUSEHOLD")
            @NotNull @Pattern(regexp = "COLLECTIVE|INDIVIDUAL|HOUSEHOLD") String kind,
            @NotBlank @Size(max = 300) String name,
            @NotBlank @Pattern(regexp = "[0-9A-Z]{2,20}") String areaCode) {
    }

    @Schema(name = "Participant")
    public record ParticipantView(UUID id, String kind, String name, String areaCode, String source) {
    }

    @Schema(name = "RegistrationRequest", description = "Đăng ký thi đua")
    public record Registration(@NotNull UUID participantId) {
    }

    @Schema(name = "EvidenceRequest")
    public record EvidenceRequest(
            @NotNull UUID participantId,
            @Schema(description = "Code of a MANUAL criterion of the movement") @NotBlank String criterion,
            @NotNull @Positive BigDecimal value,
            @NotBlank @Size(max = 2000) String description,
            @NotNull @Size(max = 20) List<NominationDtos.@Valid @NotNull Attachment> attachments) {
    }

    @Schema(name = "EvidenceVerification")
    public record Verification(@NotNull Boolean approve, @Size(max = 1000) String note) {
    }

    @Schema(name = "Evidence")
    public record EvidenceView(UUID id, UUID participantId, String criterion, BigDecimal value, String description,
                               String status, String submittedBy, String verifiedBy, String note) {
    }
}
