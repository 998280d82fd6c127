package vn.vnn.kit.sync;

import vn.vnn.kit.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a reader of a change list stands: the time and id of the last change it has, in the order (time, id) that
 * every delta and feed reads in. Opaque to clients (base64url), so that its form may change.
 */
public record SyncCursor(OffsetDateTime time, UUID id) {

    public static final SyncCursor START = new SyncCursor(OffsetDateTime.parse("1970-01-01T00:00:00Z"), new UUID(0, 0));

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((time + "|" + id)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client gave back; 422 on {@code field} when it is not one we gave. Absent: from the start. */
    public static SyncCursor decode(String text, String field) {
        if (text == null || text.isBlank()) {
            return START;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8)
                    .split("\\|", 2);
            return new SyncCursor(OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | DateTimeParseException e) {
            throw ProblemException.invalid(field, "is not a cursor this service gave");
        }
    }

    /**
     * Where to read from: the cursor {@code after} when given, else changes at or after {@code updatedSince} (an
     * ISO-8601 instant with offset, e.g. 2026-11-30T08:00:00+07:00), else from the start.
     */
    public static SyncCursor from(String updatedSince, String after) {
        if (after != null && !after.isBlank()) {
            return decode(after, "after");
        }
        if (updatedSince == null || updatedSince.isBlank()) {
            return START;
        }
        try {
            OffsetDateTime since = OffsetDateTime.parse(updatedSince.strip());
            if (since.getYear() < 1970 || since.getYear() > 9999) {
                throw ProblemException.invalid("updatedSince", "must be between 1970 and 9999");
            }
            // just before 'since' at the database's precision (microseconds), with the id that sorts last there:
            // every change at 'since' itself lies after this position
            OffsetDateTime micros = since.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            return new SyncCursor(micros.minusNanos(1_000), new UUID(-1L, -1L));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("updatedSince", "must be an ISO-8601 instant with offset, e.g. "
                    + "2026-11-30T08:00:00+07:00");
        }
    }
}
