package vn.vnn.emulation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import vn.vnn.kit.security.AccessMatrix;
import vn.vnn.kit.security.EndpointSecurityAudit;
import vn.vnn.kit.security.Roles;
import vn.vnn.localstack.testing.TestTokens;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every role on every emulation endpoint, against the table of who may call what (README). */
@QuarkusTest
class AccessMatrixTest {

    private static final String JSON = "application/json";
    private static final String ID = UUID.randomUUID().toString();
    private static final Set<String> OFFICE = Set.of("emulation-officer", "admin");
    private static final Set<String> READERS = Set.of("emulation-officer", "council-member", "admin", "auditor");
    private static final Set<String> CHAIRS = Set.of("province-chairman", "commune-chairman", "admin");
    private static final Set<String> AWARD_READERS = Set.of("emulation-officer", "council-member",
            "province-chairman", "commune-chairman", "admin", "auditor");
    private static final String NOMINATIONS = "/api/v1/emulation/nominations/" + ID;
    private static final String MOVEMENTS = "/api/v1/emulation/movements/" + ID;
    private static final AccessMatrix MATRIX = new AccessMatrix()
            .add("AchievementResource#ranking", "GET", "/api/v1/achievements", null, null,
                    Set.of("emulation-officer", "council-member", "fund-officer", "admin", "auditor"))
            .add("AchievementResource#summary", "GET", "/api/v1/achievements/summary", null, null,
                    Set.of("emulation-officer", "council-member", "fund-officer", "admin", "auditor", "partner"))
            .add("AchievementResource#get", "GET", "/api/v1/achievements/" + ID, null, null,
                    Set.of("emulation-officer", "council-member", "fund-officer", "admin", "auditor"))
            .add("AuditResource#read", "GET", "/api/v1/emulation/audit", null, null, Set.of("auditor", "admin"))
            .add("OutboxResource#list", "GET", "/api/v1/emulation/outbox/parked", null, null, Set.of("admin"))
            .add("OutboxResource#retry", "POST", "/api/v1/emulation/outbox/parked/00000000-0000-0000-0000-000000000000/retry", null, null,
                    Set.of("admin"))
            .add("OutboxResource#discard", "POST", "/api/v1/emulation/outbox/parked/00000000-0000-0000-0000-000000000000/discard", null, null,
                    Set.of("admin"))
            .add("HonoursResource#honours", "GET", "/api/v1/public/honours", null, null, Set.of(AccessMatrix.PUBLIC))
            .add("MovementResource#create", "POST", "/api/v1/emulation/movements", JSON, "{}", OFFICE)
            .add("MovementResource#list", "GET", "/api/v1/emulation/movements", null, null, READERS)
            .add("MovementResource#get", "GET", MOVEMENTS, null, null, READERS)
            .add("StandingsResource#standings", "GET", MOVEMENTS + "/standings", null, null, READERS)
            .add("StandingsResource#candidates", "GET", MOVEMENTS + "/candidates", null, null, READERS)
            .add("StandingsResource#credits", "GET", MOVEMENTS + "/participants/" + ID + "/credits", null, null,
                    READERS)
            .add("RegistrationResource#register", "POST", MOVEMENTS + "/registrations", JSON, "{}", OFFICE)
            .add("StandingsResource#evidence", "POST", MOVEMENTS + "/evidence", JSON, "{}", OFFICE)
            .add("NominationResource#submit", "POST", "/api/v1/emulation/nominations", JSON, "{}", OFFICE)
            .add("NominationResource#get", "GET", NOMINATIONS, null, null, Set.of("emulation-officer",
                    "council-member", "province-chairman", "commune-chairman", "admin", "auditor"))
            .add("NominationResource#certificate", "GET", NOMINATIONS + "/certificate.pdf", null, null,
                    Set.of("emulation-officer", "province-chairman", "commune-chairman", "admin", "auditor"))
            .add("NominationResource#appraise", "POST", NOMINATIONS + "/appraisal", JSON, "{}", OFFICE)
            .add("NominationResource#council", "POST", NOMINATIONS + "/council", JSON, "{}", OFFICE)
            .add("NominationResource#vote", "POST", NOMINATIONS + "/votes", JSON, "{}", Set.of("council-member"))
            .add("NominationResource#count", "POST", NOMINATIONS + "/count?version=0", null, null, OFFICE)
            .add("NominationResource#decide", "POST", NOMINATIONS + "/decision", JSON, "{}", CHAIRS)
            .add("NominationResource#revoke", "POST", NOMINATIONS + "/revocation", JSON, "{}",
                    Set.of("province-chairman", "admin"))
            .add("NominationResource#announce", "POST", NOMINATIONS + "/announcement", JSON, "{}", OFFICE)
            .add("NominationResource#comments", "GET", NOMINATIONS + "/comments", null, null,
                    Set.of("emulation-officer", "province-chairman", "commune-chairman", "admin", "auditor"))
            .add("NominationResource#moderate", "PUT", NOMINATIONS + "/comments/" + ID + "/moderation", JSON, "{}",
                    OFFICE)
            .add("NominationResource#reject", "POST", NOMINATIONS + "/rejection", JSON, "{}", CHAIRS)
            .add("NominationResource#pay", "POST", NOMINATIONS + "/payment", JSON, "{}", OFFICE)
            .add("HonoursResource#announcements", "GET", "/api/v1/public/honours/announcements", null, null,
                    Set.of(AccessMatrix.PUBLIC))
            .add("HonoursResource#comment", "POST", "/api/v1/public/honours/announcements/" + ID + "/comments", JSON,
                    "{}", Set.of(AccessMatrix.PUBLIC))
            .add("ParticipantResource#create", "POST", "/api/v1/emulation/participants", JSON, "{}", OFFICE)
            .add("ParticipantResource#search", "GET", "/api/v1/emulation/participants", null, null, READERS)
            .add("EvidenceResource#verify", "POST", "/api/v1/emulation/evidence/" + ID + "/verification", JSON,
                    "{}", OFFICE)
            .add("AwardConfigurationResource#forms", "GET", "/api/v1/emulation/award-forms", null, null,
                    AWARD_READERS)
            .add("AwardConfigurationResource#addRate", "POST", "/api/v1/emulation/award-forms/X/rates", JSON, "{}",
                    Set.of("admin"))
            .add("AwardConfigurationResource#baseSalaries", "GET", "/api/v1/emulation/base-salaries", null, null,
                    AWARD_READERS)
            .add("AwardConfigurationResource#addBaseSalary", "POST", "/api/v1/emulation/base-salaries", JSON, "{}",
                    Set.of("admin"));

