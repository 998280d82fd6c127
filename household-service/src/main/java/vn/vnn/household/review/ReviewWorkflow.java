package vn.vnn.household.review;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.Set;

/**
 * The steps of a household's case in a review round (Quyết định 24/2021/QĐ-TTg, DOMAIN.md §1.4):
 * LISTED → SURVEYED → VILLAGE_MEETING → POSTED → RECOGNISED; a complaint during the posting reopens the case at
 * SURVEYED. Recognition (by the commune chairman) comes only after the posting and complaint periods.
 */
public final class ReviewWorkflow {

    public enum State { LISTED, SURVEYED, VILLAGE_MEETING, POSTED, RECOGNISED }

    public enum Step { SURVEY, VILLAGE_MEETING, POST, COMPLAINT, RECOGNISE }

    public enum Kind { PERIODIC, REGULAR }

    /** Periodic review: once a year, 1 September – 14 December (Điều 3 QĐ 24/2021). */
    public static final MonthDay PERIODIC_OPENS = MonthDay.of(9, 1);
    public static final MonthDay PERIODIC_CLOSES = MonthDay.of(12, 14);
    /** Regular review: monthly, from the 15th. */
    public static final int REGULAR_OPENS_DAY = 15;

    private static final Map<Step, Set<State>> FROM = Map.of(
            Step.SURVEY, Set.of(State.LISTED, State.SURVEYED),
            Step.VILLAGE_MEETING, Set.of(State.SURVEYED),
            Step.POST, Set.of(State.VILLAGE_MEETING),
            Step.COMPLAINT, Set.of(State.POSTED),
            Step.RECOGNISE, Set.of(State.POSTED));
    private static final Map<Step, State> TO = Map.of(
            Step.SURVEY, State.SURVEYED,
            Step.VILLAGE_MEETING, State.VILLAGE_MEETING,
            Step.POST, State.POSTED,
            Step.COMPLAINT, State.SURVEYED,
            Step.RECOGNISE, State.RECOGNISED);

    private ReviewWorkflow() {
    }

    /** The state after {@code step}, or empty when the step is not allowed from {@code current}. */
    public static java.util.Optional<State> next(State current, Step step) {
        return FROM.get(step).contains(current) ? java.util.Optional.of(TO.get(step)) : java.util.Optional.empty();
    }

    /**
     * Niêm yết công khai: the list stays posted at least 3 days (QĐ 24/2021/QĐ-TTg; the source's exact article is
     * not verified, see docs/DOMAIN.md), and complaints have at least a day after it: no window of 0 days.
     */
    public static final int MIN_POSTING_DAYS = 3;
    public static final int MIN_COMPLAINT_DAYS = 1;

    /**
     * The year whose statuses a round decides: a periodic review (Sep–Dec of year Y) decides the list of year Y+1
     * (the late-2021 review applied the 2022–2025 standard); a regular (monthly) review decides the current year.
     */
    public static int decidesYear(Kind kind, int reviewYear) {
        return kind == Kind.PERIODIC ? reviewYear + 1 : reviewYear;
    }

    /** Recognition is allowed from the first day after the complaint period. */
    public static boolean mayRecognise(LocalDate on, LocalDate complaintsUntil) {
        return on.isAfter(complaintsUntil);
    }

    /** The window of a round: fixed by law for a periodic one, a month from the 15th for a regular one. */
    public static LocalDate[] window(Kind kind, int year, LocalDate regularOpensOn) {
        if (kind == Kind.PERIODIC) {
            return new LocalDate[]{PERIODIC_OPENS.atYear(year), PERIODIC_CLOSES.atYear(year)};
        }
        if (regularOpensOn == null || regularOpensOn.getDayOfMonth() != REGULAR_OPENS_DAY
                || regularOpensOn.getYear() != year) {
            throw new IllegalArgumentException("a regular round opens on the 15th of a month of its year");
        }
        return new LocalDate[]{regularOpensOn, regularOpensOn.plusMonths(1).minusDays(1)};
    }
}
