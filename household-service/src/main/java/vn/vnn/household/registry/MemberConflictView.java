package vn.vnn.household.registry;

import vn.vnn.kit.security.PersonalData;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A citizen ID claimed by a new registration while an active member of another household holds it. */
@Schema(description = "Trùng số định danh: a registration waiting for the decision of the other household's area")
public record MemberConflictView(UUID id, String status, String citizenId, Person pendingMember,
                                 UUID newHouseholdId, String newCommuneCode, Person existingMember,
                                 UUID existingHouseholdId, String existingCommuneCode, String registeredBy,
                                 OffsetDateTime registeredAt, String outcome, String note, String resolvedBy,
                                 OffsetDateTime resolvedAt, long version) {

    public record Person(UUID memberId, String fullName, LocalDate birthDate, String sex) {
        static Person of(HouseholdMember m) {
            return new Person(m.id, m.fullName, m.birthDate, m.sex.name());
        }
    }

    public static MemberConflictView of(ConflictRecord r) {
        MemberConflict c = r.conflict();
        return new MemberConflictView(c.id, c.status.name(), r.citizenIdShown() ? c.citizenId
                : PersonalData.maskCitizenId(c.citizenId), Person.of(r.pending()), c.newHouseholdId,
                r.registering().communeCode, Person.of(r.holder()), c.existingHouseholdId, r.existing().communeCode,
                c.registeredBy, c.registeredAt, c.outcome == null ? null : c.outcome.name(), c.note, c.resolvedBy,
                c.resolvedAt, c.version);
    }
}
