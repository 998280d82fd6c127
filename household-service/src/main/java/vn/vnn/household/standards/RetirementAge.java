package vn.vnn.household.standards;

import java.time.LocalDate;
import java.time.Period;

/**
 * The statutory retirement age under normal working conditions (Bộ luật Lao động 2019 Điều 169 k.2; Nghị định
 * 135/2020/NĐ-CP): from 2021, 60 years 3 months for men and 55 years 4 months for women, then 3 months more a year
 * for men until 62 (2028) and 4 months more a year for women until 60 (2035); before 2021, 60 and 55. Working age ends
 * there.
 */
public final class RetirementAge {

    private RetirementAge() {
    }

    /** The retirement age in force in {@code year}. */
    public static Period in(int year, boolean male) {
        int steps = Math.max(0, year - 2020);
        if (male) {
            return months(Math.min(60 * 12 + 3 * steps, 62 * 12));
        }
        return months(Math.min(55 * 12 + 4 * steps, 60 * 12));
    }

    /** Whether a person of this sex born on {@code birthDate} has reached the retirement age in force on {@code on}. */
    public static boolean reached(LocalDate birthDate, boolean male, LocalDate on) {
        return !birthDate.plus(in(on.getYear(), male)).isAfter(on);
    }

    private static Period months(int total) {
        return Period.of(total / 12, total % 12, 0);
    }
}
