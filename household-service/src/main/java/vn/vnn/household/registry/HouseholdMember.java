package vn.vnn.household.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.vnn.kit.Ids;
import vn.vnn.household.standards.SurveyCodes.Diploma;
import vn.vnn.household.standards.SurveyCodes.EducationLevel;
import vn.vnn.household.standards.SurveyCodes.Employment;
import vn.vnn.household.standards.SurveyCodes.Relationship;
import vn.vnn.household.standards.SurveyCodes.SchoolStatus;
import vn.vnn.household.standards.SurveyCodes.WorkingCapacity;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "household_member")
public class HouseholdMember extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "household_id")
    public UUID householdId;
    @Column(name = "full_name")
    public String fullName;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    public CitizenId.Sex sex;
    @Enumerated(EnumType.STRING)
    public Relationship relationship;
    @Column(name = "citizen_id")
    public String citizenId;
    @Column(name = "health_insurance")
    public boolean healthInsurance;
    @Enumerated(EnumType.STRING)
    @Column(name = "school_status")
    public SchoolStatus schoolStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "education_level")
    public EducationLevel educationLevel;
    @Enumerated(EnumType.STRING)
    public Diploma diploma;
    public boolean disability;
    @Enumerated(EnumType.STRING)
    @Column(name = "working_capacity")
    public WorkingCapacity workingCapacity;
    @Enumerated(EnumType.STRING)
    public Employment employment;
    /** Holds the household's place now; false for members who left, moved, or wait ({@link #pending}). */
    public boolean active;
    /**
     * Registered with a citizen ID that an active member of a household out of the registering caller's sight holds:
     * a member of the household as registered, not yet active, until the conflict is decided (MemberConflict).
     */
    public boolean pending;
    /** Why an inactive member is no longer in the household. */
    @Enumerated(EnumType.STRING)
    @Column(name = "leave_reason")
    public LeaveReason leaveReason;
    @Column(name = "joined_on")
    public LocalDate joinedOn;
    @Column(name = "left_on")
    public LocalDate leftOn;
    @Column(name = "moved_to_household_id")
    public UUID movedToHouseholdId;
    @Version
    public long version;

    public enum LeaveReason { LEFT, MOVED, REGISTRATION_REJECTED }

    /** A person joining a household on {@code joinedOn}, as the survey describes them. */
    public static HouseholdMember joining(UUID householdId, HouseholdSurvey.Member m, LocalDate joinedOn) {
        HouseholdMember member = new HouseholdMember();
        member.id = Ids.newId();
        member.householdId = householdId;
        member.fullName = vn.vnn.kit.text.Names.normalise(m.fullName());
        member.birthDate = m.birthDate();
        member.sex = m.sex();
        member.relationship = m.relationship();
        member.citizenId = m.citizenId() == null || m.citizenId().isBlank() ? null : m.citizenId();
        member.healthInsurance = m.healthInsurance();
        member.schoolStatus = m.schoolStatus();
        member.educationLevel = m.educationLevel();
        member.diploma = m.diploma();
        member.disability = m.disability();
        member.workingCapacity = m.workingCapacity();
        member.employment = m.employment();
        member.active = true;
        member.joinedOn = joinedOn;
        return member;
    }

    /** In the household as registered: active, or waiting for a conflict to be decided. */
    public boolean inHousehold() {
        return active || pending;
    }

    /** The members in the household as registered (active or pending), as its member count counts them. */
    public static List<HouseholdMember> activeOf(UUID householdId) {
        return list("householdId = ?1 and (active = true or pending = true) order by joinedOn, id", householdId);
    }

    /** Leaves the household for {@code reason} on {@code on}; the row stays for the history. */
    public void leave(java.time.LocalDate on, LeaveReason reason) {
        active = false;
        pending = false;
        leftOn = on;
        leaveReason = reason;
    }

    public static List<HouseholdMember> historyOf(UUID householdId) {
        return list("householdId = ?1 order by joinedOn, id", householdId);
    }

    /** The active member holding this citizen ID, in any household. */
    public static java.util.Optional<HouseholdMember> activeWithCitizenId(String citizenId) {
        return find("citizenId = ?1 and active = true", citizenId).firstResultOptional();
    }

    /** The active members holding any of these citizen IDs, by citizen ID. */
    public static java.util.Map<String, HouseholdMember> activeWithCitizenIds(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, HouseholdMember> holders = new java.util.HashMap<>();
        // One array parameter, not one parameter per ID: an import asks for thousands at a time.
        @SuppressWarnings("unchecked")
        java.util.List<HouseholdMember> found = getEntityManager().createNativeQuery("""
                        SELECT * FROM household_member
                        WHERE active AND citizen_id IS NOT NULL AND citizen_id = ANY(CAST(?1 AS text[]))""",
                        HouseholdMember.class)
                .setParameter(1, ids.stream().distinct().toArray(String[]::new)).getResultList();
        found.forEach(m -> holders.put(m.citizenId, m));
        return holders;
    }
}