    @Test
    void theTableCoversEveryEndpoint() throws Exception {
        assertThat(MATRIX.endpoints()).containsExactlyInAnyOrderElementsOf(
                AccessMatrix.simpleNames(EndpointSecurityAudit.audit(Path.of("target/classes")).endpoints()));
    }

    @Test
    void withoutAToken() {
        assertThat(MATRIX.withoutToken(AccessMatrixTest::send)).isEmpty();
    }

    /**
     * Every role alone and every combination of two roles, each in one real signed token with areas: an endpoint
     * admits a combination when it admits one of its roles, and holding a second role never turns a 403 into a
     * pass.
     */
    @Test
    void everyRoleAndEveryCombinationOfTwoRoles() {
        assertThat(MATRIX.mismatchesOfEveryCombination(Roles.ALL,
                roles -> TestTokens.of("matrix", roles, List.of("99")), AccessMatrixTest::send)).isEmpty();
    }

    @Test
    void aTokenMintedForAnotherClientOfTheRealmIs401() {
        String foreign = TestTokens.sign("someone", "account", "account", List.of("admin"), List.of("VN"));
        given().auth().oauth2(foreign).get("/api/v1/achievements").then().statusCode(401);
        given().auth().oauth2(TestTokens.of("someone", List.of("admin"), List.of())).get("/api/v1/achievements").then()
                .statusCode(200);
    }

    private static int send(AccessMatrix.Call call) {
        return send(call, null);
    }

    private static int send(AccessMatrix.Call call, String token) {
        RequestSpecification request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (call.contentType() != null) {
            request = request.contentType(call.contentType()).body(call.body());
        }
        return request.request(call.method(), call.path()).then().extract().statusCode();
    }
}
