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
        @Schema(description = "On update: the version you read (optimistic locking)") Long version,
        @Schema(description = "Thresholds for deriving deprivation flags from registry data (ages, areas); "
                + "VN-MPS-2022's when omitted on create, unchanged when omitted on update")
        @jakarta.validation.Valid DerivationThresholds thresholds) {

    /** Without thresholds (VN-MPS-2022's on create, unchanged on update). */
    public StandardDefinition(String code, String name, String legalBasis, LocalDate validFrom, LocalDate validTo,
                              Long ruralIncomeLineVnd, Long urbanIncomeLineVnd, Long ruralUpperBandVnd,
                              Long urbanUpperBandVnd, Integer ruralScoreThreshold, Integer urbanScoreThreshold,
                              Integer minDeprivationsForPoor, Integer pointsPerDeprivation, Set<Indicator> indicators,
                              Long version) {
        this(code, name, legalBasis, validFrom, validTo, ruralIncomeLineVnd, urbanIncomeLineVnd, ruralUpperBandVnd,
                urbanUpperBandVnd, ruralScoreThreshold, urbanScoreThreshold, minDeprivationsForPoor,
                pointsPerDeprivation, indicators, version, null);
    }
}
