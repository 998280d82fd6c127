package vn.vnn.household.registry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.vnn.household.standards.PovertyStatus;

import java.time.LocalDate;

@Schema(name = "RecognitionRequest", description = "A commune's recognition of a household's status (quyết định công nhận)")
public record RecognitionDecision(
        @NotNull PovertyStatus status,
        @Schema(description = "Year of the review round", examples = "2025") @NotNull @Min(2022) @Max(2100)
        Integer reviewYear,
        @Schema(description = "Date of the decision") @NotNull LocalDate recognizedOn,
        @Schema(description = "Decision number", examples = "125/QĐ-UBND") @Size(max = 100) String decisionNo) {
}
