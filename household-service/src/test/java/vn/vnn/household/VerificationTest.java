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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.vnn.household.areas.AreaService;
import vn.vnn.localstack.testing.InfrastructureTestResource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Status verification for partners: the status as of a day, and nothing but the status; NOT_FOUND alike for an
 * unknown subject and for a household outside the partner's areas; purposes as granted; every look-up logged with
 * a hash of its subject, read by auditors.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "household"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerificationTest {

    private static String citizen;
    private static String unrecognisedCitizen;
    private static String householdRef;

    @Inject
    AreaService areas;
    @Inject
    EntityManager entityManager;

    @Test
    @Order(1)
    @TestSecurity(user = "commune.officer", roles = {"commune-officer", "commune-chairman"})
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"99111\"]", type = ClaimType.JSON_ARRAY))
    void aCommuneRecognisesAPoorHousehold() throws Exception {
        HouseholdServiceTest.loadDemoAreas(areas);
        citizen = HouseholdServiceTest.citizenId(1978, "MALE");
        unrecognisedCitizen = HouseholdServiceTest.citizenId(1981, "FEMALE");
        String id = given().contentType(ContentType.JSON).body(HouseholdServiceTest.household("99111",
                        "Lò Văn Pâng", citizen)).post("/api/v1/households").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(HouseholdServiceTest.household("99111", "Lò Thị Xuân",
                unrecognisedCitizen)).post("/api/v1/households").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("status", "POOR", "reviewYear", 2024,
                        "recognizedOn", "2024-12-10", "decisionNo", "88/QĐ-UBND"))
                .post("/api/v1/households/" + id + "/status-recognitions").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("status", "NEAR_POOR", "reviewYear", 2025,
                        "recognizedOn", "2025-12-12", "decisionNo", "125/QĐ-UBND"))
                .post("/api/v1/households/" + id + "/status-recognitions").then().statusCode(201);
        householdRef = "HN-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "UPDATE household SET household_ref = ?1 WHERE id = ?2")
                .setParameter(1, householdRef).setParameter(2, UUID.fromString(id)).executeUpdate());
    }

    @Test
    @Order(2)
    @TestSecurity(user = "service-account-partner-demo", roles = "partner")
    @OidcSecurity(claims = {@Claim(key = "area_codes", value = "[\"99\"]", type = ClaimType.JSON_ARRAY),
            @Claim(key = "purposes", value = "[\"SOCIAL_POLICY_LOAN\"]", type = ClaimType.JSON_ARRAY)})
    void aPartnerLearnsTheStatusAsOfADayAndNothingElse() {
        Map<String, Object> now = given().contentType(ContentType.JSON).body(Map.of("citizenId", citizen,
                        "purpose", "SOCIAL_POLICY_LOAN")).post("/api/v1/verifications").then().statusCode(200)
                .extract().path("");
        assertThat(now).containsOnlyKeys("matched", "status", "reviewYear", "decisionNo", "decisionDate",
                "areaCode", "validUntil").containsEntry("matched", true).containsEntry("status", "NEAR_POOR")
                .containsEntry("reviewYear", 2025).containsEntry("decisionNo", "125/QĐ-UBND")
                .containsEntry("areaCode", "99111").containsEntry("validUntil", "2026-12-31");
        // as of a day before the later recognition, the earlier status
        given().contentType(ContentType.JSON).body(Map.of("citizenId", citizen, "asOf", "2025-06-30",
                        "purpose", "SOCIAL_POLICY_LOAN")).post("/api/v1/verifications").then().statusCode(200)
                .body("status", equalTo("POOR")).body("reviewYear", equalTo(2024));
        given().contentType(ContentType.JSON).body(Map.of("citizenId", citizen, "asOf", "2024-01-01",
                        "purpose", "SOCIAL_POLICY_LOAN")).post("/api/v1/verifications").then().statusCode(200)
                .body("matched", equalTo(true)).body("status", equalTo("OTHER")).body("reviewYear", nullValue());
        given().contentType(ContentType.JSON).body(Map.of("householdRef", householdRef, "communeCode", "99111",
                        "purpose", "SOCIAL_POLICY_LOAN")).post("/api/v1/verifications").then().statusCode(200)
                .body("status", equalTo("NEAR_POOR"));
        given().contentType(ContentType.JSON).body(Map.of("citizenId", "001099999999",
                        "purpose", "SOCIAL_POLICY_LOAN")).post("/api/v1/verifications").then().statusCode(200)
                .body("matched", equalTo(false)).body("status", equalTo("NOT_FOUND"));

        List<Map<String, Object>> many = given().contentType(ContentType.JSON).body(Map.of("purpose",
                        "SOCIAL_POLICY_LOAN", "subjects", List.of(Map.of("citizenId", unrecognisedCitizen),
                                Map.of("citizenId", citizen), Map.of("householdRef", "nope", "communeCode", "99111"))))
                .post("/api/v1/verifications/bulk").then().statusCode(200).extract().path("");
        assertThat(many).extracting(m -> m.get("status")).containsExactly("OTHER", "NEAR_POOR", "NOT_FOUND");

        // a purpose not granted, a subject half given, a day to come, too many at once
        given().contentType(ContentType.JSON).body(Map.of("citizenId", citizen, "purpose", "MARKETING"))
                .post("/api/v1/verifications").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("householdRef", householdRef, "purpose",
                "SOCIAL_POLICY_LOAN")).post("/api/v1/verifications").then().statusCode(422);
        given().contentType(ContentType.JSON).body(Map.of("citizenId", citizen, "householdRef", householdRef,
                "communeCode", "99111", "purpose", "SOCIAL_POLICY_LOAN")).post("/api/v1/verifications").then()
                .statusCode(422);
        given().contentType(ContentType.JSON).body(Map.of("citizenId", citizen, "purpose", "SOCIAL_POLICY_LOAN",
                "asOf", LocalDate.now().plusDays(3).toString())).post("/api/v1/verifications").then().statusCode(422);
        // none, or more than a job takes (more than 1,000 become a job: VerificationJobTest)
        given().contentType(ContentType.JSON).body(Map.of("purpose", "SOCIAL_POLICY_LOAN", "subjects", List.of()))
                .post("/api/v1/verifications/bulk").then().statusCode(422);
        given().contentType(ContentType.JSON).body(Map.of("purpose", "SOCIAL_POLICY_LOAN", "subjects",
                        java.util.Collections.nCopies(10_001, Map.of("citizenId", citizen))))
                .post("/api/v1/verifications/bulk").then().statusCode(422);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "service-account-partner-hanoi", roles = "partner")
    @OidcSecurity(claims = {@Claim(key = "area_codes", value = "[\"01\"]", type = ClaimType.JSON_ARRAY),
            @Claim(key = "purposes", value = "[\"HEALTH_INSURANCE\"]", type = ClaimType.JSON_ARRAY)})
    void aHouseholdOutsideThePartnersAreasIsNotFoundAsAnUnknownOne() {
        // nor is it in this partner's feed
        List<Map<String, Object>> seen = given().get("/api/v1/feeds/household.status-recognized.v1?limit=500")
                .then().statusCode(200).extract().path("items");
        assertThat(seen).noneSatisfy(item -> assertThat(item.get("communeCode")).isEqualTo("99111"));
        given().contentType(ContentType.JSON).body(Map.of("citizenId", citizen, "purpose", "HEALTH_INSURANCE"))
                .post("/api/v1/verifications").then().statusCode(200).body("matched", equalTo(false))
                .body("status", equalTo("NOT_FOUND")).body("areaCode", nullValue());
    }

    @Test
    @Order(5)
    @TestSecurity(user = "service-account-partner-demo", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"99\"]", type = ClaimType.JSON_ARRAY))
    void thePartnersFeedGivesTheRecognitionsInOrderFromItsCursor() {
        String feed = "/api/v1/feeds/household.status-recognized.v1";
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        String cursor = null;
        boolean more = true;
        while (more) {
            Map<String, Object> slice = given().get(feed + "?limit=50" + (cursor == null ? "" : "&after=" + cursor))
                    .then().statusCode(200).extract().path("");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) slice.get("items");
            all.addAll(items);
            cursor = (String) slice.get("next");
            more = (Boolean) slice.get("more");
        }
        List<Map<String, Object>> ours = all.stream().filter(i -> "88/QĐ-UBND".equals(i.get("decisionNo"))
                || "125/QĐ-UBND".equals(i.get("decisionNo"))).toList();
        assertThat(ours).extracting(i -> i.get("status")).containsSubsequence("POOR", "NEAR_POOR");
        assertThat(all).allSatisfy(item -> assertThat(item).containsKeys("id", "type", "time", "communeCode",
                "status", "reviewYear").doesNotContainKeys("headName", "members", "citizenId")
                .containsEntry("type", "household.status-recognized.v1"));
        // nothing new: the same cursor comes back, with nothing
        given().get(feed + "?after=" + cursor).then().statusCode(200).body("items.size()", equalTo(0))
                .body("next", equalTo(cursor)).body("more", equalTo(false));
        // one at a time, the same order
        Map<String, Object> first = given().get(feed + "?limit=1").then().statusCode(200).extract().path("");
        given().get(feed + "?limit=1&after=" + first.get("next")).then().statusCode(200)
                .body("items[0].id", equalTo(all.get(1).get("id")));
        given().get(feed + "?after=not-a-cursor").then().statusCode(422);
        given().get(feed + "?limit=501").then().statusCode(422);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "auditor", roles = "auditor")
    void anAuditorReadsEveryLookUpWithItsSubjectHashedNeverTheId() {
        LocalDate today = LocalDate.now(vn.vnn.kit.time.VietnamClock.ZONE);
        Map<String, Object> page = given().get("/api/v1/verifications/log?client=service-account-partner-demo&from="
                + today.minusDays(1) + "&to=" + today.plusDays(1) + "&size=100").then().statusCode(200).extract().path("");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) page.get("items");
        // five single look-ups and three in bulk that were answered
        assertThat(lines).hasSize(8);
        assertThat(lines.toString()).doesNotContain(citizen).doesNotContain(householdRef);
        assertThat(lines).allSatisfy(line -> assertThat(line).containsEntry("purpose", "SOCIAL_POLICY_LOAN"));
        long sameSubject = lines.stream().map(l -> l.get("subjectHash")).distinct().count();
        assertThat(sameSubject).as("the same citizen hashes the same").isLessThan(lines.size());
        given().get("/api/v1/verifications/log?from=" + today + "&to=" + today).then().statusCode(200);
        given().get("/api/v1/verifications/log?from=" + today).then().statusCode(422);
        given().contentType(ContentType.JSON).body(Map.of("citizenId", citizen, "purpose", "X"))
                .post("/api/v1/verifications").then().statusCode(403);
    }
}
