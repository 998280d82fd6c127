package vn.vnn.household.api;

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
    }
}
