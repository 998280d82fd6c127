package vn.vnn.household.registry;

/** A member conflict with both people and both households, and whether the caller sees the citizen ID unmasked. */
public record ConflictRecord(MemberConflict conflict, HouseholdMember pending, Household registering,
                             HouseholdMember holder, Household existing, boolean citizenIdShown) {
}
