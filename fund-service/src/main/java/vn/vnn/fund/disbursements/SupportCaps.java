package vn.vnn.fund.disbursements;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How much support one household may receive per category, across every fund that knows it (DOMAIN.md §1.5; the
 * Fatherland Front's guidance on the fund's spending, Hướng dẫn 96/HD-MTTW-BTT): one Great Solidarity house in its
 * life (the cap covers all the house's payments), the other categories up to a yearly total.
 */
public final class SupportCaps {

    private SupportCaps() {
    }

    /** The first day of the period the cap counts over: the epoch for a house, 1 January of the year otherwise. */
    public static LocalDate periodStart(SupportCategory category, LocalDate on) {
        return category == SupportCategory.GREAT_SOLIDARITY_HOUSE ? LocalDate.of(1900, 1, 1)
                : LocalDate.of(on.getYear(), 1, 1);
    }

    /** Why {@code amountVnd} more would break the cap, given what the household already has; empty when it fits. */
    public static Optional<String> problem(SupportCategory category, long alreadyVnd, long amountVnd, Long capVnd) {
        if (capVnd == null || alreadyVnd + amountVnd <= capVnd) {
            return Optional.empty();
        }
        String period = category == SupportCategory.GREAT_SOLIDARITY_HOUSE ? "for its house" : "this year";
        return Optional.of("the household already has " + alreadyVnd + " of the " + capVnd + " đồng it may receive "
                + "for " + category + " " + period + " across all funds");
    }
}
