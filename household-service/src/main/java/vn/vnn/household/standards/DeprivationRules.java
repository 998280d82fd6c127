package vn.vnn.household.standards;

import vn.vnn.household.standards.SurveyCodes.Diploma;
import vn.vnn.household.standards.SurveyCodes.EducationLevel;
import vn.vnn.household.standards.SurveyCodes.Employment;
import vn.vnn.household.standards.SurveyCodes.SchoolStatus;
import vn.vnn.household.standards.SurveyCodes.WorkingCapacity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Derives deprivation flags from what the registry knows of a household (thresholds of DOMAIN.md Part 2 §A2, marked
 * there as from a secondary note: officers check the reasons). A flag the data cannot decide is {@code null} with
 * the reason, never guessed; the surveyor sets it.
 */
public final class DeprivationRules {


    private DeprivationRules() {
    }

    /**
     * A member as the rules see them; {@code male} null when the sex is not known; {@code educationLevel} for a child
     * at school, the level (cấp học) attended — NONE for preschool (mầm non) — null when not known.
     */
    public record Person(LocalDate birthDate, boolean healthInsurance, SchoolStatus schoolStatus, Diploma diploma,
                         WorkingCapacity workingCapacity, Employment employment, Boolean male,
                         EducationLevel educationLevel) {

        public Person(LocalDate birthDate, boolean healthInsurance, SchoolStatus schoolStatus, Diploma diploma,
                      WorkingCapacity workingCapacity, Employment employment, Boolean male) {
            this(birthDate, healthInsurance, schoolStatus, diploma, workingCapacity, employment, male, null);
        }

        public Person(LocalDate birthDate, boolean healthInsurance, SchoolStatus schoolStatus, Diploma diploma,
                      WorkingCapacity workingCapacity, Employment employment) {
            this(birthDate, healthInsurance, schoolStatus, diploma, workingCapacity, employment, null, null);
        }
    }

    public record Dwelling(BigDecimal floorAreaM2, SurveyCodes.Material wall, SurveyCodes.Material column,
                           SurveyCodes.Material roof, SurveyCodes.WaterSource water, SurveyCodes.LatrineType latrine,
                           Boolean telecomUse, Set<SurveyCodes.InformationDevice> devices) {
    }

    /** {@code deprived} is null when the data cannot decide. */
    public record Flag(Indicator indicator, Boolean deprived, String reason) {
    }

    /** The flags of a standard's indicators with VN-MPS-2022's thresholds. */
    public static List<Flag> derive(Set<Indicator> indicators, List<Person> people, Dwelling home, LocalDate on) {
        return derive(indicators, DerivationThresholds.VN_MPS_2022, people, home, on);
    }

    /** The flags of the standard's indicators, by its own thresholds. */
    public static List<Flag> derive(StandardRules rules, List<Person> people, Dwelling home, LocalDate on) {
        return derive(rules.indicators(), rules.thresholds(), people, home, on);
    }

    public static List<Flag> derive(Set<Indicator> indicators, DerivationThresholds t, List<Person> people,
                                    Dwelling home, LocalDate on) {
        List<Flag> flags = new ArrayList<>();
        for (Indicator indicator : EnumSet.copyOf(indicators)) {
            flags.add(switch (indicator) {
                case EMPLOYMENT -> employment(t, people, on);
                case DEPENDANTS -> dependants(t, people, on);
                case NUTRITION -> new Flag(indicator, null, "the registry holds no nutrition data; the surveyor decides");
                case HEALTH_INSURANCE -> healthInsurance(t, people, on);
                case ADULT_EDUCATION -> adultEducation(t, people, on);
                case CHILD_SCHOOL_ATTENDANCE -> schoolAttendance(t, people, on);
                case HOUSING_QUALITY -> housingQuality(home);
                case HOUSING_AREA -> housingArea(t, home, people.size());
                case DOMESTIC_WATER -> home.water() == null ? unknown(indicator, "water source")
                        : new Flag(indicator, !home.water().clean(), "water source " + home.water()
                        + (home.water().clean() ? " is clean" : " is not a clean source"));
                case HYGIENIC_LATRINE -> home.latrine() == null ? unknown(indicator, "latrine type")
                        : new Flag(indicator, !home.latrine().hygienic(), "latrine " + home.latrine()
                        + (home.latrine().hygienic() ? " is hygienic" : " is not hygienic"));
                case TELECOM_SERVICES, DIGITAL_SERVICES -> home.telecomUse() == null
                        ? unknown(indicator, "telecom use")
                        : new Flag(indicator, !home.telecomUse(), home.telecomUse()
                        ? "some member uses telecom or internet services" : "no member uses telecom or internet services");
                case INFORMATION_DEVICES -> home.devices() == null ? unknown(indicator, "information devices")
                        : new Flag(indicator, home.devices().isEmpty(), home.devices().isEmpty()
                        ? "the household owns no information device" : "owns " + home.devices());
                case WASTE_TREATMENT -> new Flag(indicator, null,
                        "the registry holds no waste-treatment data; the surveyor decides");
            });
        }
        return flags;
    }

