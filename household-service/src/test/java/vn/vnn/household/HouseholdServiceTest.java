package vn.vnn.household;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.vnn.household.areas.AreaService;
import vn.vnn.localstack.testing.InfrastructureTestResource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "household"))
class HouseholdServiceTest {

    @Inject
    EntityManager entityManager;
    @Inject
    AreaService areas;

    @BeforeEach
    void demoProvince() throws Exception {
        HouseholdServiceTest.loadDemoAreas(areas);
    }

    /** The demo province 99 (deploy/demo), as the local stack loads it. */
    static void loadDemoAreas(AreaService areas) throws java.io.IOException {
        areas.importCsv(Files.readString(Path.of("../deploy/demo/areas.csv"), StandardCharsets.UTF_8), true, "test");
    }

    @Test
    @TestSecurity(user = "commune.officer", roles = {"commune-officer", "commune-chairman"})
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"99111\"]", type = ClaimType.JSON_ARRAY))
    void aCommuneOfficerRegistersAndRecognisesAHouseholdInTheirCommune() {
        String id = register("99111", "Nguyễn Thị Hoà", citizenId(1985, "FEMALE"));
        given().get("/api/v1/households/" + id).then().statusCode(200)
                .body("provinceCode", equalTo("99")).body("areaType", equalTo("RURAL"))
                .body("memberCount", equalTo(2)).body("members", hasSize(2))
                .body("headName", equalTo("Nguyễn Thị Hoà"));
        String recognition = given().contentType(ContentType.JSON)
                .body(Map.of("status", "POOR", "reviewYear", 2025, "recognizedOn", "2025-12-15",
                        "decisionNo", "125/QĐ-UBND"))
                .post("/api/v1/households/" + id + "/status-recognitions")
                .then().statusCode(201)
                // the first POOR recognition after the baseline year (2022) is newly poor (phát sinh)
                .body("transition", equalTo("NEWLY_POOR"))
                .body("standard", equalTo("VN-MPS-2022"))
                .body("recordedBy", equalTo("commune.officer"))
                .extract().path("id");
        given().get("/api/v1/households/" + id + "/status-recognitions/" + recognition).then().statusCode(200);
        given().get("/api/v1/households/" + id).then().statusCode(200).body("status", equalTo("POOR"));

        given().contentType(ContentType.JSON)
                .body(Map.of("status", "NEAR_POOR", "reviewYear", 2026, "recognizedOn", "2026-11-20"))
                .post("/api/v1/households/" + id + "/status-recognitions")
                .then().statusCode(201).body("transition", equalTo("ESCAPED_POVERTY")).body("previousStatus", equalTo("POOR"));
        given().contentType(ContentType.JSON)
                .body(Map.of("status", "POOR", "reviewYear", 2025, "recognizedOn", "2025-12-20"))
                .post("/api/v1/households/" + id + "/status-recognitions")
                .then().statusCode(409).contentType("application/problem+json");

        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = '" + id
                + "' AND event_type = 'vn.vnn.household.status-recognized.v1'")).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM outbox_event WHERE "
                + "aggregate_id = '" + id + "' AND sent_at IS NOT NULL") == 2);
        given().get("/api/v1/households?size=100").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.communeCode", everyItem(equalTo("99111")));
        given().get("/api/v1/households?name=hoà&status=NEAR_POOR").then().statusCode(200)
                .body("items.id", hasItem(id));
        // 2,400,000 đồng for 2 people, 7.25 m² each, a pit latrine, an unstable job: poor under VN-MPS-2022.
        given().get("/api/v1/households/" + id + "/assessment?date=2025-09-15").then().statusCode(200)
                .body("standard", equalTo("VN-MPS-2022"))
                .body("monthlyIncomePerCapitaVnd", equalTo(1_200_000))
                .body("flags.find { it.indicator == 'HOUSING_AREA' }.deprived", equalTo(true))
                .body("flags.find { it.indicator == 'HYGIENIC_LATRINE' }.deprived", equalTo(true))
                .body("flags.find { it.indicator == 'EMPLOYMENT' }.deprived", equalTo(true))
                .body("flags.find { it.indicator == 'DOMESTIC_WATER' }.deprived", equalTo(false))
                .body("undecided", contains("NUTRITION"))
                .body("classification.classification", equalTo("POOR"))
                .body("classification.deprivationCount", equalTo(3))
                .body("provisional", equalTo(false));
        given().get("/api/v1/households/" + id + "/assessment?date=2021-01-01").then().statusCode(422);
        assertThat(count("SELECT count(*) FROM audit_log WHERE entity = 'HOUSEHOLD' AND entity_id = '" + id
                + "' AND action <> 'PERSONAL_DATA_READ'")).isPositive();
    }

    @Test
    @TestSecurity(user = "commune.officer", roles = "commune-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"99111\"]", type = ClaimType.JSON_ARRAY))
    void aCitizenIdBelongsToOneActiveHouseholdAndMovesKeepHistory() {
        String headId = citizenId(1970, "MALE");
        String a = register("99111", "Phạm Văn Một", headId);
        given().contentType(ContentType.JSON).body(household("99111", "Phạm Văn Hai", headId))
                .post("/api/v1/households").then().statusCode(422)
                .body("errors.field", hasItem("members[0].citizenId"));
        String b = register("99111", "Phạm Văn Ba", citizenId(1972, "MALE"));
        String child = given().get("/api/v1/households/" + a).then().extract()
                .path("members.find { it.relationship == 'CHILD' }.id");
        given().contentType(ContentType.JSON).body(Map.of("toHouseholdId", b, "movedOn", "2026-01-10"))
                .post("/api/v1/households/" + a + "/members/" + child + "/move")
                .then().statusCode(200).body("memberCount", equalTo(3));
        given().get("/api/v1/households/" + a).then().statusCode(200).body("memberCount", equalTo(1))
                .body("members.find { it.id == '" + child + "' }.active", equalTo(false))
                .body("members.find { it.id == '" + child + "' }.movedToHouseholdId", equalTo(b));
        // The head cannot leave; a stale version cannot overwrite.
        String head = given().get("/api/v1/households/" + a).then().extract()
                .path("members.find { it.relationship == 'HEAD' }.id");
        given().post("/api/v1/households/" + a + "/members/" + head + "/leave").then().statusCode(409);
        Map<String, Object> update = household("99111", null, null);
        update.remove("members");
        update.put("address", "Thôn Đông, xã An Hoà");
        update.put("version", 999);
        given().contentType(ContentType.JSON).body(update).put("/api/v1/households/" + a).then().statusCode(409);
        update.put("version", given().get("/api/v1/households/" + a).then().extract().path("version"));
        given().contentType(ContentType.JSON).body(update).put("/api/v1/households/" + a).then().statusCode(200)
                .body("address", equalTo("Thôn Đông, xã An Hoà"));
    }

    @Test
    @TestSecurity(user = "province.officer", roles = "province-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"99\"]", type = ClaimType.JSON_ARRAY))
    void aProvinceOfficerSeesTheProvinceWithPersonalDataMasked() {
        String id = seed("99211");
        given().get("/api/v1/households/" + id).then().statusCode(200)
                .body("phone", equalTo("09******78"))
                .body("members.citizenId", everyItem(org.hamcrest.Matchers.matchesPattern("[0-9]{3}\\*{7}[0-9]{2}")));
        given().get("/api/v1/households?citizenId=001090123456").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "commune.officer", roles = {"commune-officer", "commune-chairman"})
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"99111\"]", type = ClaimType.JSON_ARRAY))
    void anotherCommunesHouseholdIsInvisibleEvenById() {
        String foreign = seed("99112");
        given().get("/api/v1/households/" + foreign).then().statusCode(404);
        given().get("/api/v1/households?communeCode=99112").then().statusCode(200).body("items", hasSize(0));
        given().contentType(ContentType.JSON)
                .body(Map.of("status", "POOR", "reviewYear", 2025, "recognizedOn", "2025-12-15"))
                .post("/api/v1/households/" + foreign + "/status-recognitions").then().statusCode(404);
        given().contentType(ContentType.JSON).body(household("99112", "X", null))
                .post("/api/v1/households").then().statusCode(422).body("errors[0].field", equalTo("communeCode"));

        // Every other way in answers as if the household did not exist, and changes nothing.
        String member = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT CAST(id AS text) FROM household_member WHERE household_id = CAST(?1 AS uuid)")
                .setParameter(1, foreign).getSingleResult().toString());
        String own = register("99111", "Lâm Văn Đức", null);
        String path = "/api/v1/households/" + foreign;
        given().get(path + "/assessment").then().statusCode(404);
        given().get(path + "/status-recognitions").then().statusCode(404);
        given().get(path + "/status-recognitions/" + java.util.UUID.randomUUID()).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("communeCode", "99112", "version", 0))
                .put(path).then().statusCode(404);
        given().contentType(ContentType.JSON).body(member("Lâm Thị Hoa", "CHILD", null, 2015, "FEMALE"))
                .post(path + "/members").then().statusCode(404);
        given().post(path + "/members/" + member + "/leave?on=2025-10-01").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("toHouseholdId", own, "movedOn", "2025-10-01"))
                .post(path + "/members/" + member + "/move").then().statusCode(404);
        given().get("/api/v1/statistics/poverty?areaCode=99112&year=2025").then().statusCode(404);
        given().get("/api/v1/statistics/poverty.csv?areaCode=99112&year=2025").then().statusCode(404);
        given().get("/api/v1/statistics/poverty?areaCode=99&year=2025").then().statusCode(404);
        assertThat(count("SELECT count(*) FROM audit_log WHERE entity = 'HOUSEHOLD' AND entity_id = '" + foreign
                + "'")).isZero();
        assertThat(count("SELECT count(*) FROM household_member WHERE household_id = '" + foreign
                + "' AND active")).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void invalidInputIs422() {
        Map<String, Object> bad = household("99101", "", "123");
        given().contentType(ContentType.JSON).body(bad).post("/api/v1/households").then().statusCode(422)
                .body("errors.field", hasItem("members[0].fullName"));
        bad.put("members", List.of(member("Ai đó", "CHILD", null, 2010, "MALE")));
        given().contentType(ContentType.JSON).body(bad).post("/api/v1/households").then().statusCode(422)
                .body("errors.field", contains("communeCode"));
        Map<String, Object> noHead = household("99111", "X", null);
        noHead.put("members", List.of(member("Ai đó", "CHILD", null, 2010, "MALE")));
        given().contentType(ContentType.JSON).body(noHead).post("/api/v1/households").then().statusCode(422)
                .body("errors.field", hasItem("members"));
        Map<String, Object> wrongId = household("99111", "Lò Văn Páo", null);
        wrongId.put("members", List.of(member("Lò Văn Páo", "HEAD", "001290123456", 1985, "MALE")));
        given().contentType(ContentType.JSON).body(wrongId).post("/api/v1/households").then().statusCode(422)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("birth year"));
        String id = register("99112", "Lò Văn Páo", null);
        given().contentType(ContentType.JSON)
                .body(Map.of("status", "RICH", "reviewYear", 2025, "recognizedOn", "2025-12-15"))
                .post("/api/v1/households/" + id + "/status-recognitions").then().statusCode(422)
                .body("errors[0].field", equalTo("status"));
        given().contentType(ContentType.JSON)
                .body(Map.of("status", "POOR", "reviewYear", 2025, "recognizedOn", "2099-12-15"))
                .post("/api/v1/households/" + id + "/status-recognitions").then().statusCode(422)
                .body("errors[0].field", equalTo("recognizedOn"));
        given().get("/api/v1/households?status=RICH").then().statusCode(422);
        given().get("/api/v1/households/" + id).then().statusCode(200).body("phone", not(org.hamcrest.Matchers
                .containsString("*")));
    }

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    void fundOfficersDoNotReadTheRegistry() {
        given().get("/api/v1/households").then().statusCode(403);
    }

    /** A household in another commune, written directly as the admin would have. */
    private String seed(String commune) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String id = java.util.UUID.randomUUID().toString();
            entityManager.createNativeQuery("""
                    INSERT INTO household (id, code, head_name, commune_code, province_code, area_type, member_count,
                      phone, created_by, created_at, updated_at)
                    VALUES (CAST(?1 AS uuid), ?2, 'Trần Văn B', ?3, '99', 'URBAN', 1, '0912345678', 'seed', now(), now())""")
                    .setParameter(1, id).setParameter(2, "HH-" + id).setParameter(3, commune).executeUpdate();
            entityManager.createNativeQuery("""
                    INSERT INTO household_member (id, household_id, full_name, birth_date, sex, relationship, citizen_id,
                      health_insurance, school_status, education_level, diploma, disability, working_capacity,
                      employment, joined_on)
                    VALUES (gen_random_uuid(), CAST(?1 AS uuid), 'Trần Văn B', DATE '1990-01-01', 'MALE', 'HEAD', ?2,
                      true, 'FINISHED', 'UPPER_SECONDARY', 'UPPER_SECONDARY', false, 'FULL', 'STABLE', DATE '2020-01-01')""")
                    .setParameter(1, id).setParameter(2, citizenId(1990, "MALE")).executeUpdate();
            return id;
        });
    }

    private static String register(String commune, String head, String citizenId) {
        return given().contentType(ContentType.JSON).body(household(commune, head, citizenId))
                .post("/api/v1/households").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> household(String commune, String head, String citizenId) {
        Map<String, Object> body = new HashMap<>();
        body.put("communeCode", commune);
        body.put("address", "Thôn Đông");
        body.put("phone", "0912345678");
        body.put("ethnicMinority", true);
        body.put("monthlyIncomeVnd", 2_400_000);
        body.put("housing", Map.of("floorAreaM2", 14.5, "wallMaterial", "BAMBOO", "columnMaterial", "DURABLE_WOOD",
                "roofMaterial", "METAL_SHEET"));
        body.put("waterSource", "DRILLED_WELL");
        body.put("latrineType", "PIT_WITHOUT_SLAB");
        body.put("telecomUse", true);
        body.put("informationDevices", List.of("MOBILE_PHONE"));
        body.put("causesOfPoverty", List.of("LACK_OF_CAPITAL", "ILLNESS"));
        body.put("members", List.of(member(head, "HEAD", citizenId, citizenYear(citizenId), citizenSex(citizenId)),
                member("Con " + head, "CHILD", null, 2015, "MALE")));
        return body;
    }

    static Map<String, Object> member(String name, String relationship, String citizenId, int year, String sex) {
        Map<String, Object> member = new HashMap<>();
        member.put("fullName", name);
        member.put("birthDate", year + "-03-04");
        member.put("sex", sex);
        member.put("relationship", relationship);
        if (citizenId != null) {
            member.put("citizenId", citizenId);
        }
        member.put("healthInsurance", true);
        member.put("schoolStatus", year > 2008 ? "ATTENDING" : "FINISHED");
        member.put("educationLevel", "LOWER_SECONDARY");
        member.put("diploma", "LOWER_SECONDARY");
        member.put("disability", false);
        member.put("workingCapacity", "FULL");
        member.put("employment", year > 2008 ? "STUDENT" : "UNSTABLE");
        return member;
    }

    private static int citizenYear(String id) {
        if (id == null || !id.matches("[0-9]{12}")) {
            return 1985;
        }
        return (id.charAt(3) - '0' >= 2 ? 2000 : 1900) + Integer.parseInt(id.substring(4, 6));
    }

    private static String citizenSex(String id) {
        return id == null || !id.matches("[0-9]{12}") ? "FEMALE" : ((id.charAt(3) - '0') % 2 == 0 ? "MALE" : "FEMALE");
    }

    /** A valid, random citizen ID for a person born in {@code year} of {@code sex}. */
    static String citizenId(int year, String sex) {
        int century = (year >= 2000 ? 2 : 0) + ("FEMALE".equals(sex) ? 1 : 0);
        return String.format("%03d%d%02d%06d", ThreadLocalRandom.current().nextInt(1, 97), century, year % 100,
                ThreadLocalRandom.current().nextInt(1_000_000));
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
