package vn.vnn.household;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.vnn.household.areas.AreaService;
import vn.vnn.household.statistics.TallyBuilds;
import vn.vnn.kit.time.VietnamClock;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics' tallies always equal a full recount (issue 16): random histories of registrations, recognitions,
 * moves, dissolutions, corrections, surveys and moves to successor communes — many of them refused, which must leave
 * the tallies untouched — across the 2025 reorganisation, each followed by (1) a rebuild that counts every tally row
 * of the provinces afresh and must find none wrong, and (2) every year's report read from the tallies equal to the
 * same report counted live. The histories are drawn by jqwik from a fixed seed ({@code -Dtally.seed=} replays one).
 *
 * <p>Old province 71 (communes 71001, 71002) and old province 72 (72001) become province 71 on 1 July 2025: the new
 * 71001 reuses a code and takes the old 71001 and the village 71002-01; 71002's village 71002-02 and 72001 go into the
 * new 71010.
 */
@QuarkusTest
@TestSecurity(user = "tally.admin", roles = "admin")
class TallyConsistencyTest {

    private static final String UNITS = """
            code,name,level,parentCode,type,validFrom,validTo,successorCodes
            71,Tỉnh Thử (cũ),PROVINCE,,RURAL,2008-01-01,2025-06-30,71
            72,Tỉnh Kiểm (cũ),PROVINCE,,RURAL,2008-01-01,2025-06-30,71
            711,Huyện Thử,DISTRICT,71,RURAL,2008-01-01,2025-06-30,
            721,Huyện Kiểm,DISTRICT,72,RURAL,2008-01-01,2025-06-30,
            71001,Xã Một (cũ),COMMUNE,711,RURAL,2008-01-01,2025-06-30,71001
            71002,Xã Hai,COMMUNE,711,RURAL,2008-01-01,2025-06-30,71001;71010
            72001,Xã Ba,COMMUNE,721,RURAL,2008-01-01,2025-06-30,71010
            71001-01,Thôn Một,VILLAGE,71001,RURAL,2008-01-01,2025-06-30,
            71002-01,Thôn Hai Thượng,VILLAGE,71002,RURAL,2008-01-01,2025-06-30,
            71002-02,Thôn Hai Hạ,VILLAGE,71002,RURAL,2008-01-01,2025-06-30,
            72001-01,Thôn Ba,VILLAGE,72001,RURAL,2008-01-01,2025-06-30,
            71,Tỉnh Thử,PROVINCE,,RURAL,2025-07-01,,
            71001,Xã Một,COMMUNE,71,RURAL,2025-07-01,,
            71010,Xã Mười,COMMUNE,71,RURAL,2025-07-01,,
            71001-01,Thôn Một,VILLAGE,71001,RURAL,2025-07-01,,
            71002-01,Thôn Hai Thượng,VILLAGE,71001,RURAL,2025-07-01,,
            71002-02,Thôn Hai Hạ,VILLAGE,71010,RURAL,2025-07-01,,
            72001-01,Thôn Ba,VILLAGE,71010,RURAL,2025-07-01,,
            """;
    private static final List<String> OLD_COMMUNES = List.of("71001", "71002", "72001");
    private static final Map<String, List<String>> OLD_VILLAGES = Map.of("71001", List.of("71001-01"),
            "71002", List.of("71002-01", "71002-02"), "72001", List.of("72001-01"));
    private static final List<String> COMMUNES = List.of("71001", "71010");
    private static final Map<String, List<String>> VILLAGES = Map.of("71001", List.of("71001-01", "71002-01"),
            "71010", List.of("71002-02", "72001-01"));
    private static final List<String> STATUSES = List.of("POOR", "NEAR_POOR", "AVERAGE_LIVING_STANDARD", "NOT_POOR");
    private static final List<String> CAUSES = List.of("LACK_OF_CAPITAL", "ILLNESS", "LACK_OF_LAND", "LACK_OF_LABOUR");
    private static final List<String> INDICATORS = List.of("NUTRITION", "HEALTH_INSURANCE", "HOUSING_AREA",
            "DRINKING_WATER");
    private static final int HISTORIES = 12;

    @Inject
    AreaService areas;
    @Inject
    TallyBuilds builds;
    @Inject
    VietnamClock clock;
    @Inject
    EntityManager entityManager;

    private final List<String> households = new ArrayList<>();
    /** Per kind of step, how many were accepted: a history of refusals would prove little. */
    private final Map<String, Integer> accepted = new java.util.TreeMap<>();
    private final Map<String, String> rounds = new HashMap<>();
    private final LocalDate today = LocalDate.now(VietnamClock.ZONE);

    /** One step of a history; indexes pick among the households, communes and years in play. */
    sealed interface Step permits Register, Recognise, Move, Dissolve, Correct, Survey, ToSuccessor {
    }

    record Register(int commune, boolean village, int daysAgo, boolean preReform, boolean minority) implements Step {
    }

    record Recognise(int household, String status, int year) implements Step {
    }

    record Move(int household, int commune, int daysAgo) implements Step {
    }

    record Dissolve(int household, int daysAgo) implements Step {
    }

