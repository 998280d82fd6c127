package vn.vnn.fund.funds;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "FundRequest", description = "A fund to open for an area; one open fund per area")
public record FundOpening(
        @Schema(description = "Short code printed on receipts", examples = "Q99")
        @NotBlank @Pattern(regexp = "[A-Z0-9-]{1,30}", message = "must be 1–30 capital letters, digits or dashes")
        String code,
        @NotBlank @Size(max = 300) String name,
        @NotNull FundLevel level,
        @Schema(description = "Code of the area (province, commune; VN for the central fund)", examples = "99")
        @NotBlank @Pattern(regexp = "[0-9A-Za-z.-]{1,20}") String areaCode,
        @NotNull LocalDate validFrom) {
}
