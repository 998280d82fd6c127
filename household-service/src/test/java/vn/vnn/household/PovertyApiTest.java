package vn.vnn.household;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/** The public classify contract and the admin maintenance of standards (infrastructure: HouseholdServiceTest). */
@QuarkusTest
class PovertyApiTest {

    @Test
    @TestSecurity(user = "partner-demo", roles = "partner")
    void theContractHoldsExactlyForAPartner() {
        classify(body("2025-09-15", "RURAL", 1_450_000L, null,
                List.of("HEALTH_INSURANCE", "HOUSING_AREA", "DOMESTIC_WATER")))
                .statusCode(200)
                .body("$", aMapWithSize(5))
                .body("standard", equalTo("VN-MPS-2022"))
                .body("classification", equalTo("POOR"))
                .body("incomeLineVnd", equalTo(1_500_000))
                .body("deprivationCount", equalTo(3))
                .body("deprivationScore", equalTo(30));
    }

    @Test
    @TestSecurity(user = "commune.officer", roles = "commune-officer")
    void boundariesOfBothStandards() {
        List<String> three = List.of("HEALTH_INSURANCE", "HOUSING_AREA", "DOMESTIC_WATER");
        expect("2022-01-01", "RURAL", 1_500_000L, null, three, "VN-MPS-2022", "POOR");
        expect("2026-12-31", "URBAN", 2_000_000L, null, List.of("NUTRITION"), "VN-MPS-2022", "NEAR_POOR");
        expect("2026-06-01", "URBAN", 3_000_000L, null, three, "VN-MPS-2022", "AVERAGE_LIVING_STANDARD");
        expect("2026-06-01", "URBAN", 3_000_001L, null, three, "VN-MPS-2022", "NOT_POOR");
        expect("2027-01-01", "RURAL", 2_200_000L, null, List.of("DIGITAL_SERVICES", "WASTE_TREATMENT", "NUTRITION"),
                "VN-MPS-2027", "POOR");
        expect("2030-12-31", "URBAN", 2_800_001L, null, three, "VN-MPS-2027", "NOT_POOR");
        expect("2025-09-15", "RURAL", null, 130, three, "VN-MPS-2022", "POOR");
        expect("2025-09-15", "URBAN", null, 176, three, "VN-MPS-2022", "NOT_POOR");
        expect("2025-09-15", "RURAL", 0L, null, List.of(), "VN-MPS-2022", "NEAR_POOR");
    }

