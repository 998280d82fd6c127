package vn.vnn.fund;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import vn.vnn.fund.statements.StatementDigest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A sealed day's digest changes with any line changed, added or removed, and with anything before it. */
class StatementDigestTest {

    @Property
    void anyLineChangedOrRemovedChangesTheDigest(@ForAll @Size(min = 1, max = 20) List<@StringLength(max = 40) String> lines,
                                                 @ForAll @IntRange(min = 0, max = 19) int at) {
        int index = at % lines.size();
        LocalDate day = LocalDate.of(2026, 11, 30);
        String sealed = StatementDigest.digest(StatementDigest.GENESIS, day, StatementDigest.linesHash(lines));
        List<String> changed = new ArrayList<>(lines);
        changed.set(index, lines.get(index) + "x");
        List<String> removed = new ArrayList<>(lines);
        removed.remove(index);
        assertThat(StatementDigest.digest(StatementDigest.GENESIS, day, StatementDigest.linesHash(changed)))
                .isNotEqualTo(sealed);
        assertThat(StatementDigest.digest(StatementDigest.GENESIS, day, StatementDigest.linesHash(removed)))
                .isNotEqualTo(sealed);
        assertThat(StatementDigest.digest("1".repeat(64), day, StatementDigest.linesHash(lines)))
                .isNotEqualTo(sealed);
        assertThat(StatementDigest.digest(StatementDigest.GENESIS, day.plusDays(1), StatementDigest.linesHash(lines)))
                .isNotEqualTo(sealed);
    }

    @Property
    void fieldsNeverRunIntoEachOther(@ForAll @StringLength(max = 10) String a, @ForAll @StringLength(max = 10) String b,
                                     @ForAll @StringLength(max = 10) String c) {
        // a separator inside a field is escaped: "a|b" + "c" and "a" + "b|c" never make the same line
        assertThat(StatementDigest.line(a + "|" + b, c)).isNotEqualTo(StatementDigest.line(a, b + "|" + c));
        assertThat(StatementDigest.line(a + "\n" + b)).doesNotContain("\n");
    }
}