    record Correct(int household, boolean minority, List<String> causes) implements Step {
    }

    record Survey(int household, int year, List<String> deprived) implements Step {
    }

    record ToSuccessor(int oldCommune) implements Step {
    }

    @AfterAll
    static void untrustTallies() {
        // Other tests travel in time, which a maintained tally cannot follow: they count live.
        QuarkusTransaction.requiringNew().run(() -> jakarta.enterprise.inject.spi.CDI.current()
                .select(EntityManager.class).get().createNativeQuery("DELETE FROM tally_year").executeUpdate());
    }

    @Test
    void talliesEqualAFullRecountAfterAnyHistory() {
        long seed = Long.getLong("tally.seed", 20261201L);
        Random random = new Random(seed);
        areas.importCsv(UNITS, false, "test");
        settledBeforeTheReform(random);
        builds.buildUntrusted();
        given().get("/api/v1/statistics/tallies").then().statusCode(200)
                .body("trusted", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(true)))
                .body("year", org.hamcrest.Matchers.hasItem(today.getYear()));
        List<List<Step>> histories = new ArrayList<>();
        JqwikSession.start(String.valueOf(seed));
        try {
            for (int history = 0; history < HISTORIES; history++) {
                histories.add(steps().sample());
            }
        } finally {
            JqwikSession.finish();
        }
        for (int history = 0; history < HISTORIES; history++) {
            List<Step> steps = histories.get(history);
            for (Step step : steps) {
                apply(step);
            }
            String context = "seed " + seed + ", history " + history + ": " + steps;
            assertThat(given().queryParam("areaCode", "71").post("/api/v1/statistics/tallies/rebuild").then()
                    .statusCode(200).extract().jsonPath().getLong("rowsCorrected")).as(context).isZero();
            for (int year = 2022; year <= today.getYear(); year++) {
                for (String area : year <= 2024 ? List.of("71", "72") : List.of("71")) {
                    assertThat(report(area, year, true)).as(context + "; area " + area + ", year " + year)
                            .isEqualTo(report(area, year, false));
                }
            }
        }
        System.out.println("tally consistency, seed " + seed + ": steps accepted per kind " + accepted);
        assertThat(accepted).allSatisfy((kind, n) -> assertThat(n).as(kind + " accepted").isPositive());
        assertThat(accepted).hasSize(7);
    }

    private Arbitrary<Step> step() {
        Arbitrary<Integer> household = Arbitraries.integers().between(0, 10_000);
        Arbitrary<Integer> year = Arbitraries.integers().between(2022, today.getYear());
        Arbitrary<Integer> daysAgo = Arbitraries.integers().between(0, 1_700);
        Arbitrary<List<String>> causes = Arbitraries.of(CAUSES).list().uniqueElements().ofMaxSize(3);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Combinators.combine(Arbitraries.integers().between(0, 1),
                        Arbitraries.of(true, false), daysAgo, Arbitraries.of(true, false), Arbitraries.of(true, false))
                        .as(Register::new)),
                net.jqwik.api.Tuple.of(6, Combinators.combine(household, Arbitraries.of(STATUSES), year)
                        .as(Recognise::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(household, Arbitraries.integers().between(0, 1), daysAgo)
                        .as(Move::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(household, daysAgo).as(Dissolve::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(household, Arbitraries.of(true, false), causes)
                        .as(Correct::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(household, year,
                        Arbitraries.of(INDICATORS).list().uniqueElements().ofMaxSize(2)).as(Survey::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 2).map(ToSuccessor::new)));
    }

    private Arbitrary<List<Step>> steps() {
        return step().list().ofMinSize(5).ofMaxSize(20);
    }

    /** Households registered under the old communes while they were in force, some recognised then. */
    private void settledBeforeTheReform(Random random) {
        try {
            for (int i = 0; i < 12; i++) {
                LocalDate day = LocalDate.of(2022, 3, 1).plusDays(random.nextInt(1_100));
                on(day);
                String commune = OLD_COMMUNES.get(i % OLD_COMMUNES.size());
                List<String> villages = OLD_VILLAGES.get(commune);
                String id = register(commune, i % 4 == 3 ? null : villages.get(random.nextInt(villages.size())),
                        null, null, i % 2 == 0);
                if (id != null) {
                    households.add(id);
                    recognise(id, STATUSES.get(random.nextInt(STATUSES.size())), day.getYear(), day);
                }
            }
        } finally {
            clock.reset();
        }
    }

    private void apply(Step step) {
        if (step instanceof Register r) {
            String commune = COMMUNES.get(r.commune());
            List<String> villages = VILLAGES.get(commune);
            String village = r.village() ? villages.get(r.daysAgo() % villages.size()) : null;
            String preReform = r.preReform() ? (commune.equals("71001") ? "71002" : "72001") : null;
            String id = register(commune, village, today.minusDays(r.daysAgo()).toString(), preReform, r.minority());
            if (id != null) {
                households.add(id);
                count(step, 201);
            }
        } else if (step instanceof Recognise r) {
            LocalDate on = LocalDate.of(r.year(), 12, 15);
            count(step, recognise(pick(r.household()), r.status(), r.year(), on.isAfter(today) ? today : on));
        } else if (step instanceof Move m) {
            String id = pick(m.household());
            Map<String, Object> body = details(id);
            if (body != null) {
                body.put("communeCode", COMMUNES.get(m.commune()));
                body.remove("villageCode");
                body.put("residentSince", today.minusDays(m.daysAgo()).toString());
                count(step, given().contentType(ContentType.JSON).body(body).put("/api/v1/households/" + id)
                        .statusCode());
            }
        } else if (step instanceof Dissolve d) {
            count(step, given().contentType(ContentType.JSON)
                    .body(Map.of("on", today.minusDays(d.daysAgo()).toString(), "reason", "tách hộ"))
                    .post("/api/v1/households/" + pick(d.household()) + "/dissolution").statusCode());
        } else if (step instanceof Correct c) {
            String id = pick(c.household());
            Map<String, Object> body = details(id);
            if (body != null) {
                body.put("ethnicMinority", c.minority());
                body.put("causesOfPoverty", c.causes());
                count(step, given().contentType(ContentType.JSON).body(body).put("/api/v1/households/" + id)
                        .statusCode());
            }
        } else if (step instanceof Survey s) {
            count(step, survey(pick(s.household()), s.year(), s.deprived()));
        } else if (step instanceof ToSuccessor t) {
            var moved = given().contentType(ContentType.JSON)
                    .body(Map.of("communeCode", OLD_COMMUNES.get(t.oldCommune())))
                    .post("/api/v1/households/successor-moves").then().extract();
            count(step, moved.statusCode() == 200 && moved.jsonPath().getInt("moved") > 0 ? 200 : 409);
        }
    }

    private void count(Step step, int status) {
        accepted.merge(step.getClass().getSimpleName(), status / 100 == 2 ? 1 : 0, Integer::sum);
    }

    private String pick(int index) {
        return households.get(index % households.size());
    }

    /** The household's own data as an update takes them, or null when it cannot be changed any more. */
    private Map<String, Object> details(String id) {
        var found = given().get("/api/v1/households/" + id).then().statusCode(200).extract().jsonPath();
        if (found.get("dissolvedOn") != null) {
            return null;
        }
        Map<String, Object> body = HouseholdServiceTest.household(found.getString("communeCode"), "x", null);
        body.remove("members");
        body.put("version", found.getInt("version"));
        if (found.getString("villageCode") != null) {
            body.put("villageCode", found.getString("villageCode"));
        }
        return body;
    }

    private int survey(String household, int year, List<String> deprived) {
        String commune = given().get("/api/v1/households/" + household).then().extract().path("communeCode");
        String round = rounds.computeIfAbsent(commune + "@" + year, key -> given().contentType(ContentType.JSON)
                .body(Map.of("communeCode", commune, "kind", "PERIODIC", "reviewYear", year, "postingDays", 3,
                        "complaintDays", 2))
                .post("/api/v1/review-rounds").then().extract().path("id"));
        if (round == null) {
            rounds.remove(commune + "@" + year);
            return 409;
        }
        String reviewCase = given().contentType(ContentType.JSON).body(Map.of("householdIds", List.of(household)))
                .post("/api/v1/review-rounds/" + round + "/cases").then().extract()
                .path("find { it.householdId == '" + household + "' }.id");
        return reviewCase == null ? 409 : given().contentType(ContentType.JSON).body(Map.of("surveyedOn",
                year + "-09-10", "additionalDeprivations", deprived)).post("/api/v1/review-cases/" + reviewCase
                + "/survey").statusCode();
    }

    private String register(String commune, String village, String residentSince, String preReform, boolean minority) {
        Map<String, Object> body = ReorganisationStatisticsTest.body(commune, village, residentSince, preReform, "thử");
        body.put("ethnicMinority", minority);
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/households").then().extract()
                .path("id");
    }

    private static int recognise(String household, String status, int year, LocalDate on) {
        return given().contentType(ContentType.JSON).body(Map.of("status", status, "reviewYear", year,
                "recognizedOn", on.toString(), "decisionNo", year + "/QĐ-UBND"))
                .post("/api/v1/households/" + household + "/status-recognitions").statusCode();
    }

    /** The report as JSON, read from the tallies or counted live (the year's tallies set aside meanwhile). */
    private String report(String area, int year, boolean tallied) {
        if (!tallied) {
            QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("UPDATE tally_year SET state = 'STALE' WHERE year = ?1").setParameter(1, year)
                    .executeUpdate());
        }
        try {
            return given().queryParam("areaCode", area).queryParam("year", year).get("/api/v1/statistics/poverty")
                    .then().statusCode(200).extract().asString();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("UPDATE tally_year SET state = 'BUILT' WHERE year = ?1").setParameter(1, year)
                    .executeUpdate());
        }
    }

    private void on(LocalDate day) {
        clock.set(Clock.fixed(day.atTime(9, 0).atZone(VietnamClock.ZONE).toInstant(), VietnamClock.ZONE));
    }
}
