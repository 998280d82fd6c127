package vn.vnn.household;

import org.junit.jupiter.api.Test;
import vn.vnn.household.standards.DeprivationRules;
import vn.vnn.household.standards.Indicator;
import vn.vnn.household.standards.SurveyCodes.Diploma;
import vn.vnn.household.standards.SurveyCodes.EducationLevel;
import vn.vnn.household.standards.SurveyCodes.Employment;
import vn.vnn.household.standards.SurveyCodes.SchoolStatus;
import vn.vnn.household.standards.SurveyCodes.WorkingCapacity;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Child school attendance checks the level for the age (Nghị định 07/2021/NĐ-CP Điều 3: "đi học đúng bậc, cấp học
 * phù hợp với độ tuổi"), ages counted by year in the school year that begins in September (Luật Giáo dục 2019
 * Điều 28: primary from 6, lower secondary from 11, upper secondary from 15).
 */
class SchoolLevelsTest {

    private static final LocalDate OCTOBER_2026 = LocalDate.of(2026, 10, 1);
    private static final LocalDate AUGUST_2026 = LocalDate.of(2026, 8, 31);

    @Test
    void aChildBornIn2020StartsPrimaryInSeptember2026NotBefore() {
        // born December 2020: five years old in October 2026, but six "by year" in the school year 2026–2027
        LocalDate birth = LocalDate.of(2020, 12, 20);
        assertThat(flag(child(birth, EducationLevel.NONE), OCTOBER_2026).deprived()).isTrue();
        assertThat(flag(child(birth, EducationLevel.PRIMARY), OCTOBER_2026).deprived()).isFalse();
        // on 31 August 2026 the school year 2025–2026 still runs: preschool is right
        assertThat(flag(child(birth, EducationLevel.NONE), AUGUST_2026).deprived()).isFalse();
    }

    @Test
    void eachLevelStartsAtItsAgeByYear() {
        // 10 by year: primary; 11 by year: lower secondary; 15 by year: upper secondary (or vocational)
        assertThat(flag(child(LocalDate.of(2016, 1, 1), EducationLevel.PRIMARY), OCTOBER_2026).deprived()).isFalse();
        assertThat(flag(child(LocalDate.of(2015, 12, 31), EducationLevel.PRIMARY), OCTOBER_2026).deprived()).isTrue();
        assertThat(flag(child(LocalDate.of(2015, 12, 31), EducationLevel.LOWER_SECONDARY), OCTOBER_2026).deprived())
                .isFalse();
        assertThat(flag(child(LocalDate.of(2012, 1, 1), EducationLevel.LOWER_SECONDARY), OCTOBER_2026).deprived())
                .isFalse();
        assertThat(flag(child(LocalDate.of(2011, 10, 2), EducationLevel.LOWER_SECONDARY), OCTOBER_2026).deprived())
                .isTrue();
        assertThat(flag(child(LocalDate.of(2011, 10, 2), EducationLevel.VOCATIONAL), OCTOBER_2026).deprived())
                .isFalse();
        assertThat(flag(child(LocalDate.of(2011, 10, 2), EducationLevel.UPPER_SECONDARY), OCTOBER_2026).deprived())
                .isFalse();
        // ahead of the age is never a deprivation
        assertThat(flag(child(LocalDate.of(2016, 1, 1), EducationLevel.LOWER_SECONDARY), OCTOBER_2026).deprived())
                .isFalse();
    }

    @Test
    void aLevelNotRecordedChecksAttendanceOnlyAndSaysSo() {
        DeprivationRules.Flag flag = flag(child(LocalDate.of(2015, 12, 31), null), OCTOBER_2026);
        assertThat(flag.deprived()).isFalse();
        assertThat(flag.reason()).contains("without a recorded level");
        DeprivationRules.Flag out = flag(new DeprivationRules.Person(LocalDate.of(2015, 12, 31), true,
                SchoolStatus.NOT_ATTENDING, Diploma.NONE, WorkingCapacity.NONE, Employment.NOT_WORKING_AGE, true,
                EducationLevel.PRIMARY), OCTOBER_2026);
        assertThat(out.deprived()).isTrue();
        assertThat(out.reason()).contains("not attending school");
    }

    @Test
    void childrenOutsideTheBandAreNotCounted() {
        // sixteen: outside "3 to under 16", whatever the level
        assertThat(flag(child(LocalDate.of(2010, 9, 30), EducationLevel.PRIMARY), OCTOBER_2026).deprived()).isFalse();
        DeprivationRules.Flag both = DeprivationRules.derive(Set.of(Indicator.CHILD_SCHOOL_ATTENDANCE), List.of(
                child(LocalDate.of(2015, 12, 31), EducationLevel.PRIMARY),
                new DeprivationRules.Person(LocalDate.of(2014, 5, 5), true, SchoolStatus.NOT_ATTENDING, Diploma.NONE,
                        WorkingCapacity.NONE, Employment.NOT_WORKING_AGE, false, null)),
                home(), OCTOBER_2026).get(0);
        assertThat(both.reason()).isEqualTo("1 child(ren) aged 3 to under 16 not attending school; 1 child(ren) "
                + "aged 3 to under 16 at school below the level of their age");
    }

    @Test
    void theReasonSaysExactlyWhatWasFound() {
        assertThat(flag(child(LocalDate.of(2015, 12, 31), EducationLevel.PRIMARY), OCTOBER_2026).reason())
                .isEqualTo("1 child(ren) aged 3 to under 16 at school below the level of their age");
        assertThat(flag(child(LocalDate.of(2015, 12, 31), EducationLevel.LOWER_SECONDARY), OCTOBER_2026).reason())
                .isEqualTo("every child aged 3 to under 16 attends at the level of their age");
        // out of school and behind for the age: counted once, as out of school
        DeprivationRules.Flag out = flag(new DeprivationRules.Person(LocalDate.of(2015, 12, 31), true,
                SchoolStatus.NOT_ATTENDING, Diploma.NONE, WorkingCapacity.NONE, Employment.NOT_WORKING_AGE, true,
                EducationLevel.NONE), OCTOBER_2026);
        assertThat(out.reason()).isEqualTo("1 child(ren) aged 3 to under 16 not attending school");
        // a four-year-old not yet at school, and a fifteen-year-old who finished, are not out of school
        for (SchoolStatus status : List.of(SchoolStatus.NOT_YET_SCHOOL_AGE, SchoolStatus.FINISHED)) {
            assertThat(flag(new DeprivationRules.Person(LocalDate.of(2022, 5, 1), true, status, Diploma.NONE,
                    WorkingCapacity.NONE, Employment.NOT_WORKING_AGE, true, EducationLevel.NONE), OCTOBER_2026)
                    .deprived()).as(status.name()).isFalse();
        }
    }

    private static DeprivationRules.Person child(LocalDate birth, EducationLevel level) {
        return new DeprivationRules.Person(birth, true, SchoolStatus.ATTENDING, Diploma.NONE, WorkingCapacity.NONE,
                Employment.STUDENT, true, level);
    }

    private static DeprivationRules.Flag flag(DeprivationRules.Person child, LocalDate on) {
        return DeprivationRules.derive(Set.of(Indicator.CHILD_SCHOOL_ATTENDANCE), List.of(child), home(), on).get(0);
    }

    private static DeprivationRules.Dwelling home() {
        return new DeprivationRules.Dwelling(null, null, null, null, null, null, null, null);
    }
}
