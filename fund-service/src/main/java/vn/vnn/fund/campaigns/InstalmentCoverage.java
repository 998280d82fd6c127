package vn.vnn.fund.campaigns;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How the payments of a pledge cover its instalments: the paid total fills them in order of due date. An instalment
 * is PAID when covered, PARTLY_PAID when partly, OVERDUE when its date has passed uncovered, else DUE.
 */
public final class InstalmentCoverage {

    public record Instalment(int number, LocalDate dueOn, long amountVnd) {
    }

    public record Covered(Instalment instalment, long coveredVnd, String status) {
    }

    private InstalmentCoverage() {
    }

    public static List<Covered> of(List<Instalment> instalments, long paidVnd, LocalDate today) {
        List<Covered> result = new ArrayList<>();
        long left = paidVnd;
        for (Instalment instalment : instalments) {
            long covered = Math.min(left, instalment.amountVnd());
            left -= covered;
            String status = covered == instalment.amountVnd() ? "PAID"
                    : instalment.dueOn().isBefore(today) ? "OVERDUE"
                    : covered > 0 ? "PARTLY_PAID" : "DUE";
            result.add(new Covered(instalment, covered, status));
        }
        return result;
    }
}
