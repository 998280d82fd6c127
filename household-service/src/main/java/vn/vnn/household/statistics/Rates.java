package vn.vnn.household.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Tỷ lệ hộ nghèo: part of the resident households, in percent with two decimals, half up; 0 for no households. */
final class Rates {

    private Rates() {
    }

    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
