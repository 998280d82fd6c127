package vn.vnn.household;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import vn.vnn.household.areas.AdminLevel;
import vn.vnn.household.areas.UnitHistory;
import vn.vnn.household.areas.UnitHistory.Link;
import vn.vnn.household.areas.UnitHistory.Place;
import vn.vnn.household.areas.UnitHistory.Version;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a recorded place lies on another date's tree (docs/domain-rules.md, statistics rules 1–2; Quyết định
 * 19/2025/QĐ-TTg: a merged unit may keep one predecessor's code, so a code is several versions).
 */
class UnitHistoryTest {

    private static final LocalDate OLD_END = LocalDate.of(2025, 6, 30);
    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    private static final LocalDate START = LocalDate.of(2008, 1, 1);
    private static final LocalDate Y2024 = LocalDate.of(2024, 12, 31);
    private static final LocalDate Y2026 = LocalDate.of(2026, 12, 31);

    /** Old 11 (district 111: A=11001, B=11002, S=11003 split) and old 12 (district 121: 12001) → new 11. */
    private static final UnitHistory HISTORY = new UnitHistory(List.of(
            old("11", AdminLevel.PROVINCE, null), old("12", AdminLevel.PROVINCE, null),
            old("111", AdminLevel.DISTRICT, "11"), old("121", AdminLevel.DISTRICT, "12"),
            old("11001", AdminLevel.COMMUNE, "111"), old("11002", AdminLevel.COMMUNE, "111"),
            old("11003", AdminLevel.COMMUNE, "111"), old("12001", AdminLevel.COMMUNE, "121"),
            old("11003-01", AdminLevel.VILLAGE, "11003"), old("11003-02", AdminLevel.VILLAGE, "11003"),
            fresh("11", AdminLevel.PROVINCE, null), fresh("11001", AdminLevel.COMMUNE, "11"),
            fresh("11050", AdminLevel.COMMUNE, "11"), fresh("11060", AdminLevel.COMMUNE, "11"),
            fresh("11003-01", AdminLevel.VILLAGE, "11001"), fresh("11003-02", AdminLevel.VILLAGE, "11050")),
            List.of(link("11", "11"), link("12", "11"), link("11001", "11001"), link("11002", "11001"),
                    link("11003", "11001"), link("11003", "11050"), link("12001", "11060")));

    @Test
    void aReusedCodeBeforeTheReformIsOnlyTheOldUnitNeverItsMergerPartners() {
        // a household of the new 11001, nothing else known: it came from 11001, 11002 or part of 11003
        Place place = HISTORY.locate("11001", REFORM, null, null, Y2024);
        assertThat(place.attributable()).isFalse();
        assertThat(place.heldBy()).isEqualTo("111");
        // a household of the old 11001 is in the old 11001 then, and in the new 11001 (its only successor) after
        assertThat(HISTORY.locate("11001", START, null, null, Y2024)).isEqualTo(Place.commune("11001"));
        assertThat(HISTORY.locate("11001", START, null, null, Y2026)).isEqualTo(Place.commune("11001"));
    }

    @Test
    void aSplitCommuneIsDividedByVillageAndNeverCountedWhole() {
        assertThat(HISTORY.locate("11003", START, "11003-01", null, Y2026)).isEqualTo(Place.commune("11001"));
        assertThat(HISTORY.locate("11003", START, "11003-02", null, Y2026)).isEqualTo(Place.commune("11050"));
        Place unknown = HISTORY.locate("11003", START, null, null, Y2026);
        assertThat(unknown).isEqualTo(Place.notAttributable("11"));
    }

    @Test
    void aHouseholdRegisteredAfterTheReformIsPlacedByVillageThenByTheRecordedCommune() {
        assertThat(HISTORY.locate("11050", REFORM, "11003-02", null, Y2024)).isEqualTo(Place.commune("11003"));
        assertThat(HISTORY.locate("11001", REFORM, null, "11002", Y2024)).isEqualTo(Place.commune("11002"));
        // the recorded commune says nothing about the time after the reform
        assertThat(HISTORY.locate("11001", REFORM, null, "11002", Y2026)).isEqualTo(Place.commune("11001"));
        // a commune formed from one commune only is certain; its province is the old one
        assertThat(HISTORY.locate("11060", REFORM, null, null, Y2024)).isEqualTo(Place.commune("12001"));
    }

    @Test
    void aCommuneWithoutLinksIsHeldByTheAncestorThatKeptItsVersion() {
        UnitHistory history = new UnitHistory(List.of(
                new Version("13", AdminLevel.PROVINCE, null, START, null),
                new Version("13009", AdminLevel.COMMUNE, "13", REFORM, null)), List.of());
        assertThat(history.locate("13009", REFORM, null, null, Y2024)).isEqualTo(Place.notAttributable("13"));
    }

    @Test
    void whatTheSuccessorMovesAsk() {
        Version oldEast = HISTORY.version("11001", START).orElseThrow();
        Version split = HISTORY.version("11003", START).orElseThrow();
        assertThat(HISTORY.successorOn(oldEast, Y2026)).map(Version::code).contains("11001");
        assertThat(HISTORY.successorOn(split, Y2026)).isEmpty();
        assertThat(HISTORY.villageOn(split, "11003-02", Y2026)).map(Version::parentCode).contains("11050");
        assertThat(HISTORY.villageOn(split, null, Y2026)).isEmpty();
        assertThat(HISTORY.villageOn(split, "11001-99", Y2026)).isEmpty();
        assertThat(HISTORY.hasLevel("111", AdminLevel.DISTRICT)).isTrue();
        assertThat(HISTORY.hasLevel("111", AdminLevel.COMMUNE)).isFalse();
        assertThat(HISTORY.links()).hasSize(7);
    }