    @Test
    @TestSecurity(user = "partner-demo", roles = "partner")
    void invalidInputIs422NamingTheField() {
        invalid(body("2021-12-31", "RURAL", 1L, null, List.of()), "assessmentDate");
        invalid(body("2099-01-01", "RURAL", 1L, null, List.of()), "assessmentDate");
        invalid(body("2025-09-15", "RURAL", 1L, null, List.of("HEALTH_INSURANCE", "NOT_AN_INDICATOR")),
                "deprivations[1]");
        invalid(body("2027-03-01", "RURAL", 1L, null, List.of("TELECOM_SERVICES")), "deprivations[0]");
        invalid(body("2025-09-15", "RURAL", 1L, null, List.of("NUTRITION", "NUTRITION")), "deprivations[1]");
        invalid(body("2025-09-15", "RURAL", 1L, 100, List.of()), "incomeScore");
        invalid(body("2025-09-15", "RURAL", null, null, List.of()), "monthlyIncomePerCapitaVnd");
        invalid(body("2025-09-15", "RURAL", -1L, null, List.of()), "monthlyIncomePerCapitaVnd");
        invalid(body("2027-09-15", "RURAL", null, 100, List.of()), "incomeScore");
        invalid(body("2025-09-15", "FOREST", 1L, null, List.of()), "areaType");
        given().contentType(ContentType.JSON).body("{\"assessmentDate\": \"2025-09-15\",")
                .post("/api/v1/poverty/classify").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anonymousCallersCannotClassify() {
        classify(body("2025-09-15", "RURAL", 1L, null, List.of())).statusCode(401);
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void adminsMaintainStandardsAsDataWithoutOverlapsOrLostUpdates() {
        given().get("/api/v1/poverty/standards").then().statusCode(200)
                .body("code", hasItems("VN-MPS-2022", "VN-MPS-2027"));
        Map<String, Object> local = standard("LOCAL-2031", "2031-01-01", "2031-12-31", null);
        given().contentType(ContentType.JSON).body(local).post("/api/v1/poverty/standards")
                .then().statusCode(201).body("version", equalTo(0));
        expect("2031-05-01", "RURAL", 2_500_000L, null, List.of("NUTRITION", "EMPLOYMENT", "DEPENDANTS"),
                "LOCAL-2031", "POOR");

        Map<String, Object> overlapping = standard("LOCAL-2030", "2030-06-01", "2030-12-31", null);
        given().contentType(ContentType.JSON).body(overlapping).post("/api/v1/poverty/standards")
                .then().statusCode(422).body("errors[0].field", equalTo("validFrom"));

        Map<String, Object> raised = standard("LOCAL-2031", "2031-01-01", "2031-12-31", 0L);
        raised.put("ruralIncomeLineVnd", 2_600_000);
        given().contentType(ContentType.JSON).body(raised).put("/api/v1/poverty/standards/LOCAL-2031")
                .then().statusCode(200).body("ruralIncomeLineVnd", equalTo(2_600_000)).body("version", equalTo(1))
                .body("updatedBy", equalTo("admin"));
        given().contentType(ContentType.JSON).body(raised).put("/api/v1/poverty/standards/LOCAL-2031")
                .then().statusCode(409);

        // The derivation thresholds are the standard's data (VN-MPS-2022's by default) and change with it.
        given().get("/api/v1/poverty/standards/LOCAL-2031").then().body("thresholds.minAreaPerPersonM2", equalTo(8.0f))
                .body("thresholds.healthInsuranceFromAge", equalTo(6));
        Map<String, Object> thresholds = new java.util.HashMap<>(Map.of("healthInsuranceFromAge", 5,
                "workingAgeFrom", 15, "elderlyFromAge", 60, "dependantChildUnderAge", 16, "dependantsOverPercent", 50,
                "educationFromAge", 16, "educationToAge", 30, "schoolFromAge", 3, "schoolUnderAge", 16,
                "minAreaPerPersonM2", 10));
        raised.put("version", 1);
        raised.put("thresholds", thresholds);
        given().contentType(ContentType.JSON).body(raised).put("/api/v1/poverty/standards/LOCAL-2031")
                .then().statusCode(200).body("thresholds.minAreaPerPersonM2", equalTo(10.0f))
                .body("thresholds.healthInsuranceFromAge", equalTo(5));
        thresholds.put("schoolUnderAge", 3);
        raised.put("version", 2);
        given().contentType(ContentType.JSON).body(raised).put("/api/v1/poverty/standards/LOCAL-2031")
                .then().statusCode(422).body("errors[0].field", equalTo("thresholds.schoolUnderAge"));
    }

    @Test
    @TestSecurity(user = "province.officer", roles = "province-officer")
    void onlyAdminsChangeStandards() {
        given().contentType(ContentType.JSON).body(standard("LOCAL-2040", "2040-01-01", "2040-12-31", null))
                .post("/api/v1/poverty/standards").then().statusCode(403);
        given().get("/api/v1/poverty/standards/VN-MPS-2027").then().statusCode(200)
                .body("indicators", hasItem("WASTE_TREATMENT"));
    }

    private static Map<String, Object> standard(String code, String from, String to, Long version) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "Chuẩn nghèo địa phương",
                "legalBasis", "Quyết định của UBND tỉnh", "validFrom", from, "validTo", to,
                "ruralIncomeLineVnd", 2_500_000, "urbanIncomeLineVnd", 3_000_000, "minDeprivationsForPoor", 3,
                "pointsPerDeprivation", 10, "indicators", List.of("EMPLOYMENT", "DEPENDANTS", "NUTRITION")));
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    private static void expect(String date, String area, Long income, Integer score, List<String> deprivations,
                               String standard, String classification) {
        classify(body(date, area, income, score, deprivations)).statusCode(200)
                .body("standard", equalTo(standard)).body("classification", equalTo(classification));
    }

    private static void invalid(Map<String, Object> body, String field) {
        classify(body).statusCode(422).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private static ValidatableResponse classify(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/poverty/classify").then();
    }

    private static Map<String, Object> body(String date, String area, Long income, Integer score,
                                            List<String> deprivations) {
        Map<String, Object> body = new HashMap<>();
        body.put("assessmentDate", date);
        body.put("areaType", area);
        if (income != null) {
            body.put("monthlyIncomePerCapitaVnd", income);
        }
        if (score != null) {
            body.put("incomeScore", score);
        }
        body.put("deprivations", deprivations);
        return body;
    }
}
