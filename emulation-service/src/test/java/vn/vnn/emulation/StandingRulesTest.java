package vn.vnn.emulation;

import org.junit.jupiter.api.Test;
import vn.vnn.emulation.scoring.Standing;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The standing of a participant in a movement: weighted progress, bad outcomes against it, stable ranking. */
class StandingRulesTest {

    @Test
    void theScoreIsTheWeightedProgressAndTiesShareTheOrderById() {
        List<Standing.Value> values = List.of(
                new Standing.Value("A", new BigDecimal("50"), new BigDecimal("100"), new BigDecimal("0.7"), false),
                new Standing.Value("B", new BigDecimal("20"), new BigDecimal("10"), new BigDecimal("0.3"), false));
        assertThat(Standing.score(values)).isEqualByComparingTo("0.95"); // 0.5×0.7 + 2×0.3, beyond target counts
        List<Standing.Entry> ranked = Standing.rank(List.of(new Standing.Entry("b", values, BigDecimal.ONE),
                new Standing.Entry("a", values, BigDecimal.ONE), new Standing.Entry("c", values, BigDecimal.TEN)));
        assertThat(ranked).extracting(Standing.Entry::participantId).containsExactly("c", "a", "b");
    }

    /**
     * Re-poverty and newly poor households are bad outcomes (Kế hoạch 416/KH-UBND; DOMAIN.md §1.4): as criteria they
     * lower the score, so a commune with more of them ranks lower, and they never make a candidate.
     */
    @Test
    void aMeasureWhereMoreIsWorseLowersTheScore() {
        Standing.Value escaped = new Standing.Value("ESCAPED", new BigDecimal("30"), new BigDecimal("30"),
                new BigDecimal("0.6"), false);
        List<Standing.Value> fewRePoor = List.of(escaped, new Standing.Value("RE_POOR", new BigDecimal("1"),
                new BigDecimal("10"), new BigDecimal("0.4"), true));
        List<Standing.Value> manyRePoor = List.of(escaped, new Standing.Value("RE_POOR", new BigDecimal("5"),
                new BigDecimal("10"), new BigDecimal("0.4"), true));
        assertThat(Standing.score(fewRePoor)).isEqualByComparingTo("0.56"); // 1×0.6 − 0.1×0.4
        assertThat(Standing.score(manyRePoor)).isEqualByComparingTo("0.40"); // 1×0.6 − 0.5×0.4
        assertThat(vn.vnn.emulation.movements.Criterion.Measure.HOUSEHOLDS_NEWLY_POOR.lowerIsBetter()).isTrue();
        assertThat(vn.vnn.emulation.movements.Criterion.Measure.HOUSEHOLDS_ESCAPED.lowerIsBetter()).isFalse();
    }
}