    /**
     * Deprived when a member of working age (from {@code workingAgeFrom} to the statutory retirement age of their sex
     * in the year, {@link RetirementAge}) has no regular, stable work; undecided when only a member of unknown sex
     * between the two retirement ages could make it so.
     */
    private static Flag employment(DerivationThresholds t, List<Person> people, LocalDate on) {
        List<Person> without = people.stream().filter(p -> age(p, on) >= t.workingAgeFrom())
                .filter(p -> p.employment() == Employment.UNEMPLOYED || p.employment() == Employment.UNSTABLE)
                .toList();
        long certain = without.stream().filter(p -> Boolean.TRUE.equals(workingAge(p, on))).count();
        if (certain > 0) {
            return new Flag(Indicator.EMPLOYMENT, true, certain + " working-age member(s) without regular, stable "
                    + "work");
        }
        if (without.stream().anyMatch(p -> workingAge(p, on) == null)) {
            return new Flag(Indicator.EMPLOYMENT, null, "a member without stable work is of working age only if a "
                    + "man (retirement age depends on sex); record the sex");
        }
        return new Flag(Indicator.EMPLOYMENT, false, "every working-age member works");
    }

    /** Under the retirement age of the person's sex in the year; null when the sex is unknown and it matters. */
    static Boolean workingAge(Person p, LocalDate on) {
        if (p.male() != null) {
            return !RetirementAge.reached(p.birthDate(), p.male(), on);
        }
        boolean underWomen = !RetirementAge.reached(p.birthDate(), false, on);
        boolean underMen = !RetirementAge.reached(p.birthDate(), true, on);
        return underWomen == underMen ? underMen : null;
    }

    private static Flag dependants(DerivationThresholds t, List<Person> people, LocalDate on) {
        if (people.isEmpty()) {
            return unknown(Indicator.DEPENDANTS, "members");
        }
        long dependants = people.stream().filter(p -> age(p, on) < t.dependantChildUnderAge()
                || age(p, on) >= t.elderlyFromAge() || p.workingCapacity() == WorkingCapacity.NONE).count();
        boolean deprived = dependants * 100 > (long) people.size() * t.dependantsOverPercent();
        return new Flag(Indicator.DEPENDANTS, deprived, dependants + " of " + people.size()
                + " members are dependants (children under " + t.dependantChildUnderAge() + ", people "
                + t.elderlyFromAge() + " or over, or unable to work)");
    }

    private static Flag healthInsurance(DerivationThresholds t, List<Person> people, LocalDate on) {
        long uninsured = people.stream().filter(p -> age(p, on) >= t.healthInsuranceFromAge() && !p.healthInsurance())
                .count();
        return new Flag(Indicator.HEALTH_INSURANCE, uninsured > 0, uninsured > 0
                ? uninsured + " member(s) aged " + t.healthInsuranceFromAge() + " or over without health insurance"
                : "every member aged " + t.healthInsuranceFromAge() + " or over has health insurance");
    }

