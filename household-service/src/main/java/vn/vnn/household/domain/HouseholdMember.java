package vn.vnn.household.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.vnn.household.api.HouseholdRequest;
import vn.vnn.kit.Ids;
import vn.vnn.household.domain.SurveyCodes.Diploma;
import vn.vnn.household.domain.SurveyCodes.EducationLevel;
import vn.vnn.household.domain.SurveyCodes.Employment;
import vn.vnn.household.domain.SurveyCodes.Relationship;
import vn.vnn.household.domain.SurveyCodes.SchoolStatus;
import vn.vnn.household.domain.SurveyCodes.WorkingCapacity;

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
    public boolean active;
    @Column(name = "joined_on")
    public LocalDate joinedOn;
    @Column(name = "left_on")
    public LocalDate leftOn;
    @Column(name = "moved_to_household_id")
    public UUID movedToHouseholdId;
    @Version
    public long version;

    /** A person joining a household on {@code joinedOn}, as the survey describes them. */
    public static HouseholdMember joining(UUID householdId, HouseholdRequest.Member m, LocalDate joinedOn) {
        HouseholdMember member = new HouseholdMember();
        member.id = Ids.newId();
        member.householdId = householdId;
        member.fullName = m.fullName().strip();
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

    public static List<HouseholdMember> activeOf(UUID householdId) {
        return list("householdId = ?1 and active = true order by joinedOn, id", householdId);
    }

    public static List<HouseholdMember> historyOf(UUID householdId) {
        return list("householdId = ?1 order by joinedOn, id", householdId);
    }

    /** The active member holding this citizen ID, in any household. */
    public static java.util.Optional<HouseholdMember> activeWithCitizenId(String citizenId) {
        return find("citizenId = ?1 and active = true", citizenId).firstResultOptional();
    }
}
