package vn.vnn.household;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.vnn.household.areas.AreaService;
import vn.vnn.kit.time.VietnamClock;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small synthetic province through the 2025 reorganisation, with exact figures for 2023–2026 at commune and
 * province level (docs/domain-rules.md, statistics rules 1–5; Quyết định 19/2025/QĐ-TTg on codes, Quyết định
 * 24/2021/QĐ-TTg on the review, Thông tư 07/2021/TT-BLĐTBXH on the reports' dynamics).
 *
 * <p>Before 1 July 2025: old province 93 (district 931: communes 93001, 93002, 93003) and old province 94 (district
 * 941: communes 94001, 94002). From 1 July 2025 province 93 reuses the old 93's code and takes in 94; the new commune
 * 93001 reuses a code too and is formed from 93001, 93002 and the village 93003-01 of 93003, which is split: its
 * village 93003-02 goes into the new 93010. 94001 and 94002 become 93011. Villages keep their codes.
 *
 * <p>Households: A1–A5 registered before the reform under the old codes (A1 escapes in a regular review of 2025 and is
 * confirmed near-poor in the periodic one; A4 of the split commune has no village), B1–B3 registered after it (B1's
 * village places it in the old 93002; B2 records its pre-reform commune 93003; B3 has neither, so before the reform it
 * counts only in district 941, "not attributable to a commune"), B4 formed in 2026; A5 moves in 2026; A2 is
 * dissolved in 2026. The baseline year is 2022 (A3's recognition that year is the opening list).
 */
@QuarkusTest
@TestSecurity(user = "stats.admin", roles = "admin")
class ReorganisationStatisticsTest {

    private static final String UNITS = """
            code,name,level,parentCode,type,validFrom,validTo,successorCodes
            93,Tỉnh Bắc (cũ),PROVINCE,,RURAL,2008-01-01,2025-06-30,93
            94,Tỉnh Nam (cũ),PROVINCE,,RURAL,2008-01-01,2025-06-30,93
            931,Huyện Một,DISTRICT,93,RURAL,2008-01-01,2025-06-30,
            941,Huyện Hai,DISTRICT,94,RURAL,2008-01-01,2025-06-30,
            93001,Xã Đông (cũ),COMMUNE,931,RURAL,2008-01-01,2025-06-30,93001
            93002,Xã Tây,COMMUNE,931,RURAL,2008-01-01,2025-06-30,93001
            93003,Xã Trung,COMMUNE,931,RURAL,2008-01-01,2025-06-30,93001;93010
            94001,Xã Nam Một,COMMUNE,941,RURAL,2008-01-01,2025-06-30,93011
            94002,Xã Nam Hai,COMMUNE,941,RURAL,2008-01-01,2025-06-30,93011
            93001-01,Thôn Đông,VILLAGE,93001,RURAL,2008-01-01,2025-06-30,
            93002-01,Thôn Tây,VILLAGE,93002,RURAL,2008-01-01,2025-06-30,
            93003-01,Thôn Trung Thượng,VILLAGE,93003,RURAL,2008-01-01,2025-06-30,
            93003-02,Thôn Trung Hạ,VILLAGE,93003,RURAL,2008-01-01,2025-06-30,
            94001-01,Thôn Nam Một,VILLAGE,94001,RURAL,2008-01-01,2025-06-30,
            94002-01,Thôn Nam Hai,VILLAGE,94002,RURAL,2008-01-01,2025-06-30,
            93,Tỉnh Hợp Nhất,PROVINCE,,RURAL,2025-07-01,,
            93001,Xã Đông,COMMUNE,93,RURAL,2025-07-01,,
            93010,Xã Trung Hạ,COMMUNE,93,RURAL,2025-07-01,,
            93011,Xã Nam,COMMUNE,93,RURAL,2025-07-01,,
            93001-01,Thôn Đông,VILLAGE,93001,RURAL,2025-07-01,,
            93002-01,Thôn Tây,VILLAGE,93001,RURAL,2025-07-01,,
            93003-01,Thôn Trung Thượng,VILLAGE,93001,RURAL,2025-07-01,,
            93003-02,Thôn Trung Hạ,VILLAGE,93010,RURAL,2025-07-01,,
            94001-01,Thôn Nam Một,VILLAGE,93011,RURAL,2025-07-01,,
            94002-01,Thôn Nam Hai,VILLAGE,93011,RURAL,2025-07-01,,
            """;

    @Inject
    AreaService areas;
    @Inject
    VietnamClock clock;
    @Inject
    jakarta.persistence.EntityManager entityManager;

    private static boolean seeded;
    private static final Map<String, String> ids = new HashMap<>();

    @BeforeEach
    void story() {
        if (!seeded) {
            areas.importCsv(UNITS, false, "test");
            live();
            seeded = true;
        }
        on(LocalDate.of(2026, 12, 1));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** What happened, day by day, through the API. */
    private void live() {
        on(LocalDate.of(2022, 11, 1));
        ids.put("A1", register("93001", "93001-01", null, null, "A1"));
        ids.put("A2", register("93002", "93002-01", null, null, "A2"));
        ids.put("A3", register("93003", "93003-02", null, null, "A3"));
        ids.put("A4", register("93003", null, null, null, "A4"));
        ids.put("A5", register("94001", "94001-01", null, null, "A5"));
        on(LocalDate.of(2022, 12, 20));
        recognise("A3", "POOR", 2022, "2022-12-15");
        on(LocalDate.of(2023, 12, 20));
        recognise("A1", "POOR", 2023, "2023-12-15");
        recognise("A2", "NEAR_POOR", 2023, "2023-12-15");
        recognise("A3", "NEAR_POOR", 2023, "2023-12-15");
        recognise("A4", "POOR", 2023, "2023-12-15");
        recognise("A5", "POOR", 2023, "2023-12-15");
        on(LocalDate.of(2024, 12, 20));
        recognise("A1", "POOR", 2024, "2024-12-15");
        recognise("A2", "POOR", 2024, "2024-12-15");
        recognise("A3", "POOR", 2024, "2024-12-15");
        recognise("A5", "POOR", 2024, "2024-12-15");
        on(LocalDate.of(2025, 5, 20));
        recognise("A1", "NEAR_POOR", 2025, "2025-05-15"); // a regular (monthly) review: A1 escapes poverty
        on(LocalDate.of(2025, 8, 1));
        // registered after the reform, in the new communes
        given().contentType(ContentType.JSON).body(body("93001", null, null, "94001", "X"))
                .post("/api/v1/households").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("preReformCommuneCode"));
        ids.put("B1", register("93001", "93002-01", null, null, "B1"));
        ids.put("B2", register("93001", null, null, "93003", "B2"));
        ids.put("B3", register("93011", null, null, null, "B3"));
        recognise("B1", "POOR", 2024, "2024-12-15"); // last year's decision, entered late
        recognise("B3", "POOR", 2024, "2024-12-15");
        on(LocalDate.of(2025, 12, 20));
        recognise("A1", "NEAR_POOR", 2025, "2025-12-15"); // the periodic review confirms it
        recognise("A2", "POOR", 2025, "2025-12-15");
        recognise("B1", "POOR", 2025, "2025-12-15");
        recognise("B2", "NEAR_POOR", 2025, "2025-12-15");
        on(LocalDate.of(2026, 3, 1));
        ids.put("B4", register("93010", "93003-02", "2026-03-01", null, "B4"));
        on(LocalDate.of(2026, 5, 2));
        move("A5", "93001", "93001-01", "2026-05-01");
        on(LocalDate.of(2026, 6, 1));
        given().contentType(ContentType.JSON).body(Map.of("on", "2026-06-01", "reason", "Nhập vào hộ khác"))
                .post("/api/v1/households/" + ids.get("A2") + "/dissolution").then().statusCode(200)
                .body("dissolvedOn", org.hamcrest.Matchers.equalTo("2026-06-01"));
        given().contentType(ContentType.JSON).body(Map.of("status", "NOT_POOR", "reviewYear", 2026,
                        "recognizedOn", "2026-06-01"))
                .post("/api/v1/households/" + ids.get("A2") + "/status-recognitions").then().statusCode(409);
        on(LocalDate.of(2026, 11, 25));
        recognise("B4", "POOR", 2026, "2026-11-20");
    }

    @Test
    void year2023OnTheOldTreeWithHouseholdsRegisteredLaterPlacedByVillageAndRecordedCommune() {
        JsonPath old93 = poverty("93", 2023);
        // A1 (93001), A2 + B1 by its village (93002), A3 + A4 + B2 by its recorded commune (93003); the new
        // province's other half, old 94, is not in it although 93 is the same code
        assertThat(old93.getString("areaName")).isEqualTo("Tỉnh Bắc (cũ)");
        assertFigures(old93, 6, 2, 2);
        assertDynamics(old93, 1, 1, 2, 0, 0, 0, 0, 2);
        assertThat(old93.getString("children.areaCode")).isEqualTo("[931]");
        assertFigures(poverty("93003", 2023), 3, 1, 1);
        assertFigures(poverty("93002", 2023), 2, 0, 1);
        JsonPath old94 = poverty("94", 2023);
        assertFigures(old94, 2, 1, 0); // A5 and B3 (attributable to district 941 only)
        JsonPath district = poverty("941", 2023);
        assertThat(line(district, "NOT_ATTRIBUTABLE").getInt("registeredHouseholds")).isEqualTo(1);
        assertThat(line(district, "94001").getInt("registeredHouseholds")).isEqualTo(1);
        assertThat(line(district, "94002").getInt("registeredHouseholds")).isEqualTo(0);
    }

    @Test
    void year2024CountsNewlyPoorAndRePoorAndBalances() {
        JsonPath old93 = poverty("93", 2024);
        assertFigures(old93, 6, 5, 0);
        // poor 2023 (A1, A4) − 0 escaped + 2 newly (A2, B1) + 1 re-poor (A3) = 5
        assertDynamics(old93, 2, 0, 2, 1, 0, 0, 0, 5);
        assertThat(old93.getDouble("povertyRatePercent")).isEqualTo(83.33);
        JsonPath old94 = poverty("94", 2024);
        assertFigures(old94, 2, 2, 0);
        assertDynamics(old94, 1, 0, 1, 0, 0, 0, 0, 2);
        assertFigures(poverty("93002", 2024), 2, 2, 0);
    }

    @Test
    void year2025OnTheNewTreeCountsTheEscapeOfTheRegularReviewAndTheSplitCommuneByVillage() {
        JsonPath merged = poverty("93", 2025);
        assertThat(merged.getString("areaName")).isEqualTo("Tỉnh Hợp Nhất");
        assertFigures(merged, 8, 6, 2);
        assertDynamics(merged, 7, 1, 0, 0, 0, 0, 0, 6);
        assertThat(merged.getString("residentHouseholdsSource")).isEqualTo("REGISTRY");
        assertThat(line(merged, "93001").getInt("poor")).isEqualTo(2);
        assertThat(line(merged, "93001").getInt("escaped")).isEqualTo(1);
        assertThat(line(merged, "93010").getInt("registeredHouseholds")).isEqualTo(1); // A3, by its village
        assertThat(line(merged, "93011").getInt("poor")).isEqualTo(2);
        // A4 of the split commune, without a village: in the province, on its own line
        assertThat(line(merged, "NOT_ATTRIBUTABLE").getInt("poor")).isEqualTo(1);
        JsonPath commune = poverty("93001", 2025);
        assertFigures(commune, 4, 2, 2);
        assertDynamics(commune, 3, 1, 0, 0, 0, 0, 0, 2);
    }

    @Test
    void year2026CountsMovesDissolutionsAndNewHouseholds() {
        JsonPath merged = poverty("93", 2026);
        assertFigures(merged, 8, 6, 2);
        // poor at the end of 2025 (A2 dissolved, A3, A4, A5 moved within, B1, B3) + 1 newly (B4) − 1 out (A2)
        assertDynamics(merged, 6, 0, 1, 0, 0, 0, 1, 6);
        JsonPath east = poverty("93001", 2026);
        assertFigures(east, 4, 2, 2);
        assertDynamics(east, 2, 0, 0, 0, 0, 1, 1, 2);
        JsonPath south = poverty("93011", 2026);
        assertFigures(south, 1, 1, 0);
        assertDynamics(south, 2, 0, 0, 0, 0, 0, 1, 1);
        assertFigures(poverty("93010", 2026), 2, 2, 0);
        // before its formation B4 counts nowhere
        assertThat(poverty("93", 2025).getInt("registeredHouseholds")).isEqualTo(8);
    }

    @Test
    void movingHouseholdsFromOldCodesToSuccessorsChangesNoFigureAndReachesThemUnderTheNewCode() {
        Map<Integer, String> before = new HashMap<>();
        for (int year = 2023; year <= 2026; year++) {
            before.put(year, poverty("93", year).prettify());
        }
        JsonPath dry = given().contentType(ContentType.JSON).body(Map.of("communeCode", "93003", "dryRun", true))
                .post("/api/v1/households/successor-moves").then().statusCode(200).extract().jsonPath();
        assertThat(dry.getInt("moved")).isEqualTo(1);
        assertThat(dry.getList("notMoved")).hasSize(1); // A4: no village, split commune
        for (String old : List.of("93001", "93002", "93003", "94001")) {
            given().contentType(ContentType.JSON).body(Map.of("communeCode", old))
                    .post("/api/v1/households/successor-moves").then().statusCode(200);
        }
        given().get("/api/v1/households/" + ids.get("A3")).then().statusCode(200)
                .body("communeCode", org.hamcrest.Matchers.equalTo("93010"))
                .body("provinceCode", org.hamcrest.Matchers.equalTo("93"));
        given().get("/api/v1/households/" + ids.get("A4")).then().statusCode(200)
                .body("communeCode", org.hamcrest.Matchers.equalTo("93003"));
        given().get("/api/v1/households/" + ids.get("A3") + "/residences").then().statusCode(200)
                .body("reason", org.hamcrest.Matchers.contains("REGISTERED", "REORGANISED"))
                .body("validTo[0]", org.hamcrest.Matchers.equalTo("2025-06-30"));
        for (int year = 2023; year <= 2026; year++) {
            assertThat(poverty("93", year).prettify()).as("figures of " + year).isEqualTo(before.get(year));
        }
        given().contentType(ContentType.JSON).body(Map.of("communeCode", "93010"))
                .post("/api/v1/households/successor-moves").then().statusCode(404);
    }

    @Test
    void provinceDataAsTheDenominatorIsNamedAndUsed() {
        given().contentType("text/csv").header("Idempotency-Key", "resident-2025-" + System.nanoTime())
                .body("communeCode,year,households,source\n93001,2025,120,Báo cáo dân số 2025\n"
                        + "93010,2025,80,Báo cáo dân số 2025\n")
                .put("/api/v1/statistics/resident-households").then().statusCode(200)
                .body("rows", org.hamcrest.Matchers.equalTo(2));
        JsonPath merged = poverty("93", 2025);
        // 120 + 80 supplied + 2 of the registry for 93011; the unattributed household is within the supplied ones
        assertThat(merged.getLong("residentHouseholds")).isEqualTo(202);
        assertThat(merged.getString("residentHouseholdsSource")).isEqualTo("MIXED");
        assertThat(merged.getLong("registeredHouseholds")).isEqualTo(8);
        assertThat(merged.getDouble("povertyRatePercent")).isEqualTo(2.97);
        JsonPath east = poverty("93001", 2025);
        assertThat(east.getString("residentHouseholdsSource")).isEqualTo("PROVINCE_DATA");
        assertThat(east.getDouble("povertyRatePercent")).isEqualTo(1.67);
        // a commune not in force on 31 December of the year, and a row without its source: nothing imported
        given().contentType("text/csv").header("Idempotency-Key", "resident-bad-" + System.nanoTime())
                .body("communeCode,year,households,source\n93002,2025,50,x\n93011,2025,40,\n")
                .put("/api/v1/statistics/resident-households").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItems("row 2 communeCode", "row 3 source"));
        assertThat(poverty("93011", 2025).getString("residentHouseholdsSource")).isEqualTo("REGISTRY");
        // not counted in 2024: the supplied figures are of 2025
        assertThat(poverty("93", 2024).getString("residentHouseholdsSource")).isEqualTo("REGISTRY");
    }

    /**
     * The communes' figures go to the other services (household.commune-poverty-rate.v1) when they change: each
     * commune version on the year's tree once, again only after a change.
     */
    @Test
    void communeFiguresArePublishedOnceAndAgainOnlyWhenTheyChange() {
        JsonPath first = given().post("/api/v1/statistics/publications?year=2024").then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getInt("communes")).isGreaterThanOrEqualTo(5);
        given().post("/api/v1/statistics/publications?year=2024").then().statusCode(200)
                .body("published", org.hamcrest.Matchers.equalTo(0));
        String payload = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("""
                        SELECT CAST(payload AS text) FROM outbox_event
                        WHERE topic = 'household.commune-poverty-rate.v1' AND aggregate_id = '93002'
                          AND CAST(payload AS text) LIKE '%"year":2024%' ORDER BY seq DESC LIMIT 1""")
                .getSingleResult());
        // old 93002 in 2024: A2 and B1 (placed by its village), both poor; the old version's first day
        assertThat(payload).contains("\"residentHouseholds\":2", "\"poorHouseholds\":2",
                "\"communeVersionFrom\":\"2008-01-01\"", "\"provinceCode\":\"93\"");
        given().post("/api/v1/statistics/publications?year=1999").then().statusCode(422);
    }

    private static void assertFigures(JsonPath figures, long resident, long poor, long nearPoor) {
        assertThat(figures.getLong("registeredHouseholds")).as("registered households").isEqualTo(resident);
        assertThat(figures.getLong("poor")).as("poor").isEqualTo(poor);
        assertThat(figures.getLong("nearPoor")).as("near-poor").isEqualTo(nearPoor);
    }

    private static void assertDynamics(JsonPath figures, long poorPrevious, long escaped, long newlyPoor, long rePoor,
                                       long firstRecorded, long movedIn, long movedOut, long poor) {
        assertThat(List.of(figures.getLong("dynamics.poorPreviousYear"), figures.getLong("dynamics.escaped"),
                figures.getLong("dynamics.newlyPoor"), figures.getLong("dynamics.rePoor"),
                figures.getLong("dynamics.firstRecorded"), figures.getLong("dynamics.movedIn"),
                figures.getLong("dynamics.movedOut"), figures.getLong("dynamics.poor")))
                .as("poorPreviousYear, escaped, newlyPoor, rePoor, firstRecorded, movedIn, movedOut, poor")
                .containsExactly(poorPrevious, escaped, newlyPoor, rePoor, firstRecorded, movedIn, movedOut, poor);
        assertThat(figures.getBoolean("dynamics.balanced")).isTrue();
        assertThat(figures.getLong("escaped")).isEqualTo(escaped);
        assertThat(figures.getLong("newlyPoor")).isEqualTo(newlyPoor);
        assertThat(figures.getLong("rePoor")).isEqualTo(rePoor);
    }

    private static JsonPath poverty(String area, int year) {
        return given().get("/api/v1/statistics/poverty?areaCode=" + area + "&year=" + year).then().statusCode(200)
                .extract().jsonPath();
    }

    /** One line of a report's sub-areas: by code, or the NOT_ATTRIBUTABLE line. */
    private static JsonPath line(JsonPath figures, String codeOrLevel) {
        List<Map<String, Object>> children = figures.getList("children");
        Map<String, Object> found = children.stream().filter(c -> codeOrLevel.equals(c.get("areaCode"))
                        && !"NOT_ATTRIBUTABLE".equals(c.get("level")) || codeOrLevel.equals(c.get("level")))
                .findFirst().orElseThrow(() -> new AssertionError("no line " + codeOrLevel + " in " + children));
        return new JsonPath(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(found).toString());
    }

    private void on(LocalDate day) {
        clock.set(Clock.fixed(day.atTime(9, 0).atZone(VietnamClock.ZONE).toInstant(), VietnamClock.ZONE));
    }

    private static String register(String commune, String village, String residentSince, String preReform,
                                   String name) {
        return given().contentType(ContentType.JSON).body(body(commune, village, residentSince, preReform, name))
                .post("/api/v1/households").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> body(String commune, String village, String residentSince, String preReform,
                                            String name) {
        Map<String, Object> body = HouseholdServiceTest.household(commune, "Hộ " + name, null);
        if (village != null) {
            body.put("villageCode", village);
        }
        if (residentSince != null) {
            body.put("residentSince", residentSince);
        }
        if (preReform != null) {
            body.put("preReformCommuneCode", preReform);
        }
        return body;
    }

    private static void recognise(String household, String status, int reviewYear, String on) {
        given().contentType(ContentType.JSON).body(Map.of("status", status, "reviewYear", reviewYear,
                        "recognizedOn", on, "decisionNo", reviewYear + "/QĐ-UBND"))
                .post("/api/v1/households/" + ids.get(household) + "/status-recognitions").then().statusCode(201);
    }

    private static void move(String household, String commune, String village, String on) {
        String id = ids.get(household);
        int version = given().get("/api/v1/households/" + id).then().statusCode(200).extract().path("version");
        Map<String, Object> body = body(commune, village, on, null, household);
        body.remove("members");
        body.put("version", version);
        given().contentType(ContentType.JSON).body(body).put("/api/v1/households/" + id).then().statusCode(200);
    }
}
