package vn.vnn.household;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.vnn.household.areas.AreaService;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Bulk verification beyond 1,000 subjects (issue 18): a job accepted at once (202 + Location), answered in the
 * background with the caller's areas, every subject logged; the answers read in the order asked, by its client only.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerificationJobTest {

    private static final String CLIENT = "service-account-partner-bulk";
    private static String citizen;
    private static String outside;
    private static String job;

    @Inject
    AreaService areas;

    @BeforeEach
    void demoProvince() throws Exception {
        HouseholdServiceTest.loadDemoAreas(areas);
    }

    @Test
    @Order(1)
    @TestSecurity(user = "admin", roles = "admin")
    void twoRecognisedHouseholdsInTwoCommunes() {
        citizen = HouseholdServiceTest.citizenId(1975, "MALE");
        outside = HouseholdServiceTest.citizenId(1976, "FEMALE");
        for (String[] h : new String[][]{{"99111", citizen}, {"99112", outside}}) {
            String id = given().contentType(ContentType.JSON)
                    .body(HouseholdServiceTest.household(h[0], "Chủ hộ " + h[0], h[1])).post("/api/v1/households")
                    .then().statusCode(201).extract().path("id");
            given().contentType(ContentType.JSON).body(Map.of("status", "POOR", "reviewYear", 2025,
                            "recognizedOn", "2025-12-15", "decisionNo", "301/QĐ-UBND"))
                    .post("/api/v1/households/" + id + "/status-recognitions").then().statusCode(201);
        }
    }

    @Test
    @Order(2)
    @TestSecurity(user = CLIENT, roles = "partner")
    @OidcSecurity(claims = {@Claim(key = "area_codes", value = "[\"99111\"]", type = ClaimType.JSON_ARRAY),
            @Claim(key = "purposes", value = "[\"HEALTH_INSURANCE\"]", type = ClaimType.JSON_ARRAY)})
    void moreThanAThousandSubjectsBecomeAJobAnsweredInOrder() {
        List<Map<String, Object>> subjects = new ArrayList<>();
        subjects.add(Map.of("citizenId", citizen));
        for (int i = 0; i < 1_200; i++) {
            subjects.add(Map.of("citizenId", String.format("0990990%05d", i)));
        }
        subjects.add(Map.of("citizenId", outside));

        // a malformed subject anywhere refuses the whole job at once, naming it
        List<Map<String, Object>> broken = new ArrayList<>(subjects);
        broken.set(1_100, Map.of("householdRef", "HN-1"));
        given().contentType(ContentType.JSON).body(Map.of("subjects", broken, "purpose", "HEALTH_INSURANCE"))
                .post("/api/v1/verifications/bulk").then().statusCode(422)
                .body("errors[0].field", equalTo("subjects[1100]"));
        given().contentType(ContentType.JSON).body(Map.of("subjects", subjects, "purpose", "SCHOOL_FEES"))
                .post("/api/v1/verifications/bulk").then().statusCode(403);

        var accepted = given().contentType(ContentType.JSON)
                .body(Map.of("subjects", subjects, "purpose", "HEALTH_INSURANCE"))
                .post("/api/v1/verifications/bulk").then().statusCode(202)
                .header("Location", startsWith("http")).body("total", equalTo(1_202)).extract();
        job = accepted.path("id");
        assertThat(accepted.header("Location")).endsWith("/api/v1/verifications/jobs/" + job);
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(given()
                .get("/api/v1/verifications/jobs/" + job).then().statusCode(200).extract().path("status")));
        given().get("/api/v1/verifications/jobs/" + job).then().body("done", equalTo(1_202));

        List<Map<String, Object>> answers = new ArrayList<>();
        for (int page = 0; answers.size() < 1_202; page++) {
            List<Map<String, Object>> items = given().get("/api/v1/verifications/jobs/" + job + "/answers?size=100&page="
                    + page).then().statusCode(200).extract().path("items");
            assertThat(items).isNotEmpty();
            answers.addAll(items);
        }
        assertThat(answers).extracting(a -> a.get("index")).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 1_202).boxed().toList());
        assertThat(answer(answers.get(0))).containsEntry("status", "POOR").containsEntry("areaCode", "99111");
        assertThat(answer(answers.get(500))).containsEntry("status", "NOT_FOUND");
        // a household of a commune the token did not grant is not found, as an unknown one
        assertThat(answer(answers.get(1_201))).containsEntry("status", "NOT_FOUND").containsEntry("matched", false);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "service-account-other", roles = "partner")
    void anotherClientSeesNoneOfIt() {
        given().get("/api/v1/verifications/jobs/" + job).then().statusCode(404);
        given().get("/api/v1/verifications/jobs/" + job + "/answers").then().statusCode(404);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "auditor", roles = "auditor")
    void everySubjectIsInTheAccessLog() {
        String today = java.time.LocalDate.now(vn.vnn.kit.time.VietnamClock.ZONE).toString();
        given().get("/api/v1/verifications/log?client=" + CLIENT + "&from=" + today + "&to=" + today + "&size=1")
                .then().statusCode(200).body("totalItems", equalTo(1_202));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> answer(Map<String, Object> numbered) {
        return new HashMap<>((Map<String, Object>) numbered.get("answer"));
    }
}
