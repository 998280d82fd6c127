package vn.vnn.household.registry;

import java.util.List;

/**
 * A household as the use case hands it out: its members (null in lists) and what the caller may see unmasked, decided
 * (and audited) by the use case, applied by whoever renders it.
 */
public record HouseholdRecord(Household household, List<HouseholdMember> members, boolean citizenIdsShown,
                              boolean phoneShown) {
}
