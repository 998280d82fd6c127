package vn.vnn.household.standards;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A national (or provincial) multidimensional poverty standard, valid for a date range. */
@Entity
@Table(name = "poverty_standard")
public class PovertyStandard extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    @Column(name = "legal_basis")
    public String legalBasis;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    @Column(name = "rural_income_line_vnd")
    public long ruralIncomeLineVnd;
    @Column(name = "urban_income_line_vnd")
    public long urbanIncomeLineVnd;
    @Column(name = "rural_upper_band_vnd")
    public Long ruralUpperBandVnd;
    @Column(name = "urban_upper_band_vnd")
    public Long urbanUpperBandVnd;
    @Column(name = "rural_score_threshold")
    public Integer ruralScoreThreshold;
    @Column(name = "urban_score_threshold")
    public Integer urbanScoreThreshold;
    @Column(name = "min_deprivations_for_poor")
    public int minDeprivationsForPoor;
    @Column(name = "points_per_deprivation")
    public int pointsPerDeprivation;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "poverty_standard_indicator", joinColumns = @JoinColumn(name = "standard_code"))
    @Column(name = "indicator")
    @Enumerated(EnumType.STRING)
    public Set<Indicator> indicators = new HashSet<>();
    @Column(name = "health_insurance_from_age")
    public int healthInsuranceFromAge = 6;
    @Column(name = "working_age_from")
    public int workingAgeFrom = 15;
    @Column(name = "elderly_from_age")
    public int elderlyFromAge = 60;
    @Column(name = "dependant_child_under_age")
    public int dependantChildUnderAge = 16;
    @Column(name = "dependants_over_percent")
    public int dependantsOverPercent = 50;
    @Column(name = "education_from_age")
    public int educationFromAge = 16;
    @Column(name = "education_to_age")
    public int educationToAge = 30;
    @Column(name = "school_from_age")
    public int schoolFromAge = 3;
    @Column(name = "school_under_age")
    public int schoolUnderAge = 16;
    @Column(name = "min_area_per_person_m2")
    public java.math.BigDecimal minAreaPerPersonM2 = new java.math.BigDecimal("8");
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    public StandardRules rules() {
        return new StandardRules(code, validFrom, validTo, ruralIncomeLineVnd, urbanIncomeLineVnd, ruralUpperBandVnd,
                urbanUpperBandVnd, ruralScoreThreshold, urbanScoreThreshold, minDeprivationsForPoor,
                pointsPerDeprivation, indicators.isEmpty() ? EnumSet.noneOf(Indicator.class) : indicators,
                thresholds());
    }

    /** The standard's thresholds for deriving deprivation flags from registry data. */
    public DerivationThresholds thresholds() {
        return new DerivationThresholds(healthInsuranceFromAge, workingAgeFrom, elderlyFromAge, dependantChildUnderAge,
                dependantsOverPercent, educationFromAge, educationToAge, schoolFromAge, schoolUnderAge,
                minAreaPerPersonM2);
    }

    /** Sets the thresholds. */
    public void thresholds(DerivationThresholds t) {
        healthInsuranceFromAge = t.healthInsuranceFromAge();
        workingAgeFrom = t.workingAgeFrom();
        elderlyFromAge = t.elderlyFromAge();
        dependantChildUnderAge = t.dependantChildUnderAge();
        dependantsOverPercent = t.dependantsOverPercent();
        educationFromAge = t.educationFromAge();
        educationToAge = t.educationToAge();
        schoolFromAge = t.schoolFromAge();
        schoolUnderAge = t.schoolUnderAge();
        minAreaPerPersonM2 = t.minAreaPerPersonM2().setScale(1, java.math.RoundingMode.HALF_UP);
    }

    /** The standard that applies on {@code date}, if any (ranges never overlap). */
    public static Optional<PovertyStandard> applyingOn(LocalDate date) {
        return find("validFrom <= ?1 and validTo >= ?1", date).firstResultOptional();
    }

    public static List<PovertyStandard> overlapping(LocalDate from, LocalDate to, String exceptCode) {
        return list("validFrom <= ?2 and validTo >= ?1 and code <> ?3", from, to, exceptCode);
    }

    /** The standard as the audit trail keeps it (the same fields as its API view). */
    public java.util.Map<String, Object> snapshot() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("code", code);
        m.put("name", name);
        m.put("legalBasis", legalBasis);
        m.put("validFrom", validFrom);
        m.put("validTo", validTo);
        m.put("ruralIncomeLineVnd", ruralIncomeLineVnd);
        m.put("urbanIncomeLineVnd", urbanIncomeLineVnd);
        m.put("ruralUpperBandVnd", ruralUpperBandVnd);
        m.put("urbanUpperBandVnd", urbanUpperBandVnd);
        m.put("ruralScoreThreshold", ruralScoreThreshold);
        m.put("urbanScoreThreshold", urbanScoreThreshold);
        m.put("minDeprivationsForPoor", minDeprivationsForPoor);
        m.put("pointsPerDeprivation", pointsPerDeprivation);
        m.put("indicators", indicators.stream().sorted().toList());
        m.put("thresholds", thresholds());
        m.put("updatedBy", updatedBy);
        m.put("updatedAt", updatedAt);
        m.put("version", version);
        return m;
    }
}
