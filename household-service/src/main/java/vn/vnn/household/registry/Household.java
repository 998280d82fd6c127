package vn.vnn.household.registry;

import vn.vnn.household.areas.AdminUnit;
import vn.vnn.household.standards.PovertyStatus;
import vn.vnn.household.standards.SurveyCodes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
public class Household extends PanacheEntityBase {

    @Id
    public UUID id;
    public String code;
    @Column(name = "head_name")
    public String headName;
    @Column(name = "commune_code")
    public String communeCode;
    @Column(name = "province_code")
    public String provinceCode;
    @Column(name = "area_type")
    public String areaType;
    @Column(name = "member_count")
    public int memberCount;
    @Enumerated(EnumType.STRING)
    public PovertyStatus status;
    @Column(name = "status_year")
    public Integer statusYear;
    /** The transition of the latest recognition (the one that set {@link #status}). */
    @Enumerated(EnumType.STRING)
    @Column(name = "status_transition")
    public StatusTransition statusTransition;
    @Column(name = "ever_poor")
    public boolean everPoor;
    @Column(name = "village_code")
    public String villageCode;
    public String address;
    public String phone;
    @Column(name = "ethnic_minority")
    public boolean ethnicMinority;
    @Column(name = "revolutionary_merit")
    public boolean revolutionaryMerit;
    @Column(name = "monthly_income_vnd")
    public Long monthlyIncomeVnd;
    @Column(name = "floor_area_m2")
    public java.math.BigDecimal floorAreaM2;
    @Enumerated(EnumType.STRING)
    @Column(name = "wall_material")
    public SurveyCodes.Material wallMaterial;
    @Enumerated(EnumType.STRING)
    @Column(name = "column_material")
    public SurveyCodes.Material columnMaterial;
    @Enumerated(EnumType.STRING)
    @Column(name = "roof_material")
    public SurveyCodes.Material roofMaterial;
    @Enumerated(EnumType.STRING)
    @Column(name = "water_source")
    public SurveyCodes.WaterSource waterSource;
    @Enumerated(EnumType.STRING)
    @Column(name = "latrine_type")
    public SurveyCodes.LatrineType latrineType;
    @Column(name = "telecom_use")
    public Boolean telecomUse;
    /** Comma-separated {@link SurveyCodes.InformationDevice} codes. */
    @Column(name = "information_devices")
    public String informationDevices;
    /** Comma-separated {@link SurveyCodes.CauseOfPoverty} codes. */
    @Column(name = "causes_of_poverty")
    public String causesOfPoverty;
    /** The household's code in the commune's own list (mã hộ); the natural key of bulk imports. */
    @Column(name = "household_ref")
    public String householdRef;
    /** The day the household ceased to exist (tách, nhập hộ, chuyển đi hết); null while it exists. */
    @Column(name = "dissolved_on")
    public java.time.LocalDate dissolvedOn;
    @Column(name = "dissolution_reason")
    public String dissolutionReason;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    /** A household about to be registered in {@code communeCode}, with its id and readable code. */
    public static Household newRegistration(String communeCode, String actor) {
        Household household = new Household();
        household.id = vn.vnn.kit.Ids.newId();
        household.code = "HH-" + communeCode + "-" + household.id.toString().substring(24).toUpperCase();
        household.createdBy = actor;
        household.createdAt = OffsetDateTime.now();
        return household;
    }

    /** Copies the survey's answers; the commune and province are resolved (and checked) by the caller. */
    public void applySurvey(HouseholdSurvey request, AdminUnit commune, String province) {
        communeCode = commune.code;
        provinceCode = province;
        areaType = commune.areaType.name();
        villageCode = request.villageCode();
        address = request.address();
        phone = request.phone();
        ethnicMinority = Boolean.TRUE.equals(request.ethnicMinority());
        revolutionaryMerit = Boolean.TRUE.equals(request.revolutionaryMerit());
        monthlyIncomeVnd = request.monthlyIncomeVnd();
        HouseholdSurvey.Housing housing = request.housing();
        floorAreaM2 = housing == null ? null : housing.floorAreaM2();
        wallMaterial = housing == null ? null : housing.wallMaterial();
        columnMaterial = housing == null ? null : housing.columnMaterial();
        roofMaterial = housing == null ? null : housing.roofMaterial();
        waterSource = request.waterSource();
        latrineType = request.latrineType();
        telecomUse = request.telecomUse();
        informationDevices = codes(request.informationDevices());
        causesOfPoverty = codes(request.causesOfPoverty());
        updatedAt = OffsetDateTime.now();
    }

    /** A dissolved household keeps its history and changes no more. */
    public void requireActive() {
        if (dissolvedOn != null) {
            throw vn.vnn.kit.problem.ProblemException.conflict("The household was dissolved on " + dissolvedOn
                    + "; its record is kept as history and cannot change");
        }
    }

    /** The head's name, as lists show it. */
    public void headFrom(java.util.List<HouseholdSurvey.Member> members) {
        headName = members.stream().filter(m -> m.relationship() == SurveyCodes.Relationship.HEAD).findFirst()
                .orElseThrow().fullName();
        headName = vn.vnn.kit.text.Names.normalise(headName);
        memberCount = members.size();
    }

    private static String codes(java.util.Set<? extends Enum<?>> values) {
        return values == null || values.isEmpty() ? null
                : values.stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining(","));
    }

    /** The key of a household's reference within its commune (mã hộ của xã), as {@link #registeredRefs} gives it. */
    public static String refKey(String communeCode, String householdRef) {
        return communeCode + "|" + householdRef;
    }

    /** The {@link #refKey}s of the given references already registered in the given communes. */
    public static java.util.Set<String> registeredRefs(java.util.List<String> communeCodes,
                                                       java.util.List<String> householdRefs) {
        // both columns constrained, so that the (commune_code, household_ref) index answers
        @SuppressWarnings("unchecked")
        java.util.List<String> keys = getEntityManager().createNativeQuery("""
                        SELECT commune_code || '|' || household_ref FROM household
                        WHERE commune_code = ANY(?1) AND household_ref = ANY(?2)""", String.class)
                .setParameter(1, communeCodes.toArray(String[]::new))
                .setParameter(2, householdRefs.toArray(String[]::new)).getResultList();
        return new java.util.HashSet<>(keys);
    }
}
