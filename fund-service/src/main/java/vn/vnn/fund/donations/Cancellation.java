package vn.vnn.fund.donations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CancellationRequest")
public record Cancellation(
        @Schema(description = "Why the donation is cancelled; kept with it and shown in the ledger")
        @NotBlank @Size(max = 400) String reason,
        @Schema(description = "The version you read") @NotNull Long version) {
}
