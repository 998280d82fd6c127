package vn.vnn.household.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Where a household lived over a period (nơi cư trú): one commune version, from {@link #validFrom} (null: since before
 * the registry's records) to {@link #validTo} (null: still). The statistics of a year count each household where its
 * residence was on the year's reference day (docs/domain-rules.md, statistics rule 1).
 */
@Entity
@Table(name = "household_residence")
public class Residence extends PanacheEntityBase {

    /** Why a period began: registration, a real move (a new stay), or a reorganisation (the same stay). */
    public enum Reason { REGISTERED, MOVED, REORGANISED }

    @Id
    public UUID id;
    @Column(name = "household_id")
    public UUID householdId;
    /** Counts the household's real moves; periods of one stay differ only by the unit that holds them. */
    public int stay;
    @Column(name = "commune_code")
    public String communeCode;
    /** The first day of the version of {@link #communeCode} this period refers to (a code may be reused). */
    @Column(name = "unit_valid_from")
    public LocalDate unitValidFrom;
    @Column(name = "province_code")
    public String provinceCode;
    @Column(name = "village_code")
    public String villageCode;
    /** The commune before 1 July 2025, as recorded at registration or import (Xã trước sắp xếp). */
    @Column(name = "pre_reform_commune_code")
    public String preReformCommuneCode;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    @Enumerated(EnumType.STRING)
    public Reason reason;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    /** The household's current period (open-ended), if it still lives anywhere. */
    public static java.util.Optional<Residence> current(UUID householdId) {
        return find("householdId = ?1 and validTo is null", householdId).firstResultOptional();
    }

    public static List<Residence> of(UUID householdId) {
        return list("householdId = ?1 order by stay, validFrom nulls first", householdId);
    }

    /** Households whose current period is in this commune version: what a reorganisation moves on. */
    public static List<Residence> currentIn(String communeCode, LocalDate unitValidFrom) {
        return list("communeCode = ?1 and unitValidFrom = ?2 and validTo is null order by householdId", communeCode,
                unitValidFrom);
    }

    /** A first period, or one after a move or reorganisation; {@code previous} ends the day before {@code from}. */
    public static Residence starting(UUID householdId, int stay, Reason reason, LocalDate from, String actor,
                                     OffsetDateTime at) {
        Residence residence = new Residence();
        residence.id = vn.vnn.kit.Ids.newId();
        residence.householdId = householdId;
        residence.stay = stay;
        residence.reason = reason;
        residence.validFrom = from;
        residence.recordedBy = actor;
        residence.recordedAt = at;
        return residence;
    }

    public boolean startsAfter(LocalDate date) {
        return validFrom != null && validFrom.isAfter(date);
    }
}
