package vn.vnn.household.standards;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.Set;

@Schema(name = "StandardRequest", description = "A poverty standard as an admin maintains it. Upper bands and score thresholds are optional.")
public record StandardDefinition(
        @Schema(examples = "VN-MPS-2027") @NotBlank @Size(max = 40) String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 300) String legalBasis,
        @NotNull LocalDate validFrom,
        @NotNull LocalDate validTo,
        @NotNull @Positive Long ruralIncomeLineVnd,
        @NotNull @Positive Long urbanIncomeLineVnd,
        @Positive Long ruralUpperBandVnd,
        @Positive Long urbanUpperBandVnd,
        @Positive Integer ruralScoreThreshold,
        @Positive Integer urbanScoreThreshold,
        @NotNull @Positive Integer minDeprivationsForPoor,
        @NotNull @Positive Integer pointsPerDeprivation,
        @NotEmpty Set<Indicator> indicators,
        @Schema(description = "On update: the version you read (optimistic locking)") Long version) {
}
