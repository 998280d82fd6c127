package vn.vnn.emulation;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import vn.vnn.kit.security.AccessMatrix;
import vn.vnn.kit.security.EndpointSecurityAudit;

import java.nio.file.Path;
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
    private static final String NOMINATIONS = "/api/v1/emulation/nominations/" + ID;
    private static final String MOVEMENTS = "/api/v1/emulation/movements/" + ID;
    private static final AccessMatrix MATRIX = new AccessMatrix()
            .add("AchievementResource#ranking", "GET", "/api/v1/achievements", null, null,
                    Set.of("emulation-officer", "council-member", "fund-officer", "admin", "auditor", "partner"))
            .add("AchievementResource#get", "GET", "/api/v1/achievements/" + ID, null, null,
                    Set.of("emulation-officer", "council-member", "fund-officer", "admin", "auditor", "partner"))
            .add("HonoursResource#honours", "GET", "/api/v1/public/honours", null, null, Set.of(AccessMatrix.PUBLIC))
            .add("MovementResource#create", "POST", "/api/v1/emulation/movements", JSON, "{}", OFFICE)
            .add("MovementResource#list", "GET", "/api/v1/emulation/movements", null, null, READERS)
            .add("MovementResource#get", "GET", MOVEMENTS, null, null, READERS)
            .add("MovementResource#standings", "GET", MOVEMENTS + "/standings", null, null, READERS)
            .add("MovementResource#candidates", "GET", MOVEMENTS + "/candidates", null, null, READERS)
            .add("MovementResource#credits", "GET", MOVEMENTS + "/participants/" + ID + "/credits", null, null,
                    READERS)
            .add("MovementResource#register", "POST", MOVEMENTS + "/registrations", JSON, "{}", OFFICE)
            .add("MovementResource#evidence", "POST", MOVEMENTS + "/evidence", JSON, "{}", OFFICE)
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
            .add("NominationResource#reject", "POST", NOMINATIONS + "/rejection", JSON, "{}", CHAIRS)
            .add("NominationResource#pay", "POST", NOMINATIONS + "/payment", JSON, "{}", OFFICE)
            .add("HonoursResource#announcements", "GET", "/api/v1/public/honours/announcements", null, null,
                    Set.of(AccessMatrix.PUBLIC))
            .add("HonoursResource#comment", "POST", "/api/v1/public/honours/announcements/" + ID + "/comments", JSON,
                    "{}", Set.of(AccessMatrix.PUBLIC))
            .add("ParticipationResource#create", "POST", "/api/v1/emulation/participants", JSON, "{}", OFFICE)
            .add("ParticipationResource#search", "GET", "/api/v1/emulation/participants", null, null, READERS)
            .add("ParticipationResource#verify", "POST", "/api/v1/emulation/evidence/" + ID + "/verification", JSON,
                    "{}", OFFICE);

    @Test
    void theTableCoversEveryEndpoint() throws Exception {
        assertThat(MATRIX.endpoints()).containsExactlyInAnyOrderElementsOf(
                AccessMatrix.simpleNames(EndpointSecurityAudit.audit(Path.of("target/classes")).endpoints()));
    }

    @Test
    void withoutAToken() {
        assertThat(MATRIX.mismatches(null, AccessMatrixTest::send)).isEmpty();
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void admin() {
        check("admin");
    }

    @Test
    @TestSecurity(user = "emulation.officer", roles = "emulation-officer")
    void emulationOfficer() {
        check("emulation-officer");
    }

    @Test
    @TestSecurity(user = "council.member", roles = "council-member")
    void councilMember() {
        check("council-member");
    }

    @Test
    @TestSecurity(user = "province.chairman", roles = "province-chairman")
    void provinceChairman() {
        check("province-chairman");
    }

    @Test
    @TestSecurity(user = "commune.chairman", roles = "commune-chairman")
    void communeChairman() {
        check("commune-chairman");
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void auditor() {
        check("auditor");
    }

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    void fundOfficer() {
        check("fund-officer");
    }

    @Test
    @TestSecurity(user = "commune.officer", roles = "commune-officer")
    void communeOfficer() {
        check("commune-officer");
    }

    @Test
    @TestSecurity(user = "partner", roles = "partner")
    void partner() {
        check("partner");
    }

    private static void check(String role) {
        assertThat(MATRIX.mismatches(role, AccessMatrixTest::send)).isEmpty();
    }

    private static int send(AccessMatrix.Call call) {
        RequestSpecification request = given();
        if (call.contentType() != null) {
            request = request.contentType(call.contentType()).body(call.body());
        }
        return request.request(call.method(), call.path()).then().extract().statusCode();
    }
}
