package vn.vnn.household;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.vnn.household.areas.AreaService;
import vn.vnn.localstack.testing.TestTokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * No caller learns whether a citizen ID or a household ref is registered outside their areas: a registration or an
 * import row that conflicts with a household the caller may not see gets the same answer as one without any
 * conflict; the conflict waits in a queue for the admins and the province officers of the other area.
 */
@QuarkusTest
class MemberConflictTest {

    private static final String ADMIN = TestTokens.of("admin", List.of("admin"), List.of());
    private static final String OFFICER = TestTokens.of("officer.99111", List.of("commune-officer"),
            List.of("99111"));
    private static final String PROVINCE = TestTokens.of("officer.99", List.of("province-officer"), List.of("99"));

    @Inject
    AreaService areas;
    @Inject
    EntityManager entityManager;

    @BeforeEach
    void demoProvince() throws Exception {
        HouseholdServiceTest.loadDemoAreas(areas);
    }

    @Test
    void aRegistrationThatConflictsOutsideTheCallersAreasLooksLikeAnyOtherAndWaitsForTheOtherArea() {
        String citizen = HouseholdServiceTest.citizenId(1982, "MALE");
        String elsewhere = withMember(ADMIN, "99211", "Triệu Thị Chủ", citizen, "Triệu Văn Xa", 1982, "MALE");

        Map<String, Object> conflicting = HouseholdServiceTest.household("99111", "Triệu Văn Gần", citizen);
        Map<String, Object> clean = HouseholdServiceTest.household("99111", "Triệu Văn Sạch",
                HouseholdServiceTest.citizenId(1982, "MALE"));
        Map<String, Object> a = shape(given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(conflicting)
                .post("/api/v1/households").then().statusCode(201).extract().path(""));
        Map<String, Object> b = shape(given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(clean)
                .post("/api/v1/households").then().statusCode(201).extract().path(""));
        assertThat(a).isEqualTo(b);
        String mine = given().auth().oauth2(OFFICER).get("/api/v1/households?citizenId=" + citizen).then()
                .statusCode(200).extract().path("items[0].id");
        Map<String, Object> read = shape(given().auth().oauth2(OFFICER).get("/api/v1/households/" + mine).then()
                .statusCode(200).extract().path(""));
        assertThat(read).isEqualTo(b);

        // The commune officer has no queue; the other area's province officer and admins do.
        given().auth().oauth2(OFFICER).get("/api/v1/member-conflicts").then().statusCode(403);
        String conflict = given().auth().oauth2(PROVINCE).get("/api/v1/member-conflicts?size=100").then()
                .statusCode(200).body("items.existingHouseholdId", hasItem(elsewhere)).extract()
                .path("items.find { it.existingHouseholdId == '" + elsewhere + "' }.id");
        String otherProvince = TestTokens.of("officer.98", List.of("province-officer"), List.of("98"));
        given().auth().oauth2(otherProvince).get("/api/v1/member-conflicts?size=100").then().statusCode(200)
                .body("items.id", not(hasItem(conflict)));
        given().auth().oauth2(otherProvince).contentType(ContentType.JSON).body(Map.of("outcome", "MOVE"))
                .post("/api/v1/member-conflicts/" + conflict + "/resolution").then().statusCode(404);

        // Moving the person: they leave the old household and are active in the new one (a head would first have
        // to hand over).
        given().auth().oauth2(PROVINCE).contentType(ContentType.JSON)
                .body(Map.of("outcome", "MOVE", "note", "Đã chuyển đến xã An Hoà theo xác nhận của công an"))
                .post("/api/v1/member-conflicts/" + conflict + "/resolution").then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("outcome", equalTo("MOVE"));
        given().auth().oauth2(PROVINCE).contentType(ContentType.JSON).body(Map.of("outcome", "REJECT"))
                .post("/api/v1/member-conflicts/" + conflict + "/resolution").then().statusCode(409);
        given().auth().oauth2(ADMIN).get("/api/v1/households/" + elsewhere).then().statusCode(200)
                .body("members.find { it.citizenId == '" + citizen + "' }.active", equalTo(false))
                .body("members.find { it.citizenId == '" + citizen + "' }.movedToHouseholdId", equalTo(mine));
        given().auth().oauth2(OFFICER).get("/api/v1/households/" + mine).then().statusCode(200)
                .body("members.find { it.citizenId == '" + citizen + "' }.active", equalTo(true));
        assertThat(activeHolders(citizen)).isEqualTo(1);
    }