    private static Flag adultEducation(DerivationThresholds t, List<Person> people, LocalDate on) {
        long lacking = people.stream().filter(p -> {
            int age = age(p, on);
            if (age < t.educationFromAge() || age > t.educationToAge() || p.schoolStatus() == SchoolStatus.ATTENDING) {
                return false;
            }
            return age < 18 ? p.diploma().ordinal() < Diploma.LOWER_SECONDARY.ordinal()
                    : p.diploma().ordinal() < Diploma.UPPER_SECONDARY.ordinal();
        }).count();
        String band = t.educationFromAge() + "–" + t.educationToAge();
        return new Flag(Indicator.ADULT_EDUCATION, lacking > 0, lacking > 0
                ? lacking + " member(s) aged " + band + " out of school without the diploma expected for their age"
                : "no member aged " + band + " lacks the expected schooling");
    }

    /**
     * A child of the band out of school, or at school below the level (bậc, cấp học) of their age
     * ({@link SchoolLevels}), is deprived; a child at school whose level is not recorded is checked for attendance
     * only, and the reason says so.
     */
    private static Flag schoolAttendance(DerivationThresholds t, List<Person> people, LocalDate on) {
        List<Person> band = people.stream()
                .filter(p -> age(p, on) >= t.schoolFromAge() && age(p, on) < t.schoolUnderAge()).toList();
        long out = band.stream().filter(p -> p.schoolStatus() == SchoolStatus.NOT_ATTENDING).count();
        long behind = band.stream().filter(p -> p.schoolStatus() == SchoolStatus.ATTENDING)
                .filter(p -> SchoolLevels.behind(p.birthDate(), p.educationLevel(), on)).count();
        long unknownLevel = band.stream().filter(p -> p.schoolStatus() == SchoolStatus.ATTENDING
                && p.educationLevel() == null).count();
        String ages = "aged " + t.schoolFromAge() + " to under " + t.schoolUnderAge();
        if (out + behind > 0) {
            return new Flag(Indicator.CHILD_SCHOOL_ATTENDANCE, true, (out > 0 ? out + " child(ren) " + ages
                    + " not attending school" : "") + (out > 0 && behind > 0 ? "; " : "")
                    + (behind > 0 ? behind + " child(ren) " + ages + " at school below the level of their age" : ""));
        }
        return new Flag(Indicator.CHILD_SCHOOL_ATTENDANCE, false, "every child " + ages
                + " attends at the level of their age" + (unknownLevel > 0 ? " (" + unknownLevel
                + " without a recorded level: attendance checked only)" : ""));
    }

    private static Flag housingQuality(Dwelling home) {
        if (home.wall() == null || home.column() == null || home.roof() == null) {
            return unknown(Indicator.HOUSING_QUALITY, "wall, column and roof materials");
        }
        int weak = (home.wall().durable() ? 0 : 1) + (home.column().durable() ? 0 : 1)
                + (home.roof().durable() ? 0 : 1);
        return new Flag(Indicator.HOUSING_QUALITY, weak >= 2, weak + " of 3 main structures are not durable");
    }

    private static Flag housingArea(DerivationThresholds t, Dwelling home, int members) {
        if (home.floorAreaM2() == null || members == 0) {
            return unknown(Indicator.HOUSING_AREA, "floor area");
        }
        BigDecimal perPerson = home.floorAreaM2().divide(BigDecimal.valueOf(members), 1, RoundingMode.DOWN);
        boolean deprived = home.floorAreaM2().compareTo(t.minAreaPerPersonM2().multiply(BigDecimal.valueOf(members)))
                < 0;
        return new Flag(Indicator.HOUSING_AREA, deprived, perPerson + " m² per person ("
                + (deprived ? "under" : "at least") + " " + t.minAreaPerPersonM2().stripTrailingZeros().toPlainString()
                + " m²)");
    }

    private static Flag unknown(Indicator indicator, String what) {
        return new Flag(indicator, null, "no " + what + " recorded");
    }

    static int age(Person person, LocalDate on) {
        return Period.between(person.birthDate(), on).getYears();
    }
}
