package vn.vnn.household.registry;

import vn.vnn.household.standards.SurveyCodes;

import vn.vnn.kit.problem.Problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rules members obey wherever they come from (the API or a bulk import): a whole household has exactly one head;
 * a citizen ID fits the person's birth year and sex, appears once, and is not held by an active member elsewhere.
 */
public final class MemberRules {

    private MemberRules() {
    }

    /** Field errors with paths {@code members} and {@code members[i].citizenId}; empty when the members are valid. */
    public static List<Problem.FieldError> problems(List<HouseholdSurvey.Member> members, boolean wholeHousehold,
                                                    Predicate<String> activeElsewhere) {
        List<Problem.FieldError> errors = new ArrayList<>();
        long heads = members.stream().filter(m -> m.relationship() == SurveyCodes.Relationship.HEAD).count();
        if (wholeHousehold && heads != 1) {
            errors.add(new Problem.FieldError("members", "exactly one member is the HEAD"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            HouseholdSurvey.Member member = members.get(i);
            String id = member.citizenId();
            if (id == null || id.isBlank()) {
                continue;
            }
            String field = "members[" + i + "].citizenId";
            CitizenId.problem(id, member.birthDate(), member.sex())
                    .ifPresent(problem -> errors.add(new Problem.FieldError(field, problem)));
            if (!seen.add(id)) {
                errors.add(new Problem.FieldError(field, "is given twice"));
            } else if (activeElsewhere.test(id)) {
                errors.add(new Problem.FieldError(field, "belongs to a member of another active household"));
            }
        }
        return errors;
    }
}
