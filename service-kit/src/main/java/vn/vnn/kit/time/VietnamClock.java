package vn.vnn.kit.time;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * "Today" and "now" as the law counts them: dates of decisions, receipts and deadlines are Vietnamese calendar dates
 * (UTC+7), whatever zone the server or the database runs in. The only place that reads the time; tests set it with
 * {@link #set(Clock)} instead of depending on the real date.
 */
@ApplicationScoped
public class VietnamClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private volatile Clock clock = Clock.system(ZONE);

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The date given, or today when none was. */
    public LocalDate orToday(LocalDate date) {
        return date == null ? today() : date;
    }

    public YearMonth thisMonth() {
        return YearMonth.now(clock);
    }

    /** The moment, as recorded in {@code recorded_at}-style columns (offset +07:00). */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    public Instant instant() {
        return clock.instant();
    }

    /** The first moment of a Vietnamese calendar day, e.g. to compare with a timestamp column. */
    public static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toOffsetDateTime();
    }

    /** Replaces the time source (tests: a fixed or offset clock); {@link #reset()} returns to the system clock. */
    public void set(Clock clock) {
        this.clock = clock.withZone(ZONE);
    }

    public void reset() {
        this.clock = Clock.system(ZONE);
    }
}
