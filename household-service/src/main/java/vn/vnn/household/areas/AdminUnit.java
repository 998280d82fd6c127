package vn.vnn.household.areas;

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
import java.util.Optional;
import java.util.UUID;

/** One version of an administrative unit: its code, name, place in the tree and the dates it was in force. */
@Entity
@Table(name = "admin_unit")
public class AdminUnit extends PanacheEntityBase {

    @Id
    public UUID id;
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public AdminLevel level;
    @Column(name = "parent_code")
    public String parentCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "area_type")
    public AreaType areaType;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    /** Last day in force; null while in force. */
    @Column(name = "valid_to")
    public LocalDate validTo;
    public boolean demo;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    public static Optional<AdminUnit> inForce(String code, LocalDate date) {
        return find("code = ?1 and validFrom <= ?2 and (validTo is null or validTo >= ?2)", code, date)
                .firstResultOptional();
    }

    /** The province a unit lies in on {@code date}, walking up the tree in force then; the code itself at the top. */
    public static String provinceOf(String code, LocalDate date) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        String current = code;
        while (seen.add(current)) {
            AdminUnit unit = inForce(current, date).orElse(null);
            if (unit == null || unit.parentCode == null) {
                return current;
            }
            current = unit.parentCode;
        }
        return current;
    }

    /** True when {@code code} names a unit in force on {@code date} that {@code scope} reaches (itself or its province). */
    public static boolean reachedBy(vn.vnn.kit.security.AreaScope scope, String code, LocalDate date) {
        return code != null && inForce(code, date).isPresent() && scope.covers(code, provinceOf(code, date));
    }

    public static List<AdminUnit> allInForce(LocalDate date) {
        return list("validFrom <= ?1 and (validTo is null or validTo >= ?1) order by code", date);
    }
}
