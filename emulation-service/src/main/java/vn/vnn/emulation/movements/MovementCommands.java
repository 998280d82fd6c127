package vn.vnn.emulation.movements;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Opening a movement (phát động phong trào) with its weighted criteria: the bodies the movement endpoints take. */
public final class MovementCommands {

    private MovementCommands() {
    }

    @Schema(name = "MovementRequest")
    public record NewMovement(
            @Schema(examples = "VNN-2025") @NotBlank @Pattern(regexp = "[A-Z0-9-]{2,30}") String code,
            @Schema(examples = "Phong trào \"Vì người nghèo – Không để ai bị bỏ lại phía sau\" 2025")
            @NotBlank @Size(max = 300) String name,
            @Schema(description = "REGULAR or THEMATIC") @NotBlank @Pattern(regexp = "REGULAR|THEMATIC") String kind,
            @Schema(description = "Area code of the scope; VN for the whole country", examples = "99")
            @NotBlank @Pattern(regexp = "[0-9A-Z]{2,20}") String areaCode,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            @Size(max = 4000) String goals,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull NewCriterion> criteria) {
    }

    @Schema(name = "CriterionRequest")
    public record NewCriterion(
            @Schema(examples = "DONATED") @NotBlank @Pattern(regexp = "[A-Z0-9_]{2,40}") String code,
            @NotBlank @Size(max = 300) String name,
            @Schema(description = "DONATED_VND and DONATIONS are measured from fund.donation-received.v1; MANUAL "
                    + "from verified evidence") @NotNull Criterion.Measure measure,
            @NotNull @Positive BigDecimal weight,
            @NotNull @Positive BigDecimal target,
            @Schema(description = "Reaching it makes a participant a nomination candidate")
            @DecimalMin("0") BigDecimal candidateThreshold) {
    }
}