    @Test
    void onlyTheRecordedVersionAndAVillageOfThatCommuneDecide() {
        // an unknown version of a code in force: taken as in force; an unknown code: held by nothing known
        assertThat(HISTORY.locate("11050", LocalDate.of(2030, 1, 1), null, null, Y2026))
                .isEqualTo(Place.commune("11050"));
        assertThat(HISTORY.locate("77777", REFORM, null, null, Y2026)).isEqualTo(Place.notAttributable(null));
        // a village of another commune says nothing about this one; neither does a district given as the commune
        assertThat(HISTORY.locate("11001", REFORM, "11003-02", null, Y2024)).isEqualTo(Place.notAttributable("111"));
        assertThat(HISTORY.locate("11001", REFORM, null, "111", Y2024)).isEqualTo(Place.notAttributable("111"));
    }

    @Test
    void aVillageVersionOutsideTheCommuneVersionAndLinksOutsideAVersionDoNotCount() {
        UnitHistory history = new UnitHistory(List.of(
                old("21", AdminLevel.PROVINCE, null), fresh("21", AdminLevel.PROVINCE, null),
                old("21001", AdminLevel.COMMUNE, "21"), old("21002", AdminLevel.COMMUNE, "21"),
                fresh("21050", AdminLevel.COMMUNE, "21"), fresh("21060", AdminLevel.COMMUNE, "21"),
                // a village that hung under 21050 only before 21050 existed (bad data) must not place anything
                new Version("21050-01", AdminLevel.VILLAGE, "21050", START, LocalDate.of(2010, 1, 1)),
                old("21002-01", AdminLevel.VILLAGE, "21002"), fresh("21002-01", AdminLevel.VILLAGE, "21060")),
                List.of(link("21", "21"), link("21001", "21050"), link("21002", "21050"),
                        new Link("21001", "21060", LocalDate.of(2027, 1, 1)),
                        new Link("21002", "21050", START)));
        assertThat(history.locate("21050", REFORM, "21050-01", null, Y2024)).isEqualTo(Place.notAttributable("21"));
        // 21001's later link is not of its version that ended in 2025: it went into 21050 alone
        assertThat(history.locate("21001", START, null, null, LocalDate.of(2028, 1, 1)))
                .isEqualTo(Place.commune("21050"));
        // a link that took effect on the first day of a version is how it began, not what it became
        assertThat(history.successorOn(history.version("21002", START).orElseThrow(), Y2026)).map(Version::code)
                .contains("21050");
    }

    @Test
    void aCodeOfAnotherLevelIsNotTheSameUnit() {
        UnitHistory history = new UnitHistory(List.of(
                new Version("31", AdminLevel.PROVINCE, null, START, null),
                new Version("31005", AdminLevel.COMMUNE, "31", REFORM, null),
                new Version("31005", AdminLevel.VILLAGE, "31009", START, OLD_END),
                new Version("31009", AdminLevel.COMMUNE, "31", START, OLD_END)), List.of());
        assertThat(history.locate("31005", REFORM, null, null, Y2024)).isEqualTo(Place.notAttributable("31"));
    }

    @Property
    void aPlaceIsAlwaysInForceOnTheDate(@ForAll("recorded") Version recorded, @ForAll("villages") String village,
                                        @ForAll("communes") String preReform,
                                        @ForAll("days") LocalDate date) {
        Place place = HISTORY.locate(recorded.code(), recorded.validFrom(), village, preReform, date);
        if (place.attributable()) {
            assertThat(HISTORY.inForce(place.communeCode(), date)).hasValueSatisfying(v ->
                    assertThat(v.level()).isEqualTo(AdminLevel.COMMUNE));
        } else if (place.heldBy() != null) {
            assertThat(HISTORY.inForce(place.heldBy(), date)).isPresent();
        }
    }

    @Provide
    Arbitrary<Version> recorded() {
        return Arbitraries.of(old("11001", AdminLevel.COMMUNE, "111"), old("11002", AdminLevel.COMMUNE, "111"),
                old("11003", AdminLevel.COMMUNE, "111"), old("12001", AdminLevel.COMMUNE, "121"),
                fresh("11001", AdminLevel.COMMUNE, "11"), fresh("11050", AdminLevel.COMMUNE, "11"),
                fresh("11060", AdminLevel.COMMUNE, "11"));
    }

    @Provide
    Arbitrary<String> villages() {
        return Arbitraries.of("11003-01", "11003-02", "99999-01").injectNull(0.4);
    }

    @Provide
    Arbitrary<String> communes() {
        return Arbitraries.of("11001", "11002", "11003", "12001", "11050").injectNull(0.5);
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 365 * 6).map(d -> LocalDate.of(2022, 1, 1).plusDays(d));
    }

    private static Version old(String code, AdminLevel level, String parent) {
        return new Version(code, level, parent, START, OLD_END);
    }

    private static Version fresh(String code, AdminLevel level, String parent) {
        return new Version(code, level, parent, REFORM, null);
    }

    private static Link link(String code, String successor) {
        return new Link(code, successor, REFORM);
    }
}
