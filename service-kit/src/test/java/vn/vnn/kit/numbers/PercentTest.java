package vn.vnn.kit.numbers;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class PercentTest {

    @Test
    void twoDecimalsHalfUpAndNothingOfNothing() {
        assertThat(Percent.of(1, 3)).isEqualByComparingTo("33.33");
        assertThat(Percent.of(2, 3)).isEqualByComparingTo("66.67");
        assertThat(Percent.of(1, 8)).isEqualTo(new BigDecimal("12.50"));
        assertThat(Percent.of(5, 0)).isEqualTo(new BigDecimal("0.00"));
        // no overflow where part × 100 would pass Long.MAX_VALUE
        assertThat(Percent.of(Long.MAX_VALUE, Long.MAX_VALUE)).isEqualTo(new BigDecimal("100.00"));
    }
}