    @Test
    void aRejectedRegistrationIsToldThroughTheHouseholdsMembers() {
        String citizen = HouseholdServiceTest.citizenId(1991, "FEMALE");
        HouseholdScopeTest.register(ADMIN, "99211", "Ma Thị Cũ", citizen);
        Map<String, Object> household = HouseholdServiceTest.household("99111", "Ma Văn Chủ",
                HouseholdServiceTest.citizenId(1960, "MALE"));
        List<Map<String, Object>> members = new ArrayList<>(castMembers(household.get("members")));
        members.add(HouseholdServiceTest.member("Ma Thị Cũ", "SPOUSE", citizen, 1991, "FEMALE"));
        household.put("members", members);
        String mine = given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(household)
                .post("/api/v1/households").then().statusCode(201).body("memberCount", equalTo(3))
                .extract().path("id");
        String conflict = given().auth().oauth2(ADMIN).get("/api/v1/member-conflicts?size=100").then()
                .statusCode(200).extract().path("items.find { it.newHouseholdId == '" + mine + "' }.id");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("outcome", "REJECT",
                        "note", "Người này vẫn cư trú tại xã Bình Minh"))
                .post("/api/v1/member-conflicts/" + conflict + "/resolution").then().statusCode(200);
        given().auth().oauth2(OFFICER).get("/api/v1/households/" + mine).then().statusCode(200)
                .body("memberCount", equalTo(2))
                .body("members.find { it.citizenId == '" + citizen + "' }.active", equalTo(false))
                .body("members.find { it.citizenId == '" + citizen + "' }.leftReason",
                        equalTo("REGISTRATION_REJECTED"));
        assertThat(activeHolders(citizen)).isEqualTo(1);
    }

    @Test
    void aVisibleConflictIsStillReportedToTheCallerWhoCanSeeIt() {
        String citizen = HouseholdServiceTest.citizenId(1979, "MALE");
        HouseholdScopeTest.register(OFFICER, "99111", "Hầu Văn Một", citizen);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(HouseholdServiceTest.household("99111", "Hầu Văn Hai", citizen))
                .post("/api/v1/households").then().statusCode(422)
                .body("errors.field", hasItem("members[0].citizenId"));
    }

    @Test
    void importReportsRevealNothingOutsideTheCallersAreas() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String elsewhereCitizen = HouseholdServiceTest.citizenId(1970, "MALE");
        String existing = HouseholdScopeTest.register(ADMIN, "99211", "Sầm Văn Xa", elsewhereCitizen);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "UPDATE household SET household_ref = ?1 WHERE id = CAST(?2 AS uuid)")
                .setParameter(1, "REF-" + run).setParameter(2, existing).executeUpdate());
        List<List<String>> rows = new ArrayList<>();
        // 2: conflicts with a household in 99211, which this officer may not see: imported like any other
        rows.add(ImportApiTest.row(run + "-1", "99111", "Sầm Văn Gần", "HEAD", elsewhereCitizen, "1970-03-03",
                "MALE"));
        // 3 and 4: an existing and a missing ref in a commune outside the officer's areas: the same answer
        rows.add(ImportApiTest.row("REF-" + run, "99211", "Sầm Văn Xa", "HEAD", "", "1970-03-03", "MALE"));
        rows.add(ImportApiTest.row("NONE-" + run, "99211", "Sầm Văn Không", "HEAD", "", "1970-03-03", "MALE"));
        // 5: outside the areas and with a citizen ID in use: rejected for the area, nothing else checked
        rows.add(ImportApiTest.row(run + "-5", "99211", "Sầm Văn Năm", "HEAD", elsewhereCitizen, "1970-03-03",
                "MALE"));
        String location = upload(OFFICER, ImportApiTest.csv(rows), run).statusCode(202).extract()
                .header("Location");
        Map<String, Object> job = completed(OFFICER, location);
        assertThat(job).containsEntry("householdsCreated", 1).containsEntry("householdsUnchanged", 0)
                .containsEntry("householdsRejected", 3);
        List<Map<String, Object>> errors = given().auth().oauth2(OFFICER).get(location + "/errors?size=100").then()
                .statusCode(200).extract().path("items");
        assertThat(errors).extracting(e -> e.get("row") + ":" + e.get("column") + ":" + e.get("message"))
                .containsExactly("3:commune_code:is outside the areas granted to you",
                        "4:commune_code:is outside the areas granted to you",
                        "5:commune_code:is outside the areas granted to you");

        // A partner reads no household at all: every conflict waits in the queue, none is reported.
        String partner = TestTokens.of("service-account-partner-x", List.of("partner"), List.of("99"));
        String partnerCitizen = HouseholdServiceTest.citizenId(1971, "FEMALE");
        HouseholdScopeTest.register(OFFICER, "99111", "Sầm Thị Có", partnerCitizen);
        String partnerJob = upload(partner, ImportApiTest.csv(List.of(ImportApiTest.row(run + "-p", "99211",
                "Sầm Thị Có", "HEAD", partnerCitizen, "1971-04-04", "FEMALE"))), run + "-p").statusCode(202)
                .extract().header("Location");
        assertThat(completed(partner, partnerJob)).containsEntry("householdsCreated", 1)
                .containsEntry("householdsRejected", 0);
        given().auth().oauth2(partner).get(partnerJob + "/errors").then().statusCode(200).body("items", empty());
        given().auth().oauth2(ADMIN).get("/api/v1/member-conflicts?size=100").then().statusCode(200)
                .body("items.registeredBy", hasItem("service-account-partner-x"));
    }

    @Test
    void partnerImportsAreRateLimitedPerClientAndAudited() {
        String partner = TestTokens.of("service-account-busy", List.of("partner"), List.of("99"));
        String csv = ImportApiTest.csv(List.of(ImportApiTest.row("BUSY-" + UUID.randomUUID(), "99211",
                "Khổng Văn Bận", "HEAD", "", "1990-01-01", "MALE")));
        int accepted = 0;
        int limited = 0;
        for (int i = 0; i < 5; i++) {
            int status = upload(partner, csv, "busy-" + UUID.randomUUID()).extract().statusCode();
            if (status == 202) {
                accepted++;
            } else {
                assertThat(status).isEqualTo(429);
                limited++;
            }
        }
        assertThat(accepted).isEqualTo(3);
        assertThat(limited).isEqualTo(2);
        upload(partner, csv, "busy-" + UUID.randomUUID()).statusCode(429)
                .contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue());
        long audited = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM audit_log WHERE actor = 'service-account-busy' AND action = ?1")
                .setParameter(1, "IMPORT_SUBMITTED").getSingleResult()).longValue());
        assertThat(audited).isEqualTo(3);
    }

    /** A household of {@code commune} whose second member holds {@code citizen}. */
    private static String withMember(String token, String commune, String head, String citizen, String name,
                                     int year, String sex) {
        Map<String, Object> household = HouseholdServiceTest.household(commune, head, null);
        List<Map<String, Object>> members = new ArrayList<>(castMembers(household.get("members")));
        members.add(HouseholdServiceTest.member(name, "SPOUSE", citizen, year, sex));
        household.put("members", members);
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(household)
                .post("/api/v1/households").then().statusCode(201).extract().path("id");
    }

    private long activeHolders(String citizen) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM household_member WHERE active AND citizen_id = ?1")
                .setParameter(1, citizen).getSingleResult()).longValue());
    }

    /** What a registration answers, without what differs between any two households (ids, names, ID numbers). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> shape(Map<String, Object> view) {
        Map<String, Object> shape = new java.util.TreeMap<>(view);
        for (String key : List.of("id", "code", "headName", "updatedAt")) {
            shape.remove(key);
        }
        List<Map<String, Object>> members = new ArrayList<>();
        for (Map<String, Object> member : (List<Map<String, Object>>) view.get("members")) {
            Map<String, Object> m = new java.util.TreeMap<>(member);
            for (String key : List.of("id", "householdId", "fullName", "citizenId")) {
                m.remove(key);
            }
            members.add(m);
        }
        shape.put("members", members);
        return shape;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castMembers(Object members) {
        return (List<Map<String, Object>>) members;
    }

    private static ValidatableResponse upload(String token, String csv, String key) {
        return given().auth().oauth2(token).contentType("text/csv; charset=UTF-8").header("Idempotency-Key", key)
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/household-imports").then();
    }

    private static Map<String, Object> completed(String token, String location) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> given().auth().oauth2(token).get(location).then().statusCode(200).extract()
                        .<Map<String, Object>>path(""),
                job -> "COMPLETED".equals(job.get("status")));
    }
}
