package vn.vnn.emulation.nominations;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/** New dated values of the award money: a form's multiple, the base salary. */
public final class AwardConfigurationCommands {

    private AwardConfigurationCommands() {
    }

    @Schema(name = "AwardFormRateRequest", description = "A form's multiple of the base salary from a date, as a "
            + "decree sets it; decisions from that date use it, earlier ones keep theirs")
    public record NewRate(@NotNull LocalDate validFrom,
                          @Schema(examples = "1.5") @NotNull @DecimalMin(value = "0.01") @DecimalMax("100")
                          BigDecimal multiple,
                          @Schema(examples = "Nghị định 152/2025/NĐ-CP") @NotBlank @Size(max = 200)
                          String legalBasis) {
    }

    @Schema(name = "BaseSalaryRequest", description = "The base salary (mức lương cơ sở) from a date, as a decree "
            + "sets it")
    public record NewBaseSalary(@NotNull LocalDate validFrom,
                                @Schema(examples = "2340000") @NotNull @Positive @Max(1_000_000_000L) Long amountVnd,
                                @Schema(examples = "Nghị định 73/2024/NĐ-CP") @NotBlank @Size(max = 200)
                                String legalBasis) {
    }
}
