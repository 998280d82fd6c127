package vn.vnn.kit.web;

import org.junit.jupiter.api.Test;
import vn.vnn.kit.text.TextInput;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Headers of any shape settle to something usable; dates a client sends are real and within range. */
class RequestHeadersTest {

    @Test
    void acceptLanguageFallsBackInsteadOfFailing() {
        assertThat(RequestHeaders.acceptLanguage("vi-VN,vi;q=0.9,en;q=0.8")).isEqualTo("vi");
        assertThat(RequestHeaders.acceptLanguage("fr;q=1, en;q=0.5")).isEqualTo("en");
        assertThat(RequestHeaders.acceptLanguage("vi;q=0, en")).isEqualTo("en");
        for (String odd : new String[] {null, "", "-", "*", ";;;", "en;q=2", "vi;q=abc", "en-US;q=", ",,,",
                "xx-INVALID-TAG-@@", "a".repeat(9_000), "zh-Hant-TW"}) {
            assertThat(RequestHeaders.acceptLanguage(odd)).as(String.valueOf(odd)).isNull();
        }
    }

    @Test
    void unparseableMediaRangesAreDropped() {
        assertThat(RequestHeaders.accept("application/json, invalid, text/csv;q=abc, */*;q=0.1"))
                .isEqualTo("application/json, */*;q=0.1");
        assertThat(RequestHeaders.accept("invalid")).isNull();
        assertThat(RequestHeaders.mediaType("application/json; charset=UTF-8")).isNotNull();
        assertThat(RequestHeaders.mediaType("")).isNull();
        assertThat(RequestHeaders.mediaType("application/json;;;")).isNull();
        assertThat(RequestHeaders.mediaType("text/plain;q=2")).isNull();
    }

    @Test
    void datesAreRealDaysBetween1900And2199() {
        assertThat(Dates.parse("2025-02-28")).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(Dates.parse("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        for (String bad : new String[] {"2025-02-29", "2025-02-30", "2025-13-01", "0000-01-01", "9999-12-31",
                "1899-12-31", "2200-01-01", "+999999999-12-31", "2025-1-1", "01/02/2025", ""}) {
            assertThatThrownBy(() -> Dates.parse(bad)).as(bad).isInstanceOf(TextInput.Refused.class);
        }
    }
}
