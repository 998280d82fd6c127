package vn.vnn.fund.funds;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "TransferRequest", description = "Money moved from one fund to another (điều chuyển), e.g. a province fund supporting a commune's")
public record Transfer(
        @NotNull UUID toFundId,
        @Schema(description = "Whole đồng") @NotNull @Positive @Max(1_000_000_000_000L) Long amountVnd,
        @NotNull @PastOrPresent LocalDate transferredOn,
        @Schema(description = "Why, and the decision that orders it") @NotBlank @Size(max = 400) String reason) {
}
