package vn.vnn.emulation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.vnn.localstack.testing.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/** An emulation officer of one province works on that province's movements only. */
@QuarkusTest
class EmulationScopeTest {

    @Inject
    EntityManager entityManager;

    @Test
    @TestSecurity(user = "thi.dua.77", roles = "emulation-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"77\"]", type = ClaimType.JSON_ARRAY))
    void anOfficerOfOneProvinceNeitherOpensNorReadsAnothersMovements() {
        String suffix = Integer.toString((int) (Math.random() * 1_000_000_000), 36).toUpperCase();
        UUID foreign = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                INSERT INTO movement (id, code, name, kind, area_code, starts_on, ends_on, created_by, created_at)
                VALUES (?1, ?2, 'Phong trào tỉnh 78', 'THEMATIC', '78', DATE '2025-01-01', DATE '2025-12-31',
                        'thi.dua.78', now())""").setParameter(1, foreign).setParameter(2, "F" + suffix)
                .executeUpdate());
        Map<String, Object> movement = Map.of("code", "O" + suffix, "name", "Phong trào tỉnh 77", "kind",
                "THEMATIC", "areaCode", "77", "startsOn", "2025-01-01", "endsOn", "2025-12-31", "criteria",
                List.of(Map.of("code", "DONATED", "name", "Ủng hộ", "measure", "DONATED_VND", "weight", 1,
                        "target", 1_000_000)));
        given().contentType(ContentType.JSON).body(movement).post("/api/v1/emulation/movements").then()
                .statusCode(201);
        Map<String, Object> elsewhere = new java.util.HashMap<>(movement);
        elsewhere.put("code", "X" + suffix);
        elsewhere.put("areaCode", "78");
        given().contentType(ContentType.JSON).body(elsewhere).post("/api/v1/emulation/movements").then()
                .statusCode(422).body("errors[0].field", equalTo("areaCode"));
        given().get("/api/v1/emulation/movements/" + foreign).then().statusCode(404);
        given().get("/api/v1/emulation/movements/" + foreign + "/standings").then().statusCode(404);
        given().get("/api/v1/emulation/movements").then().statusCode(200).body("areaCode", everyItem(equalTo("77")));
        given().contentType(ContentType.JSON).body(Map.of("participantId", UUID.randomUUID()))
                .post("/api/v1/emulation/movements/" + foreign + "/registrations").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("movementId", foreign, "participantId", UUID.randomUUID(),
                        "awardForm", "GIAY_KHEN_UBND_XA", "achievementSummary", "x", "attachments",
                        List.of(Map.of("kind", "SUBMISSION", "name", "Tờ trình", "reference", "1"))))
                .post("/api/v1/emulation/nominations").then().statusCode(422)
                .body("errors[0].field", equalTo("movementId"));
    }

    @Test
    void aSecondRoleWidensNothingAndNoAreasReachNothing() {
        UUID own = movement("77");
        UUID foreign = movement("78");
        for (String second : List.of("commune-officer", "province-officer", "fund-officer", "fund-approver",
                "council-member", "partner")) {
            String token = TestTokens.of("thi.dua.77", List.of("emulation-officer", second), List.of("77"));
            given().auth().oauth2(token).get("/api/v1/emulation/movements/" + own).then().statusCode(200);
            given().auth().oauth2(token).get("/api/v1/emulation/movements/" + foreign).then().statusCode(404);
            given().auth().oauth2(token).get("/api/v1/emulation/movements/" + foreign + "/standings").then()
                    .statusCode(404);
            given().auth().oauth2(token).get("/api/v1/emulation/movements").then().statusCode(200)
                    .body("areaCode", everyItem(equalTo("77")));
        }
        for (String role : List.of("emulation-officer", "council-member")) {
            String token = TestTokens.of("no.areas", List.of(role), List.of());
            given().auth().oauth2(token).get("/api/v1/emulation/movements").then().statusCode(200)
                    .body("size()", equalTo(0));
            given().auth().oauth2(token).get("/api/v1/emulation/movements/" + own).then().statusCode(404);
            given().auth().oauth2(token).get("/api/v1/emulation/movements/" + own + "/standings").then()
                    .statusCode(404);
        }
        String central = TestTokens.of("thi.dua.tw", List.of("emulation-officer"), List.of("VN"));
        given().auth().oauth2(central).get("/api/v1/emulation/movements/" + foreign).then().statusCode(200);
    }

    private UUID movement(String area) {
        UUID id = UUID.randomUUID();
        String code = "S" + Integer.toString((int) (Math.random() * 1_000_000_000), 36).toUpperCase();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                INSERT INTO movement (id, code, name, kind, area_code, starts_on, ends_on, created_by, created_at)
                VALUES (?1, ?2, 'Phong trào', 'THEMATIC', ?3, DATE '2025-01-01', DATE '2025-12-31', 'seed', now())""")
                .setParameter(1, id).setParameter(2, code).setParameter(3, area).executeUpdate());
        return id;
    }
}
