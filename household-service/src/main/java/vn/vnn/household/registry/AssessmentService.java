package vn.vnn.household.registry;

import vn.vnn.household.standards.PovertyStandardService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.vnn.household.standards.Classification;
import vn.vnn.household.areas.AreaType;
import vn.vnn.household.standards.DeprivationRules;
import vn.vnn.household.standards.Indicator;
import vn.vnn.household.standards.PovertyClassifier;
import vn.vnn.household.standards.PovertyStatus;
import vn.vnn.household.standards.StandardRules;
import vn.vnn.household.standards.SurveyCodes;
import vn.vnn.kit.problem.ProblemException;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Assesses a registered household: derived deprivation flags and the classification they lead to. */
@ApplicationScoped
public class AssessmentService {

    private final HouseholdService households;
    private final PovertyStandardService standards;

    AssessmentService(HouseholdService households, PovertyStandardService standards) {
        this.households = households;
        this.standards = standards;
    }

    /** Assessed under the standard that applies on the date. */
    @Transactional
    public Assessment assess(UUID householdId, LocalDate on) {
        return assess(householdId, on, standards.rulesOn(on).orElseThrow(() ->
                ProblemException.invalid("date", "no poverty standard applies on " + on)));
    }

    /** Assessed on the date (ages, schooling) under the given standard (e.g. the one a review round applies). */
    @Transactional
    public Assessment assess(UUID householdId, LocalDate on, StandardRules rules) {
        Household household = households.visible(householdId);
        List<HouseholdMember> members = HouseholdMember.activeOf(household.id);
        List<DeprivationRules.Person> people = members.stream().map(m -> new DeprivationRules.Person(m.birthDate,
                m.healthInsurance, m.schoolStatus, m.diploma, m.workingCapacity, m.employment,
                m.sex == null ? null : m.sex == CitizenId.Sex.MALE, m.educationLevel)).toList();
        Set<SurveyCodes.InformationDevice> devices = household.informationDevices == null ? null
                : Arrays.stream(household.informationDevices.split(",")).filter(s -> !s.isEmpty())
                .map(SurveyCodes.InformationDevice::valueOf).collect(Collectors.toSet());
        DeprivationRules.Dwelling home = new DeprivationRules.Dwelling(household.floorAreaM2, household.wallMaterial,
                household.columnMaterial, household.roofMaterial, household.waterSource, household.latrineType,
                household.telecomUse, devices);
        List<DeprivationRules.Flag> flags = DeprivationRules.derive(rules, people, home, on);

        Set<Indicator> deprived = EnumSet.noneOf(Indicator.class);
        flags.stream().filter(f -> Boolean.TRUE.equals(f.deprived())).forEach(f -> deprived.add(f.indicator()));
        List<String> undecided = flags.stream().filter(f -> f.deprived() == null).map(f -> f.indicator().name())
                .toList();
        Long perCapita = household.monthlyIncomeVnd == null || members.isEmpty() ? null
                : household.monthlyIncomeVnd / members.size();
        Classification classification = null;
        boolean provisional = false;
        if (perCapita != null) {
            AreaType area = AreaType.valueOf(household.areaType);
            PovertyClassifier.Result result = PovertyClassifier.classify(rules, area,
                    new PovertyClassifier.Income(perCapita), deprived);
            classification = new Classification(result.standard(), result.classification().name(),
                    result.incomeLineVnd(), result.deprivationCount(), result.deprivationScore());
            // Only the POOR / NEAR_POOR split depends on the count; undecided flags matter only there.
            provisional = result.classification() == PovertyStatus.NEAR_POOR
                    && deprived.size() + undecided.size() >= rules.minDeprivationsForPoor();
        }
        return new Assessment(household.id.toString(), on, rules.code(), perCapita, flags, undecided,
                classification, provisional);
    }
}
