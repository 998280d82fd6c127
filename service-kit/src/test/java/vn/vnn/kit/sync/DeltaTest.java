package vn.vnn.kit.sync;

import org.junit.jupiter.api.Test;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.web.ETags;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeltaTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-30T08:00:00+07:00");

    @Test
    void theCursorFollowsTheLastChangeAndSaysWhenMoreIsReady() {
        List<Change<String>> rows = changes(3, T);
        Delta<String> page = Delta.of(rows, 2, SyncCursor.START, T.plusHours(1));
        assertThat(page.items()).hasSize(2);
        assertThat(page.more()).isTrue();
        assertThat(SyncCursor.decode(page.next(), "after")).isEqualTo(new SyncCursor(rows.get(1).updatedAt(),
                rows.get(1).id()));
    }

    /** A change newer than the horizon may belong to a transaction not yet visible: the cursor stops before it. */
    @Test
    void theCursorNeverPassesTheSettleHorizon() {
        List<Change<String>> rows = changes(3, T);
        Delta<String> page = Delta.of(rows, 5, SyncCursor.START, rows.get(0).updatedAt());
        assertThat(page.items()).hasSize(3);
        assertThat(SyncCursor.decode(page.next(), "after").id()).isEqualTo(rows.get(0).id());
        Delta<String> none = Delta.of(rows, 2, SyncCursor.START, T.minusDays(1));
        assertThat(none.next()).isEqualTo(SyncCursor.START.encode());
        assertThat(none.more()).isFalse();
    }

    @Test
    void cursorsAndTimesFromClientsAreCheckedAndRoundTrip() {
        SyncCursor cursor = new SyncCursor(T, UUID.randomUUID());
        assertThat(SyncCursor.decode(cursor.encode(), "after")).isEqualTo(cursor);
        assertThat(SyncCursor.from(null, null)).isEqualTo(SyncCursor.START);
        assertThat(SyncCursor.from("2026-11-30T08:00:00+07:00", null).time()).isBefore(T);
        assertThatThrownBy(() -> SyncCursor.decode("bm90IGEgY3Vyc29y", "after")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> SyncCursor.from("2026-11-30", null)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> SyncCursor.from("+10000-01-01T00:00:00Z", null))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void entityTagsAreTheVersionInQuotes() {
        assertThat(ETags.of(7)).isEqualTo("\"7\"");
        assertThat(ETags.ifMatch("\"7\"")).isEqualTo(7L);
        assertThat(ETags.ifMatch(null)).isNull();
        assertThat(ETags.ifMatch("*")).isNull();
        for (String bad : List.of("W/\"7\"", "7", "\"\"", "\"x\"", "\"99999999999999999999\"")) {
            assertThatThrownBy(() -> ETags.ifMatch(bad)).as(bad).isInstanceOf(ProblemException.class);
        }
        assertThat(ETags.ok("\"3\", \"7\"", 7, "body").getStatus()).isEqualTo(304);
        assertThat(ETags.ok("\"3\"", 7, "body").getStatus()).isEqualTo(200);
        assertThatThrownBy(() -> ETags.expectedVersion("\"3\"", null, "Thing", 1, () -> "now", s -> 4))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type().status()).isEqualTo(412);
                    assertThat(e.current()).isEqualTo("now");
                });
        assertThat(ETags.expectedVersion(null, 5L, "Thing", 1, () -> "now", s -> 4)).isEqualTo(5L);
    }

    private static List<Change<String>> changes(int n, OffsetDateTime from) {
        List<Change<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(Change.upsert(UUID.randomUUID(), i, from.plusSeconds(i), "r" + i));
        }
        return rows;
    }
}
