package vn.vnn.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vnn.localstack.LocalStack;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A partner agency through the gateway with its real client-credentials token (areas and purposes granted on its
 * Keycloak client): it verifies a recognised household's status, learns nothing of an unknown citizen, may not ask
 * for a purpose it was not granted, and its look-ups are in the log that auditors and admins read.
 */
@ExtendWith(SharedStack.class)
class PartnersIT {

    @Test
    void aPartnerVerifiesARecognisedHouseholdAndTheLookUpIsLogged() {
        LocalStack stack = SharedStack.stack();
        String gateway = stack.gatewayUrl();
        String citizen = "0010780" + (10000 + new java.util.Random().nextInt(89999)); // a man born in 1978
        String householdId = given().auth().oauth2(Tokens.password(stack.realmUrl(), "commune.officer"))
                .contentType(ContentType.JSON)
                .body(Map.of("communeCode", "99111", "villageCode", "99111-01", "members", List.of(Map.ofEntries(
                        Map.entry("fullName", "Sùng A Páo"), Map.entry("birthDate", "1978-03-02"),
                        Map.entry("sex", "MALE"), Map.entry("relationship", "HEAD"), Map.entry("citizenId", citizen),
                        Map.entry("healthInsurance", false), Map.entry("schoolStatus", "FINISHED"),
                        Map.entry("educationLevel", "PRIMARY"), Map.entry("diploma", "PRIMARY"),
                        Map.entry("disability", false), Map.entry("workingCapacity", "FULL"),
                        Map.entry("employment", "UNSTABLE")))))
                .post(gateway + "/api/v1/households").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.password(stack.realmUrl(), "commune.chairman")).contentType(ContentType.JSON)
                .body(Map.of("status", "POOR", "reviewYear", 2025, "recognizedOn", "2025-12-15",
                        "decisionNo", "131/QĐ-UBND"))
                .post(gateway + "/api/v1/households/" + householdId + "/status-recognitions").then().statusCode(201);

        String partner = Tokens.clientCredentials(stack.realmUrl(), "partner-demo", "partner-demo-secret");
        Map<String, Object> answer = given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("citizenId", citizen, "purpose", "SOCIAL_POLICY_LOAN"))
                .post(gateway + "/api/v1/verifications").then().statusCode(200).extract().path("");
        assertThat(answer).containsEntry("matched", true).containsEntry("status", "POOR")
                .containsEntry("decisionNo", "131/QĐ-UBND").containsEntry("areaCode", "99111")
                .doesNotContainKeys("members", "headName", "citizenId");
        given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("citizenId", "001099999998", "purpose", "HEALTH_INSURANCE"))
                .post(gateway + "/api/v1/verifications").then().statusCode(200)
                .body("status", equalTo("NOT_FOUND"));
        given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("citizenId", citizen, "purpose", "MARKETING"))
                .post(gateway + "/api/v1/verifications").then().statusCode(403);

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        String log = given().auth().oauth2(Tokens.password(stack.realmUrl(), "admin"))
                .get(gateway + "/api/v1/verifications/log?client=service-account-partner-demo&from="
                        + today.minusDays(1) + "&to=" + today + "&size=100")
                .then().statusCode(200).extract().asString();
        assertThat(log).contains("SOCIAL_POLICY_LOAN", "HEALTH_INSURANCE", "NOT_FOUND").doesNotContain(citizen);
    }
}
