package vn.vnn.household;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import vn.vnn.household.areas.AreaService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Versioned administrative units (infrastructure: HouseholdServiceTest). */
@QuarkusTest
class AreaApiTest {

    @Inject
    AreaService areas;

    /** Loads the demo province the way the local stack does (the import endpoint is tested below). */
    @BeforeEach
    void loadTheDemoProvince() throws IOException {
        HouseholdServiceTest.loadDemoAreas(areas);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void adminsImportUnitListsAndAnImportAgainChangesNothing() throws IOException {
        String csv = Files.readString(Path.of("../deploy/demo/areas.csv"), StandardCharsets.UTF_8);
        given().contentType("text/csv; charset=UTF-8").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(csv).post("/api/v1/areas/import")
                .then().statusCode(200).body("rows", equalTo(23)).body("created", equalTo(0))
                .body("updated", equalTo(23));
        given().get("/api/v1/areas/99?date=2026-01-01").then().statusCode(200)
                .body("name", equalTo("Tỉnh Minh Hoạ (DỮ LIỆU DEMO)"));
    }

    @TestSecurity(user = "admin", roles = "admin")
    void importTheDemoProvince() throws IOException {
        given().contentType("text/csv; charset=UTF-8").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Files.readString(Path.of("../deploy/demo/areas.csv"), StandardCharsets.UTF_8))
                .post("/api/v1/areas/import")
                .then().statusCode(200).body("rows", equalTo(23));
    }

    @Test
    @TestSecurity(user = "partner-demo", roles = "partner")
    void theTreeHasThreeTiersBeforeJuly2025AndTwoAfter() {
        given().get("/api/v1/areas/tree?date=2025-06-30&root=99").then().statusCode(200)
                .body("[0].name", equalTo("Tỉnh Minh Hoạ (DỮ LIỆU DEMO)"))
                .body("[0].children.code", contains("991", "992"))
                .body("[0].children[0].children.code", contains("99101", "99102", "99103"))
                .body("[0].children[0].children[0].children.code", contains("99101-01", "99101-02"));
        given().get("/api/v1/areas/tree?date=2025-07-01&root=99").then().statusCode(200)
                .body("[0].children.code", contains("99111", "99112", "99211"))
                .body("[0].children.level", contains("COMMUNE", "COMMUNE", "COMMUNE"))
                .body("[0].children[0].children.code", contains("99111-01", "99111-02", "99111-03"));
        given().get("/api/v1/areas?date=2025-08-01&level=COMMUNE&parentCode=99").then().statusCode(200)
                .body("code", contains("99111", "99112", "99211"))
                .body("demo", contains(true, true, true));
    }

    @Test
    @TestSecurity(user = "commune.officer", roles = "commune-officer")
    void oldUnitsLeadToTheirSuccessorsAndBack() {
        given().get("/api/v1/areas/99102?date=2020-01-01").then().statusCode(200)
                .body("validTo", equalTo("2025-06-30"))
                .body("successorCodes", contains("99111"));
        given().get("/api/v1/areas/99111").then().statusCode(200)
                .body("predecessorCodes", containsInAnyOrder("99101", "99102"))
                .body("parentCode", equalTo("99"))
                .body("children", hasSize(3));
        given().get("/api/v1/areas/does-not-exist").then().statusCode(404);
        given().get("/api/v1/areas?date=not-a-date").then().statusCode(422).body("errors[0].field", equalTo("date"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void aFileWithAnyBadRowImportsNothing() {
        String csv = "code,name,level,parentCode,type,validFrom,validTo,successorCodes\n"
                + "98,Tỉnh Thử,PROVINCE,,RURAL,2025-07-01,,\n"
                + "98001,Xã Mồ Côi,COMMUNE,97,RURAL,2025-07-01,,\n";
        given().contentType("text/csv").header("Idempotency-Key", UUID.randomUUID().toString()).body(csv)
                .post("/api/v1/areas/import").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("row 2 parentCode"));
        given().get("/api/v1/areas/98").then().statusCode(404);
        given().contentType("text/csv").body(csv).post("/api/v1/areas/import").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("Idempotency-Key"));
    }

    @Test
    @TestSecurity(user = "commune.officer", roles = "commune-officer")
    void onlyAdminsImport() {
        given().contentType("text/csv").header("Idempotency-Key", UUID.randomUUID().toString())
                .body("code,name\n").post("/api/v1/areas/import").then().statusCode(403);
    }

    @Test
    void anonymousCallersSeeNothing() {
        given().get("/api/v1/areas/tree").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).get("/api/v1/areas").then().statusCode(401);
    }
}
