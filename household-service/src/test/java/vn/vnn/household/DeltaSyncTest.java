package vn.vnn.household;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.vnn.household.areas.AreaService;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Delta sync for field apps (issue 18): changes since a time or a cursor with tombstones for what is gone, ETags with
 * 304 on If-None-Match, and 412 with the current state on a stale If-Match — the offline survey that meets a change
 * made meanwhile is refused, never silently overwritten.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeltaSyncTest {

    private static String since;
    private static String householdA;
    private static String householdB;
    private static String leaver;
    private static String cursor;
    private static String memberCursor;

    @Inject
    AreaService areas;

    @BeforeEach
    void demoProvince() throws Exception {
        HouseholdServiceTest.loadDemoAreas(areas);
    }

    @Test
    @Order(1)
    @TestSecurity(user = "officer-99111", roles = "commune-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"99111\"]", type = ClaimType.JSON_ARRAY))
    void householdsAndMembersComeAsChangesWithETags() {
        since = OffsetDateTime.now().minusSeconds(1).toString();
        householdA = register("Hà Thị Delta");
        householdB = register("Lò Văn Delta");

        Response delta = given().queryParam("updatedSince", since).get("/api/v1/households");
        delta.then().statusCode(200).body("more", equalTo(false)).body("next", notNullValue());
        List<String> ids = delta.path("items.id");
        assertThat(ids).contains(householdA, householdB);
        assertThat(ids.indexOf(householdA)).isLessThan(ids.indexOf(householdB));
        assertThat((Boolean) delta.path("items.find { it.id == '" + householdA + "' }.removed")).isFalse();
        assertThat((String) delta.path("items.find { it.id == '" + householdA + "' }.data.code")).startsWith("HH-99111");
        cursor = delta.path("next");

        // ETag: the version; If-None-Match with it answers 304, with an older one the household
        String etag = given().get("/api/v1/households/" + householdA).then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/households/" + householdA).then().statusCode(304);
        given().header("If-None-Match", "W/" + etag).get("/api/v1/households/" + householdA).then().statusCode(304);
        given().header("If-None-Match", "\"7\"").get("/api/v1/households/" + householdA).then().statusCode(200);

        // a stale If-Match: 412 with the household as it is now, and its ETag
        given().contentType(ContentType.JSON).header("If-Match", "\"5\"").body(details("99111", null))
                .put("/api/v1/households/" + householdA).then().statusCode(412)
                .header("ETag", equalTo("\"0\"")).body("type", equalTo("/problems/precondition-failed"))
                .body("current.id", equalTo(householdA)).body("current.version", equalTo(0));
        given().contentType(ContentType.JSON).header("If-Match", "W/\"0\"").body(details("99111", null))
                .put("/api/v1/households/" + householdA).then().statusCode(422)
                .body("errors[0].field", equalTo("If-Match"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(details("99111", 3L))
                .put("/api/v1/households/" + householdA).then().statusCode(422);
        given().contentType(ContentType.JSON).header("If-Match", etag).body(details("99111", null))
                .put("/api/v1/households/" + householdA).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("address", equalTo("Thôn Mới"));

        // only A changed since the cursor
        Response next = given().queryParam("after", cursor).get("/api/v1/households");
        next.then().statusCode(200);
        assertThat((List<String>) next.path("items.id")).containsExactly(householdA);
        assertThat((Integer) next.path("items[0].version")).isEqualTo(1);
        cursor = next.path("next");
        given().queryParam("after", cursor).get("/api/v1/households").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("next", equalTo(cursor));

        // members: every member of the new households, then a departure as a tombstone
        Response members = given().queryParam("updatedSince", since).get("/api/v1/household-members");
        members.then().statusCode(200);
        List<Map<String, Object>> ofB = members.path("items.findAll { it.data.householdId == '" + householdB + "' }");
        assertThat(ofB).hasSize(2);
        leaver = members.path("items.find { it.data.householdId == '" + householdB
                + "' && it.data.relationship == 'CHILD' }.id");
        memberCursor = members.path("next");
        String etagB = given().get("/api/v1/households/" + householdB).then().extract().header("ETag");
        given().header("If-Match", "\"9\"").post("/api/v1/households/" + householdB + "/members/" + leaver + "/leave")
                .then().statusCode(412).body("current.id", equalTo(householdB));
        given().header("If-Match", etagB).post("/api/v1/households/" + householdB + "/members/" + leaver + "/leave")
                .then().statusCode(200).header("ETag", equalTo("\"1\""));
        given().queryParam("after", memberCursor).get("/api/v1/household-members").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].id", equalTo(leaver))
                .body("items[0].removed", equalTo(true)).body("items[0].reason", equalTo("LEFT"));

        // a dissolved household: a tombstone without data
        given().contentType(ContentType.JSON).body(Map.of("on", OffsetDateTime.now().toLocalDate().toString()))
                .post("/api/v1/households/" + householdB + "/dissolution").then().statusCode(200);
        Response gone = given().queryParam("after", cursor).get("/api/v1/households");
        gone.then().statusCode(200).body("items[0].id", equalTo(householdB))
                .body("items[0].removed", equalTo(true)).body("items[0].reason", equalTo("DISSOLVED"))
                .body("items[0].data", org.hamcrest.Matchers.nullValue());
        cursor = gone.path("next");

        // what a client can get wrong is a 422, never a 500
        given().queryParam("updatedSince", "yesterday").get("/api/v1/households").then().statusCode(422)
                .body("errors[0].field", equalTo("updatedSince"));
        given().queryParam("after", "not-a-cursor").get("/api/v1/household-members").then().statusCode(422)
                .body("errors[0].field", equalTo("after"));
        given().queryParam("updatedSince", since).queryParam("status", "POOR").get("/api/v1/households").then()
                .statusCode(422);
        given().queryParam("limit", 0).get("/api/v1/review-cases").then().statusCode(422);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "admin", roles = "admin")
    void theHouseholdMovesToAnotherCommune() {
        given().contentType(ContentType.JSON).body(details("99112", 1L)).put("/api/v1/households/" + householdA)
                .then().statusCode(200).body("communeCode", equalTo("99112"));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "officer-99111", roles = "commune-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"99111\"]", type = ClaimType.JSON_ARRAY))
    void aHouseholdThatMovedAwayComesAsATombstone() {
        given().queryParam("after", cursor).get("/api/v1/households").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].id", equalTo(householdA))
                .body("items[0].removed", equalTo(true)).body("items[0].reason", equalTo("MOVED_AWAY"));
        given().get("/api/v1/households/" + householdA).then().statusCode(404);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "officer-99111", roles = "commune-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"99111\"]", type = ClaimType.JSON_ARRAY))
    void anOfflineSurveyThatMeetsAChangeIsRefusedWithTheCurrentState() {
        String household = register("Vì Thị Offline");
        String round = given().contentType(ContentType.JSON)
                .body(Map.of("communeCode", "99111", "kind", "REGULAR", "reviewYear", 2025, "opensOn", "2025-08-15",
                        "postingDays", 3, "complaintDays", 2))
                .post("/api/v1/review-rounds").then().statusCode(201).body("version", equalTo(0)).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("householdIds", List.of(household)))
                .post("/api/v1/review-rounds/" + round + "/cases").then().statusCode(200);

        // the field app syncs the rounds and the cases, then goes offline
        Response rounds = given().queryParam("updatedSince", since).get("/api/v1/review-rounds");
        assertThat((List<String>) rounds.path("items.id")).contains(round);
        Response cases = given().queryParam("roundId", round).get("/api/v1/review-cases");
        cases.then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].data.state", equalTo("LISTED"));
        String reviewCase = cases.path("items[0].id");
        String read = "\"" + cases.path("items[0].version") + "\"";
        String caseCursor = cases.path("next");

        // meanwhile a colleague surveys the case online
        given().contentType(ContentType.JSON).header("If-Match", read)
                .body(Map.of("surveyedOn", "2025-08-20", "incomePerCapitaVnd", 3_000_000))
                .post("/api/v1/review-cases/" + reviewCase + "/survey").then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("incomePerCapitaVnd", equalTo(3_000_000));

        // the offline survey, sent later against the version it read: 412 with the case as it is now
        given().contentType(ContentType.JSON).header("If-Match", read)
                .body(Map.of("surveyedOn", "2025-08-18", "additionalDeprivations", List.of("NUTRITION")))
                .post("/api/v1/review-cases/" + reviewCase + "/survey").then().statusCode(412)
                .header("ETag", equalTo("\"1\"")).body("current.state", equalTo("SURVEYED"))
                .body("current.incomePerCapitaVnd", equalTo(3_000_000)).body("current.version", equalTo(1));
        given().get("/api/v1/review-cases/" + reviewCase).then().statusCode(200)
                .body("incomePerCapitaVnd", equalTo(3_000_000)).body("surveyedOn", equalTo("2025-08-20"));
        given().header("If-None-Match", "\"1\"").get("/api/v1/review-cases/" + reviewCase).then().statusCode(304);
        given().header("If-None-Match", "\"1\"").get("/api/v1/review-rounds/" + round).then().statusCode(200)
                .header("ETag", equalTo("\"0\""));

        // the next sync brings the colleague's change
        given().queryParam("after", caseCursor).get("/api/v1/review-cases").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].version", equalTo(1))
                .body("items[0].data.state", equalTo("SURVEYED"));
    }

    @Test
    @Order(5)
    @TestSecurity(user = "officer-99112", roles = "commune-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"99112\"]", type = ClaimType.JSON_ARRAY))
    void anotherCommuneSeesNoneOfIt() {
        given().queryParam("updatedSince", since).get("/api/v1/review-cases").then().statusCode(200)
                .body("items.findAll { it.data.householdId != null }.size()", equalTo(0));
        List<String> households = given().queryParam("updatedSince", since).get("/api/v1/households").path("items.id");
        assertThat(households).contains(householdA).doesNotContain(householdB);
        List<String> members = given().queryParam("updatedSince", since).get("/api/v1/household-members")
                .path("items.id");
        assertThat(members).doesNotContain(leaver);
    }

    @Test
    @Order(6)
    @TestSecurity(user = "officer-none", roles = "commune-officer")
    void noAreasReachNothing() {
        given().queryParam("updatedSince", since).get("/api/v1/households").then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().get("/api/v1/review-rounds").then().statusCode(200).body("items.size()", equalTo(0));
    }

    private static String register(String head) {
        return given().contentType(ContentType.JSON).body(HouseholdServiceTest.household("99111", head, null))
                .post("/api/v1/households").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> details(String commune, Long version) {
        Map<String, Object> body = new HashMap<>(HouseholdServiceTest.household(commune, "x", null));
        body.remove("members");
        body.put("address", "Thôn Mới");
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }
}
