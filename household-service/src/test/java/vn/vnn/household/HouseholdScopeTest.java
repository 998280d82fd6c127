package vn.vnn.household;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.vnn.household.areas.AreaService;
import vn.vnn.localstack.testing.TestTokens;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/**
 * Reach with real tokens holding several roles: a second role never widens what the first reaches in the registry,
 * missing areas reach nothing, and national reach is granted only explicitly.
 */
@QuarkusTest
class HouseholdScopeTest {

    private static final String ADMIN = TestTokens.of("admin", List.of("admin"), List.of());

    @Inject
    AreaService areas;

    @BeforeEach
    void demoProvince() throws Exception {
        HouseholdServiceTest.loadDemoAreas(areas);
    }

    @Test
    void aCommuneOfficerWhoAlsoHoldsAFundOrEmulationRoleReachesOnlyTheirCommune() {
        String ownCitizen = HouseholdServiceTest.citizenId(1980, "MALE");
        String otherCitizen = HouseholdServiceTest.citizenId(1981, "MALE");
        String own = register(ADMIN, "99111", "Đỗ Văn Nhà", ownCitizen);
        String other = register(ADMIN, "99112", "Đỗ Văn Khác", otherCitizen);
        for (String second : List.of("fund-officer", "fund-approver", "emulation-officer", "council-member")) {
            String token = TestTokens.of("officer.99111", List.of("commune-officer", second), List.of("99111"));
            given().auth().oauth2(token).get("/api/v1/households/" + own).then().statusCode(200)
                    .body("members.citizenId", hasItem(ownCitizen));
            given().auth().oauth2(token).get("/api/v1/households/" + other).then().statusCode(404);
            given().auth().oauth2(token).get("/api/v1/households/" + other + "/assessment").then().statusCode(404);
            given().auth().oauth2(token).get("/api/v1/households/" + other + "/status-recognitions").then()
                    .statusCode(404);
            given().auth().oauth2(token).get("/api/v1/households?size=100").then().statusCode(200)
                    .body("items.id", hasItem(own)).body("items.id", not(hasItem(other)))
                    .body("items.communeCode", everyItem(equalTo("99111")));
            given().auth().oauth2(token).get("/api/v1/households?communeCode=99112").then().statusCode(200)
                    .body("items", empty());
            given().auth().oauth2(token).get("/api/v1/households?citizenId=" + otherCitizen).then()
                    .statusCode(200).body("items", empty());
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("communeCode", "99112",
                    "version", 0)).put("/api/v1/households/" + other).then().statusCode(404);
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(HouseholdServiceTest.member("Đỗ Thị Con", "CHILD", null, 2016, "FEMALE"))
                    .post("/api/v1/households/" + other + "/members").then().statusCode(404);
            given().auth().oauth2(token).get("/api/v1/statistics/poverty?areaCode=99112&year=2025").then()
                    .statusCode(404);
        }
    }

    @Test
    void anAreaBoundRoleWithoutAreasReachesNothing() {
        String own = register(ADMIN, "99111", "Đinh Văn Vắng", null);
        for (String role : List.of("commune-officer", "province-officer", "commune-chairman")) {
            String token = TestTokens.of("no.areas", List.of(role), List.of());
            given().auth().oauth2(token).get("/api/v1/households?size=100").then().statusCode(200)
                    .body("items", empty()).body("totalItems", equalTo(0));
            given().auth().oauth2(token).get("/api/v1/households/" + own).then().statusCode(404);
            given().auth().oauth2(token).get("/api/v1/statistics/poverty?areaCode=99&year=2025").then()
                    .statusCode(404);
        }
        String officer = TestTokens.of("no.areas", List.of("commune-officer"), List.of());
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(HouseholdServiceTest.household("99111", "Đinh Văn Mới", null))
                .post("/api/v1/households").then().statusCode(422).body("errors[0].field", equalTo("communeCode"));
        for (String role : List.of("fund-officer", "emulation-officer", "council-member", "partner")) {
            given().auth().oauth2(TestTokens.of("no.areas", List.of(role), List.of()))
                    .get("/api/v1/statistics/poverty?areaCode=99&year=2025").then().statusCode(404);
        }
    }

    @Test
    void nationalReachIsAnExplicitGrant() {
        String a = register(ADMIN, "99111", "Hà Văn Một", null);
        String b = register(ADMIN, "99211", "Hà Văn Hai", null);
        String central = TestTokens.of("central.officer", List.of("province-officer"), List.of("VN"));
        given().auth().oauth2(central).get("/api/v1/households/" + a).then().statusCode(200);
        given().auth().oauth2(central).get("/api/v1/households/" + b).then().statusCode(200)
                .body("phone", matchesPattern("[0-9]{2}\\*+[0-9]{2}"));
        given().auth().oauth2(TestTokens.of("fund.central", List.of("fund-officer"), List.of("VN")))
                .get("/api/v1/statistics/poverty?areaCode=99&year=2025").then().statusCode(200);
        given().auth().oauth2(TestTokens.of("fund.99", List.of("fund-officer"), List.of("99")))
                .get("/api/v1/statistics/poverty?areaCode=99&year=2025").then().statusCode(200);
    }

    static String register(String token, String commune, String head, String citizenId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(HouseholdServiceTest.household(commune, head, citizenId))
                .post("/api/v1/households").then().statusCode(201).extract().path("id");
    }
}
