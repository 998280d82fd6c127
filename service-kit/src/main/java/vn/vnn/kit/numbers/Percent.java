package vn.vnn.kit.numbers;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A part of a whole in percent, as reports print it: two decimals, half up; 0.00 of nothing. */
public final class Percent {

    private Percent() {
    }

    public static BigDecimal of(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
