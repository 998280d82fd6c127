package vn.vnn.kit.sql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Dates and times read by native queries: Hibernate hands back {@code java.sql} types or {@code java.time} ones
 * depending on the column and driver; these give the {@code java.time} value either way (null stays null).
 */
public final class NativeValues {

    private NativeValues() {
    }

    public static LocalDate localDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    /** A {@code timestamptz} as an offset date-time in UTC. */
    public static OffsetDateTime offsetDateTime(Object value) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof String text) {
            return OffsetDateTime.parse(text);
        }
        return (OffsetDateTime) value;
    }
}
