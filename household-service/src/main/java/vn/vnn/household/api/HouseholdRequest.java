package vn.vnn.household.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A household to register (thin form; the household issue adds members, housing and more)")
public record HouseholdRequest(
        @Schema(description = "Name of the head of household (chủ hộ)") @NotBlank @Size(max = 200) String headName,
        @Schema(description = "Commune-level unit code", examples = "00001")
        @NotBlank @Pattern(regexp = "[0-9]{2,10}", message = "must be a numeric unit code") String communeCode,
        @Schema(description = "Province code", examples = "01")
        @NotBlank @Pattern(regexp = "[0-9]{2,10}", message = "must be a numeric unit code") String provinceCode,
        @Schema(description = "RURAL or URBAN") @NotNull @Pattern(regexp = "RURAL|URBAN", message = "must be RURAL or URBAN")
        String areaType,
        @NotNull @Min(1) @Max(50) Integer memberCount) {
}
