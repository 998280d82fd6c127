package vn.vnn.household.standards;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ClassifyResponse", description = "The classification. This shape is a public contract for partner agencies: fields are only "
        + "ever added.")
public record Classification(
        @Schema(examples = "VN-MPS-2022") String standard,
        @Schema(description = "POOR, NEAR_POOR, AVERAGE_LIVING_STANDARD or NOT_POOR") String classification,
        @Schema(description = "Income line of the standard for the area type") long incomeLineVnd,
        int deprivationCount,
        @Schema(description = "Score B: points per deprived indicator × count") int deprivationScore) {
}
