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
import org.junit.jupiter.api.Test;
import vn.vnn.localstack.testing.InfrastructureTestResource;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "household"))
class HouseholdServiceTest {

    @Inject
    EntityManager entityManager;

    @Test
    @TestSecurity(user = "commune.officer", roles = "commune-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"00001\"]", type = ClaimType.JSON_ARRAY))
    void aCommuneOfficerRegistersAndRecognisesAHouseholdInTheirCommune() {
        String id = register("00001", "Nguyễn Thị Hoà");
        String recognition = given().contentType(ContentType.JSON)
                .body(Map.of("status", "POOR", "reviewYear", 2025, "recognizedOn", "2025-12-15",
                        "decisionNo", "125/QĐ-UBND"))
                .post("/api/v1/households/" + id + "/status-recognitions")
                .then().statusCode(201)
                .body("transition", equalTo("FIRST"))
                .body("standard", equalTo("VN-MPS-2022"))
                .body("recordedBy", equalTo("commune.officer"))
                .extract().path("id");
        given().get("/api/v1/households/" + id + "/status-recognitions/" + recognition).then().statusCode(200);
        given().get("/api/v1/households/" + id).then().statusCode(200)
                .body("status", equalTo("POOR")).body("headName", equalTo("Nguyễn Thị Hoà"));

        given().contentType(ContentType.JSON)
                .body(Map.of("status", "NEAR_POOR", "reviewYear", 2026, "recognizedOn", "2026-11-20"))
                .post("/api/v1/households/" + id + "/status-recognitions")
                .then().statusCode(201).body("transition", equalTo("ESCAPED")).body("previousStatus", equalTo("POOR"));
        // An older round cannot replace a newer one.
        given().contentType(ContentType.JSON)
                .body(Map.of("status", "POOR", "reviewYear", 2025, "recognizedOn", "2025-12-20"))
                .post("/api/v1/households/" + id + "/status-recognitions")
                .then().statusCode(409).contentType("application/problem+json");

        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = '" + id
                + "' AND event_type = 'vn.vnn.household.status-recognized.v1'")).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM outbox_event WHERE "
                + "aggregate_id = '" + id + "' AND sent_at IS NOT NULL") == 2);
        given().get("/api/v1/households?size=100").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.communeCode", everyItem(equalTo("00001")));
    }

    @Test
    @TestSecurity(user = "commune.officer", roles = "commune-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"00001\"]", type = ClaimType.JSON_ARRAY))
    void anotherCommunesHouseholdIsInvisibleEvenById() {
        String foreign = QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("""
                    INSERT INTO household (id, code, head_name, commune_code, province_code, area_type, member_count,
                      created_by, created_at, updated_at)
                    VALUES ('01900000-0000-7000-8000-000000000042', 'HH-00099-X', 'Trần Văn B', '00099', '01',
                      'RURAL', 3, 'seed', now(), now()) ON CONFLICT DO NOTHING""").executeUpdate();
            return "01900000-0000-7000-8000-000000000042";
        });
        given().get("/api/v1/households/" + foreign).then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body(Map.of("status", "POOR", "reviewYear", 2025, "recognizedOn", "2025-12-15"))
                .post("/api/v1/households/" + foreign + "/status-recognitions").then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body(Map.of("headName", "X", "communeCode", "00099", "provinceCode", "01", "areaType", "RURAL",
                        "memberCount", 2))
                .post("/api/v1/households").then().statusCode(422).body("errors[0].field", equalTo("communeCode"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void invalidInputIs422() {
        given().contentType(ContentType.JSON)
                .body(Map.of("headName", "", "communeCode", "abc", "provinceCode", "01", "areaType", "FOREST",
                        "memberCount", 0))
                .post("/api/v1/households").then().statusCode(422)
                .body("errors.field", hasItem("headName"))
                .body("errors.field", hasItem("communeCode"))
                .body("errors.field", hasItem("areaType"))
                .body("errors.field", hasItem("memberCount"));
        String id = register("00002", "Lò Văn Páo");
        given().contentType(ContentType.JSON)
                .body(Map.of("status", "RICH", "reviewYear", 2025, "recognizedOn", "2025-12-15"))
                .post("/api/v1/households/" + id + "/status-recognitions").then().statusCode(422)
                .body("errors[0].field", equalTo("status"));
        given().contentType(ContentType.JSON)
                .body(Map.of("status", "POOR", "reviewYear", 2025, "recognizedOn", "2099-12-15"))
                .post("/api/v1/households/" + id + "/status-recognitions").then().statusCode(422)
                .body("errors[0].field", equalTo("recognizedOn"));
    }

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    void fundOfficersDoNotReadTheRegistry() {
        given().get("/api/v1/households").then().statusCode(403);
    }

    private static String register(String commune, String head) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("headName", head, "communeCode", commune, "provinceCode", "01", "areaType", "RURAL",
                        "memberCount", 4))
                .post("/api/v1/households").then().statusCode(201).extract().path("id");
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
