package vn.vnn.household.areas;

import vn.vnn.kit.upload.RowError;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that a unit list, merged with the units already known, forms a sound tree at every date: each unit's parent
 * is in force on the unit's first day and of the level above, a code's versions never overlap, and successors exist.
 */
public final class UnitTreeRules {

    private UnitTreeRules() {
    }

    /** {@code known} are the versions already stored, minus those the file replaces (same code and validFrom). */
    public static List<RowError> check(List<UnitRow> incoming, Collection<UnitRow> known) {
        List<RowError> errors = new ArrayList<>();
        Map<String, List<UnitRow>> byCode = new HashMap<>();
        Set<String> keys = new HashSet<>();
        for (UnitRow row : incoming) {
            if (!keys.add(row.code() + "@" + row.validFrom())) {
                errors.add(new RowError(row.line(), "code", "appears twice with validFrom " + row.validFrom()));
            }
        }
        for (UnitRow row : known) {
            if (!keys.contains(row.code() + "@" + row.validFrom())) {
                byCode.computeIfAbsent(row.code(), c -> new ArrayList<>()).add(row);
            }
        }
        incoming.forEach(row -> byCode.computeIfAbsent(row.code(), c -> new ArrayList<>()).add(row));

        for (UnitRow row : incoming) {
            for (UnitRow other : byCode.get(row.code())) {
                if (other != row && overlaps(row, other)) {
                    errors.add(new RowError(row.line(), "validFrom", "overlaps another version of " + row.code()
                            + " (from " + other.validFrom() + ")"));
                }
            }
            if (row.parentCode() != null) {
                UnitRow parent = byCode.getOrDefault(row.parentCode(), List.of()).stream()
                        .filter(p -> p.inForceOn(row.validFrom())).findFirst().orElse(null);
                if (parent == null) {
                    errors.add(new RowError(row.line(), "parentCode", "no unit " + row.parentCode()
                            + " is in force on " + row.validFrom()));
                } else if (!row.level().mayHangUnder(parent.level())) {
                    errors.add(new RowError(row.line(), "parentCode", "a " + row.level() + " cannot hang under a "
                            + parent.level()));
                }
            }
            for (String successor : row.successorCodes()) {
                if (!byCode.containsKey(successor)) {
                    errors.add(new RowError(row.line(), "successorCodes", "unknown unit " + successor));
                }
            }
        }
        return errors;
    }

    private static boolean overlaps(UnitRow a, UnitRow b) {
        boolean aEndsBeforeB = a.validTo() != null && a.validTo().isBefore(b.validFrom());
        boolean bEndsBeforeA = b.validTo() != null && b.validTo().isBefore(a.validFrom());
        return !aEndsBeforeB && !bEndsBeforeA;
    }
}
