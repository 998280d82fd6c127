package vn.vnn.emulation.participants;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Adding participants and registering them for a movement: the bodies the participant endpoints take. */
public final class ParticipantCommands {

    private ParticipantCommands() {
    }

    @Schema(name = "ParticipantRequest")
    public record NewParticipant(
            @Schema(description = "COLLECTIVE (agency, commune, village, enterprise), INDIVIDUAL or HOUSEHOLD")
            @NotNull @Pattern(regexp = "COLLECTIVE|INDIVIDUAL|HOUSEHOLD") String kind,
            @NotBlank @Size(max = 300) String name,
            @NotBlank @Pattern(regexp = "[0-9A-Z]{2,20}") String areaCode) {
    }

    @Schema(name = "RegistrationRequest", description = "Đăng ký thi đua")
    public record Registration(@NotNull UUID participantId) {
    }
}
