package vn.vnn.household;

import io.quarkus.narayana.jta.QuarkusTransaction;
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

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** A review round from listing to recognition (infrastructure: HouseholdServiceTest). */
@QuarkusTest
class ReviewApiTest {

    @Inject
    AreaService areas;
    @Inject
    EntityManager entityManager;

    @BeforeEach
    void demoProvince() throws Exception {
        HouseholdServiceTest.loadDemoAreas(areas);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void aRoundRunsFromListingThroughAComplaintToRecognition() {
        String household = given().contentType(ContentType.JSON)
                .body(HouseholdServiceTest.household("99112", "Vi Thị Sen", null)).post("/api/v1/households")
                .then().statusCode(201).extract().path("id");
        // No 0-day windows: the list is posted at least 3 days and complaints have at least a day after it.
        given().contentType(ContentType.JSON)
                .body(Map.of("communeCode", "99112", "kind", "PERIODIC", "reviewYear", 2025, "postingDays", 2,
                        "complaintDays", 2))
                .post("/api/v1/review-rounds").then().statusCode(422)
                .body("errors[0].field", equalTo("postingDays"));
        given().contentType(ContentType.JSON)
                .body(Map.of("communeCode", "99112", "kind", "PERIODIC", "reviewYear", 2025, "postingDays", 3,
                        "complaintDays", 0))
                .post("/api/v1/review-rounds").then().statusCode(422)
                .body("errors[0].field", equalTo("complaintDays"));
        String round = given().contentType(ContentType.JSON)
                .body(Map.of("communeCode", "99112", "kind", "PERIODIC", "reviewYear", 2025, "postingDays", 3,
                        "complaintDays", 2))
                .post("/api/v1/review-rounds").then().statusCode(201)
                .body("opensOn", equalTo("2025-09-01")).body("closesOn", equalTo("2025-12-14"))
                // The periodic review of 2025 decides 2026, by the standard in force on 1 January 2026.
                .body("decidesYear", equalTo(2026)).body("standardCode", equalTo("VN-MPS-2022"))
                .body("workingDays", equalTo(true))
                .extract().path("id");
        given().contentType(ContentType.JSON)
                .body(Map.of("communeCode", "99112", "kind", "PERIODIC", "reviewYear", 2025, "postingDays", 3,
                        "complaintDays", 2))
                .post("/api/v1/review-rounds").then().statusCode(409);
        String reviewCase = given().contentType(ContentType.JSON).body(Map.of("householdIds", List.of(household)))
                .post("/api/v1/review-rounds/" + round + "/cases").then().statusCode(200)
                .body("[0].state", equalTo("LISTED")).extract().path("[0].id");

        // Steps out of order are refused.
        step(reviewCase, "posting", Map.of("postedOn", "2025-10-01")).statusCode(409);

        step(reviewCase, "survey", Map.of("surveyedOn", "2025-09-20", "additionalDeprivations", List.of("NUTRITION")))
                .statusCode(200).body("state", equalTo("SURVEYED")).body("proposedStatus", equalTo("POOR"))
                .body("deprivations", hasItem("NUTRITION")).body("incomePerCapitaVnd", equalTo(1_200_000));
        step(reviewCase, "village-meeting", Map.of("heldOn", "2025-09-25", "minutesNo", "01/BB-THÔN"))
                .statusCode(200).body("state", equalTo("VILLAGE_MEETING"));
        // Posted Wednesday 1 October for 3 working days (1–3 October), 2 working days of complaints (6–7 October).
        step(reviewCase, "posting", Map.of("postedOn", "2025-10-01")).statusCode(200)
                .body("state", equalTo("POSTED")).body("complaintsUntil", equalTo("2025-10-07"));
        step(reviewCase, "complaints", Map.of("receivedOn", "2025-10-03", "summary", "Hộ có thêm thu nhập từ con"))
                .statusCode(200).body("state", equalTo("SURVEYED")).body("complaints", equalTo(1));
        step(reviewCase, "survey", Map.of("surveyedOn", "2025-10-10", "incomePerCapitaVnd", 1_600_000))
                .statusCode(200).body("proposedStatus", equalTo("AVERAGE_LIVING_STANDARD"));
        step(reviewCase, "village-meeting", Map.of("heldOn", "2025-10-12", "minutesNo", "02/BB-THÔN"))
                .statusCode(200);
        // Posted 15–17 October, complaints Monday 20 and Tuesday 21: recognition from Wednesday 22 October.
        step(reviewCase, "posting", Map.of("postedOn", "2025-10-15")).statusCode(200)
                .body("complaintsUntil", equalTo("2025-10-21"));
        step(reviewCase, "recognition", Map.of("recognizedOn", "2025-10-21", "decisionNo", "77/QĐ-UBND"))
                .statusCode(409);
        step(reviewCase, "recognition", Map.of("recognizedOn", "2025-10-22", "decisionNo", "77/QĐ-UBND"))
                .statusCode(200).body("state", equalTo("RECOGNISED"));
        step(reviewCase, "complaints", Map.of("receivedOn", "2025-10-21", "summary", "quá hạn")).statusCode(409);

        given().get("/api/v1/households/" + household).then().statusCode(200)
                .body("status", equalTo("AVERAGE_LIVING_STANDARD")).body("statusYear", equalTo(2025));
        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = '" + household + "'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM review_case_step WHERE case_id = '" + reviewCase + "'"))
                .isEqualTo(9);
    }

    /**
     * The periodic review of 2026 decides 2027 and so applies VN-MPS-2027 (Nghị định 351/2025/NĐ-CP) by default; a
     * round may name its standard; calendar days on request; holidays kept by an admin push working-day periods.
     */
    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void aRoundDecidesTheNextYearUnderItsStandardAndCountsWorkingDaysAroundHolidays() {
        given().contentType(ContentType.JSON)
                .body(Map.of("communeCode", "99111", "kind", "PERIODIC", "reviewYear", 2026, "postingDays", 3,
                        "complaintDays", 2))
                .post("/api/v1/review-rounds").then().statusCode(201)
                .body("decidesYear", equalTo(2027)).body("standardCode", equalTo("VN-MPS-2027"));
        given().contentType(ContentType.JSON)
                .body(Map.of("communeCode", "99111", "kind", "REGULAR", "reviewYear", 2026, "opensOn", "2026-05-15",
                        "postingDays", 3, "complaintDays", 2, "standardCode", "VN-MPS-2099"))
                .post("/api/v1/review-rounds").then().statusCode(422).body("errors[0].field", equalTo("standardCode"));
        String round = given().contentType(ContentType.JSON)
                .body(Map.of("communeCode", "99111", "kind", "REGULAR", "reviewYear", 2026, "opensOn", "2026-06-15",
                        "postingDays", 3, "complaintDays", 1, "workingDays", false))
                .post("/api/v1/review-rounds").then().statusCode(201)
                .body("decidesYear", equalTo(2026)).body("standardCode", equalTo("VN-MPS-2022"))
                .body("workingDays", equalTo(false)).extract().path("id");
        String household = given().contentType(ContentType.JSON)
                .body(HouseholdServiceTest.household("99111", "Lò Thị Phương", null)).post("/api/v1/households")
                .then().statusCode(201).extract().path("id");
        String reviewCase = given().contentType(ContentType.JSON).body(Map.of("householdIds", List.of(household)))
                .post("/api/v1/review-rounds/" + round + "/cases").then().statusCode(200).extract().path("[0].id");
        step(reviewCase, "survey", Map.of("surveyedOn", "2026-06-20", "additionalDeprivations", List.of("NUTRITION")))
                .statusCode(200);
        step(reviewCase, "village-meeting", Map.of("heldOn", "2026-06-25", "minutesNo", "05/BB-THÔN"))
                .statusCode(200);
        // Calendar days: posted Saturday 27 June for 3 days (27–29), one day of complaints on 30 June.
        step(reviewCase, "posting", Map.of("postedOn", "2026-06-27")).statusCode(200)
                .body("complaintsUntil", equalTo("2026-06-30"));

        given().contentType(ContentType.JSON).body(Map.of("day", "2026-09-01", "name", "Quốc khánh (nghỉ bù)"))
                .post("/api/v1/holidays").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("day", "2026-09-01", "name", "lần hai"))
                .post("/api/v1/holidays").then().statusCode(409);
        given().get("/api/v1/holidays?year=2026").then().statusCode(200)
                .body("day", hasItem("2026-09-01")).body("day", hasItem("2026-09-02"));
        // Working days: posted Monday 31 August for 3 days skips 1 and 2 September (31 Aug, 3 and 4 Sep); one day of
        // complaints is Monday 7 September.
        String august = given().contentType(ContentType.JSON)
                .body(Map.of("communeCode", "99111", "kind", "REGULAR", "reviewYear", 2026, "opensOn", "2026-08-15",
                        "postingDays", 3, "complaintDays", 1))
                .post("/api/v1/review-rounds").then().statusCode(201).extract().path("id");
        String second = given().contentType(ContentType.JSON).body(Map.of("householdIds", List.of(household)))
                .post("/api/v1/review-rounds/" + august + "/cases").then().statusCode(200).extract().path("[0].id");
        step(second, "survey", Map.of("surveyedOn", "2026-08-20", "additionalDeprivations", List.of("NUTRITION")))
                .statusCode(200);
        step(second, "village-meeting", Map.of("heldOn", "2026-08-25", "minutesNo", "06/BB-THÔN")).statusCode(200);
        step(second, "posting", Map.of("postedOn", "2026-08-31")).statusCode(200)
                .body("complaintsUntil", equalTo("2026-09-07"));
        given().delete("/api/v1/holidays/2026-09-01").then().statusCode(204);
        given().delete("/api/v1/holidays/2026-09-01").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "commune.officer", roles = "commune-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"99111\"]", type = ClaimType.JSON_ARRAY))
    void surveyorsDoNotRecogniseAndSeeOnlyTheirCommune() {
        step(UUID.randomUUID().toString(), "recognition", Map.of("recognizedOn", "2025-10-21", "decisionNo", "1"))
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(Map.of("communeCode", "99112", "kind", "REGULAR", "reviewYear", 2026, "opensOn", "2026-03-15",
                        "postingDays", 3, "complaintDays", 2))
                .post("/api/v1/review-rounds").then().statusCode(422).body("errors[0].field", equalTo("communeCode"));
        given().contentType(ContentType.JSON)
                .body(Map.of("communeCode", "99111", "kind", "REGULAR", "reviewYear", 2026, "opensOn", "2026-03-14",
                        "postingDays", 3, "complaintDays", 2))
                .post("/api/v1/review-rounds").then().statusCode(422).body("errors[0].field", equalTo("opensOn"));
        given().get("/api/v1/review-cases/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "commune.chairman", roles = "commune-chairman")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"99111\"]", type = ClaimType.JSON_ARRAY))
    void chairmenDoNotSurvey() {
        step(UUID.randomUUID().toString(), "survey", Map.of("surveyedOn", "2025-09-20")).statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse step(String caseId, String step, Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/review-cases/" + caseId + "/" + step)
                .then();
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
