package vn.vnn.household.standards;

import vn.vnn.household.areas.AreaType;

import java.util.Set;

/**
 * Classifies a household under a standard (DOMAIN.md §1.3; Nghị định 07/2021, Thông tư 07/2021):
 * <ul>
 *   <li>POOR ⇔ income ≤ line AND deprivations ≥ the standard's minimum (3);</li>
 *   <li>NEAR_POOR ⇔ income ≤ line AND fewer deprivations;</li>
 *   <li>AVERAGE_LIVING_STANDARD ⇔ line &lt; income ≤ the upper band, where the standard has one;</li>
 *   <li>NOT_POOR otherwise.</li>
 * </ul>
 * Lines and bands are inclusive ("từ … trở xuống"). With the scoring form, score A ≤ threshold plays the role of
 * income ≤ line, and score B = points per deprivation × deprivations.
 */
public final class PovertyClassifier {

    private PovertyClassifier() {
    }

    /** What is known of the household's means: a measured income or a score A. */
    public sealed interface Means permits Income, Score {
    }

    /** Income per person per month, in whole đồng. */
    public record Income(long vndPerPersonPerMonth) implements Means {
        public Income {
            if (vndPerPersonPerMonth < 0) {
                throw new IllegalArgumentException("income cannot be negative");
            }
        }
    }

    /** Score A of the scoring form: the income proxy, lower is poorer. */
    public record Score(int points) implements Means {
        public Score {
            if (points < 0) {
                throw new IllegalArgumentException("score cannot be negative");
            }
        }
    }

    public record Result(String standard, PovertyStatus classification, long incomeLineVnd, int deprivationCount,
                         int deprivationScore) {
    }

    /** Thrown when the standard cannot judge this input (e.g. a score under a standard without score thresholds). */
    public static final class NotApplicable extends RuntimeException {
        private final String field;

        public NotApplicable(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public static Result classify(StandardRules standard, AreaType area, Means means, Set<Indicator> deprivations) {
        for (Indicator indicator : deprivations) {
            if (!standard.indicators().contains(indicator)) {
                throw new NotApplicable("deprivations", standard.code() + " has no indicator " + indicator);
            }
        }
        int count = deprivations.size();
        int score = count * standard.pointsPerDeprivation();
        boolean manyDeprivations = count >= standard.minDeprivationsForPoor();
        long line = standard.incomeLine(area);
        PovertyStatus status = means instanceof Income income
                ? byIncome(income.vndPerPersonPerMonth(), line, standard.upperBand(area), manyDeprivations)
                : byScore(((Score) means).points(), standard, area, manyDeprivations);
        return new Result(standard.code(), status, line, count, score);
    }

    private static PovertyStatus byIncome(long income, long line, Long upperBand, boolean manyDeprivations) {
        if (income <= line) {
            return manyDeprivations ? PovertyStatus.POOR : PovertyStatus.NEAR_POOR;
        }
        if (upperBand != null && income <= upperBand) {
            return PovertyStatus.AVERAGE_LIVING_STANDARD;
        }
        return PovertyStatus.NOT_POOR;
    }

    private static PovertyStatus byScore(int points, StandardRules standard, AreaType area, boolean manyDeprivations) {
        Integer threshold = standard.scoreThreshold(area);
        if (threshold == null) {
            throw new NotApplicable("incomeScore", standard.code() + " defines no score thresholds; give "
                    + "monthlyIncomePerCapitaVnd instead");
        }
        if (points <= threshold) {
            return manyDeprivations ? PovertyStatus.POOR : PovertyStatus.NEAR_POOR;
        }
        return PovertyStatus.NOT_POOR;
    }
}
