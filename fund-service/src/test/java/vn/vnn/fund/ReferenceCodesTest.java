package vn.vnn.fund;

import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import vn.vnn.fund.banking.ReferenceCodes;
import vn.vnn.fund.banking.VietQr;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Reference codes for transfer messages: unambiguous, forgiving when typed back, short enough for the message. */
class ReferenceCodesTest {

    @Property(tries = 1000)
    void aCodeIsSixUnambiguousCharactersAndReadsBackAsItself() {
        String code = ReferenceCodes.next();
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{6}");
        assertThat(ReferenceCodes.normalise(code)).isEqualTo(code);
        assertThat(ReferenceCodes.normalise(" " + code.toLowerCase() + " ")).isEqualTo(code);
    }

    @Test
    void lookAlikeLettersAreReadAsTheDigitsTheyResemble() {
        assertThat(ReferenceCodes.normalise("o1l2i3")).isEqualTo("011213");
        assertThat(ReferenceCodes.normalise("7K3M2P")).isEqualTo("7K3M2P");
        assertThat(ReferenceCodes.normalise("7K3M2")).isNull();
        assertThat(ReferenceCodes.normalise("7K3M2U")).isNull();
        assertThat(ReferenceCodes.normalise(null)).isNull();
    }

    @Test
    void theMessageNamesTheFundWhereItFits() {
        assertThat(ReferenceCodes.transferMessage("Q99", "7K3M2P")).isEqualTo("VNN Q99 7K3M2P");
        assertThat(ReferenceCodes.transferMessage("QUỸ ĐB", "7K3M2P")).isEqualTo("VNN QUY-DB 7K3M2P");
        assertThat(ReferenceCodes.transferMessage("QUỸ TỈNH ĐIỆN BIÊN", "7K3M2P")).isEqualTo("VNN 7K3M2P");
        String tooLong = ReferenceCodes.transferMessage("Q-VERY-LONG-FUND-CODE-OF-THIRTY", "7K3M2P");
        assertThat(tooLong).isEqualTo("VNN 7K3M2P");
        assertThat(VietQr.foldMessage(tooLong)).isEqualTo(tooLong);
    }

    @Test
    void codesDoNotRepeatInPractice() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(ReferenceCodes.next());
        }
        // 100,000 draws from 32^6 ≈ 1.07 billion: about five collisions expected, never hundreds.
        assertThat(seen.size()).isGreaterThan(99_950);
    }
}
