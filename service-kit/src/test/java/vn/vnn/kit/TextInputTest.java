package vn.vnn.kit;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import vn.vnn.kit.text.SpreadsheetCells;
import vn.vnn.kit.text.TextInput;

import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What text a client may send, and what becomes of it. */
class TextInputTest {

    @Test
    void vietnameseIsKeptAndStoredInNfc() {
        String decomposed = "Nguye\u0302\u0303n Thi\u0323 Hoa\u0300";
        assertThat(TextInput.accept(decomposed, false)).isEqualTo("Nguyễn Thị Hoà")
                .isEqualTo(Normalizer.normalize(decomposed, Normalizer.Form.NFC));
        assertThat(TextInput.accept("Đặng Văn Ước 😀", false)).isEqualTo("Đặng Văn Ước 😀");
        assertThat(TextInput.accept(null, false)).isNull();
    }

    @Test
    void controlCharactersSurrogatesAndBidiMarksAreRefused() {
        for (String bad : new String[] {"a\u0000b", "\u0007", "x\u007f", "\u0085", "\u009b", "\ud800",
                "a\udc00", "\u202eabc", "\u2066x", "\u200f", "\ufffd", "\ufeff", "\uffff", "x\u2028y"}) {
            assertThatThrownBy(() -> TextInput.accept(bad, true)).as(bad.codePoints().boxed().toList().toString())
                    .isInstanceOf(TextInput.Refused.class);
        }
    }

    @Test
    void lineBreaksAndTabsOnlyInFreeText() {
        assertThat(TextInput.accept("dòng một\ndòng hai\tcột", true)).contains("\n");
        assertThatThrownBy(() -> TextInput.accept("dòng một\ndòng hai", false))
                .hasMessageContaining("single line");
    }

    @Test
    void lengthIsCountedInCharactersAfterNormalisation() {
        assertThat(TextInput.accept("Đ".repeat(TextInput.LINE_MAX_LENGTH), false)).hasSize(1_000);
        assertThatThrownBy(() -> TextInput.accept("Đ".repeat(TextInput.LINE_MAX_LENGTH + 1), false))
                .hasMessageContaining("at most 1000");
        assertThat(TextInput.accept("e\u0302".repeat(TextInput.LINE_MAX_LENGTH), false)).hasSize(1_000);
        assertThat(TextInput.accept("x".repeat(TextInput.FREE_TEXT_MAX_LENGTH), true)).hasSize(10_000);
    }

    /** Whatever comes in, what is accepted is NFC and free of every refused character. */
    @Property(tries = 2_000)
    void acceptedTextIsNfcAndClean(@ForAll @StringLength(max = 60) @CharRange(from = 0, to = 0x2100)
                                   String text) {
        String accepted;
        try {
            accepted = TextInput.accept(text, true);
        } catch (TextInput.Refused e) {
            assertThat(text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r'
                    || c >= 0x7f && c <= 0x9f || c == 0x200e || c == 0x200f || c == 0x061c
                    || c >= 0x2028 && c <= 0x202e || c >= 0x2066 && c <= 0x2069)).as(e.getMessage()).isTrue();
            return;
        }
        assertThat(Normalizer.isNormalized(accepted, Normalizer.Form.NFC)).isTrue();
        assertThat(accepted.chars().noneMatch(c -> c == 0 || c >= 0x80 && c <= 0x9f)).isTrue();
    }

    @Test
    void spreadsheetCellsThatWouldRunAsFormulasAreNeutralised() {
        for (String formula : new String[] {"=1+1", "+84912", "-2", "@SUM(A1)", "\tx", "\rx"}) {
            assertThat(SpreadsheetCells.text(formula)).isEqualTo("'" + formula);
        }
        assertThat(SpreadsheetCells.text("Nguyễn Văn A")).isEqualTo("Nguyễn Văn A");
        assertThat(SpreadsheetCells.text("")).isEmpty();
        assertThat(SpreadsheetCells.cell(-5L)).isEqualTo(-5L);
        assertThat(SpreadsheetCells.cell("=x")).isEqualTo("'=x");
    }
}
