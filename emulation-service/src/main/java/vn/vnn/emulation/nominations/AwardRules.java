package vn.vnn.emulation.nominations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/** Reward money and council outcomes (Luật Thi đua, khen thưởng 2022; NĐ 152/2025; DOMAIN.md §1.6). */
public final class AwardRules {

    /** A household receives this many times the individual amount of the same form. */
    public static final BigDecimal HOUSEHOLD_FACTOR = new BigDecimal("1.5");

    public enum Outcome { NO_QUORUM, APPROVED, REJECTED }

    private AwardRules() {
    }

    /** Multiple × the base salary in force on the decision's date, 1.5× for a household; whole đồng. */
    public static long reward(BigDecimal multiple, long baseSalaryVnd, String participantKind) {
        BigDecimal amount = multiple.multiply(BigDecimal.valueOf(baseSalaryVnd));
        if ("HOUSEHOLD".equals(participantKind)) {
            amount = amount.multiply(HOUSEHOLD_FACTOR);
        }
        return amount.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * The council decides only with at least {@code quorum} of its members voting, and approves when more than half
     * of all its members voted YES.
     */
    public static Outcome council(int members, int quorum, Collection<String> votes) {
        if (votes.size() < quorum) {
            return Outcome.NO_QUORUM;
        }
        long yes = votes.stream().filter("YES"::equals).count();
        return yes * 2 > members ? Outcome.APPROVED : Outcome.REJECTED;
    }
}
