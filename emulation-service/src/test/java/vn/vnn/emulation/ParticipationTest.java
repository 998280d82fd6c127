package vn.vnn.emulation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.Claim;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Registration (đăng ký thi đua) and manual evidence that counts once another officer verified it. */
@QuarkusTest
class ParticipationTest {

    @Inject
    EntityManager entityManager;

    @Test
    @TestSecurity(user = "thi.dua", roles = "emulation-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void verifiedEvidenceCountsAndRegisteredParticipantsStandAtZero() {
        String code = "P" + Integer.toString((int) (Math.random() * 1_000_000_000), 36).toUpperCase();
        String movement = given().contentType(ContentType.JSON).body(Map.of("code", code, "name", "Phong trào " + code,
                        "kind", "REGULAR", "areaCode", "99", "startsOn", "2025-01-01", "endsOn", "2025-12-31",
                        "criteria", List.of(Map.of("code", "HOUSES_HELPED", "name", "Số nhà giúp xây (minh chứng)",
                                "measure", "MANUAL", "weight", 1, "target", 5, "candidateThreshold", 3))))
                .post("/api/v1/emulation/movements").then().statusCode(201).extract().path("id");
        String village = given().contentType(ContentType.JSON).body(Map.of("kind", "COLLECTIVE",
                        "name", "Thôn Đông " + code, "areaCode", "99"))
                .post("/api/v1/emulation/participants").then().statusCode(201).extract().path("id");
        String school = given().contentType(ContentType.JSON).body(Map.of("kind", "COLLECTIVE",
                        "name", "Trường Tiểu học An Hoà " + code, "areaCode", "99"))
                .post("/api/v1/emulation/participants").then().statusCode(201).extract().path("id");
        for (String participant : List.of(village, school, school)) {
            given().contentType(ContentType.JSON).body(Map.of("participantId", participant))
                    .post("/api/v1/emulation/movements/" + movement + "/registrations").then().statusCode(204);
        }
        String own = given().contentType(ContentType.JSON).body(Map.of("participantId", village,
                        "criterion", "HOUSES_HELPED", "value", 3, "description", "Góp công xây 3 nhà Đại đoàn kết",
                        "attachments", List.of(Map.of("kind", "OTHER", "name", "Biên bản bàn giao nhà",
                                "reference", "BB-01"))))
                .post("/api/v1/emulation/movements/" + movement + "/evidence").then().statusCode(201)
                .body("status", equalTo("PENDING")).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("approve", true))
                .post("/api/v1/emulation/evidence/" + own + "/verification").then().statusCode(403);

        UUID byOther = UUID.randomUUID(); // the same evidence, entered by another officer
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                INSERT INTO evidence (id, movement_id, criterion_id, participant_id, value, description, attachments,
                  status, submitted_by, submitted_at)
                SELECT ?1, e.movement_id, e.criterion_id, e.participant_id, e.value, e.description, e.attachments,
                  'PENDING', 'can.bo.khac', now() FROM evidence e WHERE e.id = CAST(?2 AS uuid)""")
                .setParameter(1, byOther).setParameter(2, own).executeUpdate());
        given().contentType(ContentType.JSON).body(Map.of("approve", true, "note", "Đã xác minh"))
                .post("/api/v1/emulation/evidence/" + byOther + "/verification").then().statusCode(200)
                .body("status", equalTo("VERIFIED")).body("verifiedBy", equalTo("thi.dua"));
        given().contentType(ContentType.JSON).body(Map.of("approve", true))
                .post("/api/v1/emulation/evidence/" + byOther + "/verification").then().statusCode(409);

        given().get("/api/v1/emulation/movements/" + movement + "/standings").then().statusCode(200)
                .body("", hasSize(2)).body("[0].name", equalTo("Thôn Đông " + code))
                .body("[0].values[0].value", equalTo(3.0f)).body("[1].values[0].value", equalTo(0));
        given().get("/api/v1/emulation/movements/" + movement + "/candidates").then()
                .body("[0].name", equalTo("Thôn Đông " + code));
        given().contentType(ContentType.JSON).body(Map.of("participantId", village, "criterion", "NOPE",
                        "value", 1, "description", "x", "attachments", List.of()))
                .post("/api/v1/emulation/movements/" + movement + "/evidence").then().statusCode(422);
    }
}
