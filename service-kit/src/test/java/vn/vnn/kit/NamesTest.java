package vn.vnn.kit;

import org.junit.jupiter.api.Test;
import vn.vnn.kit.text.Names;

import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTest {

    @Test
    void oneNameTypedTwoWaysIsOneName() {
        String composed = "Nguyễn Thị Hoà";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(composed);
        assertThat(Names.normalise(decomposed)).isEqualTo(composed);
        assertThat(Names.normalise("  Nguyễn   Thị\tHoà ")).isEqualTo(composed);
        assertThat(Names.normalise(Names.normalise(decomposed))).isEqualTo(Names.normalise(decomposed));
        assertThat(Names.normalise(null)).isNull();
    }
}
