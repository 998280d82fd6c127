package vn.vnn.household.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.vnn.kit.Ids;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One change to a household: who, when, what. Append-only. */
@Entity
@Table(name = "household_audit")
public class HouseholdAuditEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "household_id")
    public UUID householdId;
    public String actor;
    public OffsetDateTime at;
    public String action;
    public String detail;

    public static HouseholdAuditEntry of(UUID householdId, String actor, String action, String detail) {
        HouseholdAuditEntry entry = new HouseholdAuditEntry();
        entry.id = Ids.newId();
        entry.householdId = householdId;
        entry.actor = actor;
        entry.at = OffsetDateTime.now();
        entry.action = action;
        entry.detail = detail;
        return entry;
    }
}
