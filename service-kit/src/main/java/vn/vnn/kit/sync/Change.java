package vn.vnn.kit.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One record in a delta: its state now ({@code removed} false, {@code data} as a GET answers it) or a tombstone
 * ({@code removed} true: deleted, dissolved, departed or moved out of the caller's areas; {@code reason} says which,
 * {@code data} is absent). A client applies changes by {@code version} and may see one twice.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Change", description = "A record's state now, or its tombstone (removed = true)")
public record Change<T>(UUID id, long version, OffsetDateTime updatedAt, boolean removed,
                        @Schema(description = "Why a tombstone: e.g. DISSOLVED, MOVED_AWAY, LEFT, MOVED") String reason,
                        @Schema(description = "The record as its GET answers it; absent on a tombstone") T data) {

    public static <T> Change<T> upsert(UUID id, long version, OffsetDateTime updatedAt, T data) {
        return new Change<>(id, version, updatedAt, false, null, data);
    }

    public static <T> Change<T> tombstone(UUID id, long version, OffsetDateTime updatedAt, String reason) {
        return new Change<>(id, version, updatedAt, true, reason, null);
    }

    /** The same change with its data rendered by {@code render} (tombstones stay as they are). */
    public <R> Change<R> map(java.util.function.Function<T, R> render) {
        return new Change<>(id, version, updatedAt, removed, reason, data == null ? null : render.apply(data));
    }
}
