package vn.vnn.emulation.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

/**
 * A participant's place in a movement: the weighted sum of its progress on each criterion (value ÷ target, not capped,
 * so that going beyond a target still counts), a criterion where more is worse (re-poverty, newly poor households)
 * counting against it; ranked high to low; ties share a rank.
 */
public final class Standing {

    public record Value(String criterion, BigDecimal value, BigDecimal target, BigDecimal weight,
                        boolean lowerIsBetter) {

        public BigDecimal progress() {
            return value.divide(target, 6, RoundingMode.HALF_UP);
        }
    }

    public record Entry(String participantId, List<Value> values, BigDecimal score) {
    }

    private Standing() {
    }

    public static BigDecimal score(List<Value> values) {
        return values.stream().map(v -> v.lowerIsBetter() ? v.progress().multiply(v.weight()).negate()
                : v.progress().multiply(v.weight())).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(4, RoundingMode.HALF_UP);
    }

    /** Sorted by score, then participant id, so the order is stable. */
    public static List<Entry> rank(List<Entry> entries) {
        return entries.stream().sorted(Comparator.comparing(Entry::score).reversed()
                .thenComparing(Entry::participantId)).toList();
    }
}
