package vn.vnn.kit.sync;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A page of changes in the order (updatedAt, id) and the cursor to ask from next ({@code after}). {@code more}: ask
 * again at once. The cursor never passes the settle horizon (a few seconds ago), so that a transaction that began
 * earlier and commits later is never skipped; changes after it may therefore come again in the next page.
 */
@Schema(name = "Delta", description = "Changes since a cursor or a time: upserts and tombstones, oldest first")
public record Delta<T>(List<Change<T>> items, String next, boolean more) {

    /**
     * The page of {@code rows} (up to {@code limit} + 1, read in order from {@code from}), with the next cursor held
     * at or before {@code horizon}.
     */
    public static <T> Delta<T> of(List<Change<T>> rows, int limit, SyncCursor from, OffsetDateTime horizon) {
        List<Change<T>> items = rows.subList(0, Math.min(limit, rows.size()));
        SyncCursor next = from;
        for (Change<T> change : items) {
            if (change.updatedAt().isAfter(horizon)) {
                break;
            }
            next = new SyncCursor(change.updatedAt(), change.id());
        }
        // held back at the horizon: the rest comes once it has settled, so "more" would only make the client spin
        boolean reachedLast = !items.isEmpty() && next.id().equals(items.get(items.size() - 1).id());
        return new Delta<>(List.copyOf(items), next.encode(), rows.size() > limit && reachedLast);
    }

    public <R> Delta<R> map(java.util.function.Function<T, R> render) {
        return new Delta<>(items.stream().map(c -> c.map(render)).toList(), next, more);
    }
}
