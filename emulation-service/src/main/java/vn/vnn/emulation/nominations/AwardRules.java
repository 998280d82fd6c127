package vn.vnn.emulation.nominations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * Reward money and council outcomes (docs/domain-rules.md, "Awards"): Luật Thi đua, khen thưởng 2022 (06/2022/QH15);
 * Nghị định 98/2023/NĐ-CP and Nghị định 152/2025/NĐ-CP for the multiples; the rounding and the collective's double
 * amount as Nghị định 91/2017/NĐ-CP art. 68 and 73 set them and Nghị định 98/2023 carried them on.
 */
public final class AwardRules {

    /** A household receives this many times the individual amount of the same form. */
    public static final BigDecimal HOUSEHOLD_FACTOR = new BigDecimal("1.5");
    /** A collective receives this many times the individual amount of a Bằng khen or Giấy khen. */
    public static final long COLLECTIVE_FACTOR = 2;
    /** Amounts are rounded up to the next ten thousand đồng ("làm tròn số lên hàng chục ngàn đồng"). */
    public static final long ROUNDING_VND = 10_000;

    public enum Outcome { NO_QUORUM, APPROVED, REJECTED }

    private AwardRules() {
    }

    /**
     * The reward of a form for a participant, in whole đồng: the individual amount is the form's multiple × the base
     * salary in force on the decision's date, rounded up to the next 10,000 đồng; a collective receives twice that
     * for a Bằng khen or Giấy khen (a collective's own title has its own multiple), a household 1.5 times it, again
     * rounded up to 10,000.
     */
    public static long reward(BigDecimal multiple, long baseSalaryVnd, String participantKind,
                              boolean doublesForCollectives) {
        long individual = roundUp(multiple.multiply(BigDecimal.valueOf(baseSalaryVnd)));
        return switch (participantKind) {
            case "COLLECTIVE" -> doublesForCollectives ? Math.multiplyExact(individual, COLLECTIVE_FACTOR) : individual;
            case "HOUSEHOLD" -> roundUp(BigDecimal.valueOf(individual).multiply(HOUSEHOLD_FACTOR));
            default -> individual;
        };
    }

    /** Rounded up to the next multiple of 10,000 đồng (an exact multiple stays as it is). */
    public static long roundUp(BigDecimal amountVnd) {
        BigDecimal tens = BigDecimal.valueOf(ROUNDING_VND);
        return amountVnd.divide(tens, 0, RoundingMode.CEILING).multiply(tens).longValueExact();
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
