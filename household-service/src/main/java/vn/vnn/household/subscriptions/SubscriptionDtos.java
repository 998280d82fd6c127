package vn.vnn.household.subscriptions;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the subscription endpoints take and answer. */
public final class SubscriptionDtos {

    private SubscriptionDtos() {
    }

    @Schema(name = "SubscriptionRequest", description = "Event types to hear, the areas (within your granted ones; "
            + "none: all of them) and the https URL to deliver to")
    public record Create(
            @Schema(examples = "https://partner.example.vn/hooks/vnn") @NotBlank @Size(max = 2000) String url,
            @Schema(examples = "[\"household.status-recognized.v1\"]") @NotNull @Size(min = 1, max = 3)
            List<@NotBlank String> eventTypes,
            @Schema(examples = "[\"99\"]") @Size(max = 200) List<String> areaCodes) {
    }

    @Schema(name = "Subscription")
    public record View(UUID id, String kind, String clientId, String url, List<String> eventTypes,
                       @Schema(description = "Areas heard from; absent: the whole country") List<String> areaCodes,
                       boolean active, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                       @Schema(description = "Until when the previous secret signs too, after a rotation")
                       OffsetDateTime previousSecretUntil, long version) {
        static View of(Subscription s) {
            return new View(s.id, s.kind, s.clientId, s.url, List.of(s.eventTypes),
                    s.areaCodes == null ? null : List.of(s.areaCodes), s.active, s.createdAt, s.updatedAt,
                    s.previousSecretUntil, s.version);
        }
    }

    @Schema(name = "SubscriptionWithSecret", description = "The subscription and its signing secret, told only here")
    public record WithSecret(View subscription,
                             @Schema(description = "Standard Webhooks secret (whsec_…): verify webhook-signature with "
                                     + "it; keep it secret") String secret) {
    }

    @Schema(name = "SecretRotation")
    public record Rotation(@Schema(description = "Hours the previous secret keeps signing alongside (0–168, "
            + "default 24)") Integer overlapHours) {
    }

    @Schema(name = "ReplayRequest", description = "Re-deliver every event of the subscription's types and areas "
            + "recorded in [from, to)")
    public record Replay(@NotNull OffsetDateTime from, @NotNull OffsetDateTime to) {
    }

    @Schema(name = "ReplayResult")
    public record Replayed(int queued) {
    }

    @Schema(name = "RedeliveryResult")
    public record Redelivered(int requeued) {
    }
}
