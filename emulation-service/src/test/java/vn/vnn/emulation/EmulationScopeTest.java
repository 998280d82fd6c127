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
}
