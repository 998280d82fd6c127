package vn.vnn.household.review;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * How Quyết định 24/2021/QĐ-TTg counts its periods: inclusively (a list posted on 1 October for 3 days is posted on
 * days 1..3) and in working days (Monday to Friday, not a public holiday, Bộ luật Lao động 2019 Điều 112) unless a
 * round counts calendar days. A period counted in working days starts on its first working day.
 */
public final class ReviewCalendar {

    private ReviewCalendar() {
    }

    /** Whether the day counts: any day in calendar counting, a working day otherwise. */
    public static boolean counts(LocalDate day, boolean workingDays, Set<LocalDate> holidays) {
        return !workingDays || day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }

    /** The last day of a period of {@code days} counted days whose first day is the first counted day from {@code from}. */
    public static LocalDate lastDay(LocalDate from, int days, boolean workingDays, Set<LocalDate> holidays) {
        if (days < 1) {
            throw new IllegalArgumentException("a period lasts at least a day");
        }
        LocalDate day = from;
        int counted = 0;
        while (true) {
            if (counts(day, workingDays, holidays) && ++counted == days) {
                return day;
            }
            day = day.plusDays(1);
        }
    }

    /** The last day the list posted on {@code postedOn} stays posted (niêm yết). */
    public static LocalDate postingEnds(LocalDate postedOn, int postingDays, boolean workingDays,
                                        Set<LocalDate> holidays) {
        return lastDay(postedOn, postingDays, workingDays, holidays);
    }

    /** The last day complaints are accepted: {@code complaintDays} counted days after the posting ends. */
    public static LocalDate complaintsUntil(LocalDate postedOn, int postingDays, int complaintDays,
                                            boolean workingDays, Set<LocalDate> holidays) {
        return lastDay(postingEnds(postedOn, postingDays, workingDays, holidays).plusDays(1), complaintDays,
                workingDays, holidays);
    }
}
