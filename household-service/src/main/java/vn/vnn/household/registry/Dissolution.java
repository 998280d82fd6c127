package vn.vnn.household.registry;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A household ceases to exist (tách, nhập hộ, cả hộ chuyển đi nơi khác, không còn thành viên). */
@Schema(name = "DissolutionRequest")
public record Dissolution(
        @Schema(description = "The first day the household no longer exists") @NotNull @PastOrPresent LocalDate on,
        @Schema(description = "Why, for the record", examples = "Nhập vào hộ HH-99111-…") @Size(max = 300)
        String reason) {
}
