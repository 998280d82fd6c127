package vn.vnn.household.standards;

import vn.vnn.household.standards.SurveyCodes.EducationLevel;

import java.time.LocalDate;
import java.time.Month;

/**
 * The level of schooling (bậc, cấp học) that fits a child's age (Nghị định 07/2021/NĐ-CP Điều 3: a child aged 3 to
 * under 16 "không được đi học đúng bậc, cấp học phù hợp với độ tuổi" is deprived). Ages count by year, as school
 * entry does (Luật Giáo dục 2019 Điều 28: primary from 6, lower secondary from 11, upper secondary from 15, "tính
 * theo năm"), in the school year that begins in September; preschool (mầm non) before 6.
 */
public final class SchoolLevels {

    static final int PRIMARY_FROM = 6;
    static final int LOWER_SECONDARY_FROM = 11;
    static final int UPPER_SECONDARY_FROM = 15;

    private SchoolLevels() {
    }

    /** The age counted by year in the school year of {@code on}: its starting year minus the year of birth. */
    static int ageByYear(LocalDate birthDate, LocalDate on) {
        int schoolYear = on.getMonth().compareTo(Month.SEPTEMBER) >= 0 ? on.getYear() : on.getYear() - 1;
        return schoolYear - birthDate.getYear();
    }

    /** The level a child of that age should attend: NONE stands for preschool. */
    static EducationLevel expected(LocalDate birthDate, LocalDate on) {
        int age = ageByYear(birthDate, on);
        return age >= UPPER_SECONDARY_FROM ? EducationLevel.UPPER_SECONDARY
                : age >= LOWER_SECONDARY_FROM ? EducationLevel.LOWER_SECONDARY
                : age >= PRIMARY_FROM ? EducationLevel.PRIMARY : EducationLevel.NONE;
    }

    /** Whether a child attending {@code attended} is below the level of their age; false when not recorded. */
    static boolean behind(LocalDate birthDate, EducationLevel attended, LocalDate on) {
        return attended != null && rank(attended) < rank(expected(birthDate, on));
    }

    /** Vocational training after lower secondary stands level with upper secondary. */
    private static int rank(EducationLevel level) {
        return switch (level) {
            case NONE -> 0;
            case PRIMARY -> 1;
            case LOWER_SECONDARY -> 2;
            case UPPER_SECONDARY, VOCATIONAL -> 3;
            case COLLEGE, UNIVERSITY -> 4;
        };
    }
}
