package vn.vnn.household.standards;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.vnn.household.areas.AreaType;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "ClassifyRequest", description = "A household to classify. Give exactly one of monthlyIncomePerCapitaVnd and incomeScore.")
public record ClassificationInput(
        @Schema(description = "Date of the assessment; selects the standard", examples = "2025-09-15")
        @NotNull LocalDate assessmentDate,
        @Schema(description = "RURAL (xã) or URBAN (phường, thị trấn)") @NotNull AreaType areaType,
        @Schema(description = "Income per person per month, whole đồng", examples = "1450000")
        @PositiveOrZero(message = "must not be negative") Long monthlyIncomePerCapitaVnd,
        @Schema(description = "Score A of the scoring form (Thông tư 07/2021), instead of the income",
                examples = "130")
        @PositiveOrZero(message = "must not be negative") Integer incomeScore,
        @Schema(description = "Deprived indicators, each at most once",
                examples = "[\"HEALTH_INSURANCE\", \"HOUSING_AREA\", \"DOMESTIC_WATER\"]")
        List<String> deprivations) {
}
