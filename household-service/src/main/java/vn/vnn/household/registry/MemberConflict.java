package vn.vnn.household.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A citizen ID registered in one household while an active member of another holds it, where the registering caller
 * may not see the other household. The new member waits (pending) until someone who sees the other household decides:
 * the person moved (MOVE: they leave the old household and become active in the new one) or the registration is
 * wrong (REJECT). The registering side learns the outcome through the member's status.
 */
@Entity
@Table(name = "member_conflict")
public class MemberConflict extends PanacheEntityBase {

    public enum Status { OPEN, RESOLVED }

    public enum Outcome { MOVE, REJECT, WITHDRAWN }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "citizen_id")
    public String citizenId;
    @Column(name = "pending_member_id")
    public UUID pendingMemberId;
    @Column(name = "new_household_id")
    public UUID newHouseholdId;
    @Column(name = "existing_member_id")
    public UUID existingMemberId;
    @Column(name = "existing_household_id")
    public UUID existingHouseholdId;
    @Column(name = "registered_by")
    public String registeredBy;
    @Column(name = "registered_at")
    public OffsetDateTime registeredAt;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    public String note;
    @Column(name = "resolved_by")
    public String resolvedBy;
    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;
    @Version
    public long version;

    /** The conflict of a pending member with the active holder of its citizen ID. */
    public static MemberConflict open(HouseholdMember pending, HouseholdMember holder, String registeredBy) {
        if (!pending.pending || !holder.active || !holder.citizenId.equals(pending.citizenId)) {
            throw new IllegalArgumentException("a conflict is between a pending member and the active holder");
        }
        MemberConflict conflict = new MemberConflict();
        conflict.id = vn.vnn.kit.Ids.newId();
        conflict.status = Status.OPEN;
        conflict.citizenId = pending.citizenId;
        conflict.pendingMemberId = pending.id;
        conflict.newHouseholdId = pending.householdId;
        conflict.existingMemberId = holder.id;
        conflict.existingHouseholdId = holder.householdId;
        conflict.registeredBy = registeredBy;
        conflict.registeredAt = OffsetDateTime.now();
        return conflict;
    }

    /** Decided once: a decided conflict is not decided again. */
    public void resolve(Outcome decided, String note, String by) {
        if (status != Status.OPEN) {
            throw new IllegalStateException("already resolved: " + outcome);
        }
        status = Status.RESOLVED;
        outcome = decided;
        this.note = note;
        resolvedBy = by;
        resolvedAt = OffsetDateTime.now();
    }

    /** The open conflict of a pending member, if any. */
    public static java.util.Optional<MemberConflict> openFor(UUID pendingMemberId) {
        return find("pendingMemberId = ?1 and status = ?2", pendingMemberId, Status.OPEN).firstResultOptional();
    }
}
