package vn.vnn.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vnn.localstack.LocalStack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The whole suite, started by the local stack's own code (as the run command does), tested through the gateway
 * with real Keycloak tokens, real Kafka and real PostgreSQL.
 */
@ExtendWith(SharedStack.class)
class SuiteIT {

    private static LocalStack stack;
    private static String gateway;

    @BeforeAll
    static void startStack() {
        stack = SharedStack.stack();
        gateway = stack.gatewayUrl();
    }

    @Test
    void aDonationThroughTheGatewayBecomesTheDonorsAchievementOnceEvenWhenRetried() {
        String fundOfficer = Tokens.password(stack.realmUrl(), "fund.officer");
        String emulationOfficer = Tokens.password(stack.realmUrl(), "emulation.officer");
        String donorName = "Công ty Cổ phần Sữa Việt Nam " + UUID.randomUUID().toString().substring(0, 8);
        // A movement of the demo province running on the donation's date: the donation will count in it.
        String movement = given().auth().oauth2(emulationOfficer).contentType(ContentType.JSON)
                .body(Map.of("code", "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                        "name", "Phong trào \"Vì người nghèo\" (e2e)", "kind", "THEMATIC", "areaCode", "99",
                        "startsOn", "2025-10-01", "endsOn", "2025-12-31", "criteria", List.of(Map.of("code",
                                "DONATED", "name", "Số tiền ủng hộ", "measure", "DONATED_VND", "weight", 1,
                                "target", 500_000_000))))
                .post(gateway + "/api/v1/emulation/movements").then().statusCode(201).extract().path("id");
        Map<String, Object> donation = Map.of(
                "donor", Map.of("name", donorName, "type", "ORGANISATION"),
                "kind", "CASH", "amountVnd", 250_000_000L, "receivedOn", "2025-10-17", "fundAreaCode", "99");
        long donationsBefore = totalItems(fundOfficer, "/api/v1/donations");
        String key = UUID.randomUUID().toString();

        Response first = given().auth().oauth2(fundOfficer).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(donation).post(gateway + "/api/v1/donations");
        first.then().statusCode(201).body("donorName", equalTo(donorName)).body("recordedBy", equalTo("fund.officer"))
                .body("receiptNo", org.hamcrest.Matchers.startsWith("Q99/2025/"));
        String donationId = first.path("id");
        String donorId = first.path("donorId");
        assertThat(first.header("Location")).isEqualTo(gateway + "/api/v1/donations/" + donationId);

        Response retry = given().auth().oauth2(fundOfficer).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(donation).post(gateway + "/api/v1/donations");
        retry.then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(donationId));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(emulationOfficer)
                .get(gateway + "/api/v1/achievements/" + donorId)
                .then().statusCode(200)
                .body("participantName", equalTo(donorName))
                .body("participantType", equalTo("COLLECTIVE"))
                .body("totalDonatedVnd", equalTo(250_000_000))
                .body("donationCount", equalTo(1)));
        assertThat(totalItems(fundOfficer, "/api/v1/donations")).isEqualTo(donationsBefore + 1);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(emulationOfficer)
                .get(gateway + "/api/v1/emulation/movements/" + movement + "/standings").then().statusCode(200)
                .body("[0].name", equalTo(donorName)).body("[0].values[0].value", equalTo(250_000_000.0f))
                .body("[0].values[0].progressPercent", equalTo(50.0f)));

        // Still one credit a while later: the retry wrote no second event.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(emulationOfficer).get(gateway + "/api/v1/achievements/" + donorId)
                        .then().body("donationCount", equalTo(1)).body("totalDonatedVnd", equalTo(250_000_000)));
    }

    @Test
    void aRecognisedHouseholdStatusReachesTheFundsEligibilityView() {
        String communeOfficer = Tokens.password(stack.realmUrl(), "commune.officer");
        String fundOfficer = Tokens.password(stack.realmUrl(), "fund.officer");
        String householdId = given().auth().oauth2(communeOfficer).contentType(ContentType.JSON)
                .body(Map.of("communeCode", "99111", "villageCode", "99111-01", "members", List.of(Map.ofEntries(
                        Map.entry("fullName", "Hoàng Thị Mỷ"), Map.entry("birthDate", "1979-05-02"),
                        Map.entry("sex", "FEMALE"), Map.entry("relationship", "HEAD"),
                        Map.entry("citizenId", "0011790" + (10000 + new java.util.Random().nextInt(89999))),
                        Map.entry("healthInsurance", false), Map.entry("schoolStatus", "FINISHED"),
                        Map.entry("educationLevel", "PRIMARY"), Map.entry("diploma", "PRIMARY"),
                        Map.entry("disability", false), Map.entry("workingCapacity", "FULL"),
                        Map.entry("employment", "UNSTABLE")))))
                .post(gateway + "/api/v1/households")
                .then().statusCode(201).extract().path("id");
        // A periodic review round of the demo commune, driven step by step; the chairman recognises.
        String chairman = Tokens.password(stack.realmUrl(), "commune.chairman");
        String round = given().auth().oauth2(communeOfficer).contentType(ContentType.JSON)
                .body(Map.of("communeCode", "99111", "kind", "PERIODIC", "reviewYear", 2026, "postingDays", 3,
                        "complaintDays", 1))
                .post(gateway + "/api/v1/review-rounds").then().statusCode(201).extract().path("id");
        String reviewCase = given().auth().oauth2(communeOfficer).contentType(ContentType.JSON)
                .body(Map.of("householdIds", List.of(householdId)))
                .post(gateway + "/api/v1/review-rounds/" + round + "/cases").then().statusCode(200)
                .extract().path("[0].id");
        String steps = gateway + "/api/v1/review-cases/" + reviewCase;
        given().auth().oauth2(communeOfficer).contentType(ContentType.JSON)
                .body(Map.of("surveyedOn", "2026-09-10", "incomePerCapitaVnd", 1_100_000,
                        "additionalDeprivations", List.of("NUTRITION", "HOUSING_QUALITY", "DOMESTIC_WATER")))
                .post(steps + "/survey").then().statusCode(200).body("proposedStatus", equalTo("POOR"));
        given().auth().oauth2(communeOfficer).contentType(ContentType.JSON)
                .body(Map.of("heldOn", "2026-09-20", "minutesNo", "05/BB-THÔN ĐÔNG"))
                .post(steps + "/village-meeting").then().statusCode(200);
        given().auth().oauth2(communeOfficer).contentType(ContentType.JSON).body(Map.of("postedOn", "2026-10-01"))
                .post(steps + "/posting").then().statusCode(200);
        given().auth().oauth2(communeOfficer).contentType(ContentType.JSON)
                .body(Map.of("recognizedOn", "2026-10-06", "decisionNo", "125/QĐ-UBND"))
                .post(steps + "/recognition").then().statusCode(403);
        // Posted Thursday 1 October for 3 working days (1, 2 and 5 October), complaints on Tuesday 6 October
        // (QĐ 24/2021/QĐ-TTg counts working days): recognition from Wednesday 7 October.
        given().auth().oauth2(chairman).contentType(ContentType.JSON)
                .body(Map.of("recognizedOn", "2026-10-06", "decisionNo", "125/QĐ-UBND"))
                .post(steps + "/recognition").then().statusCode(409); // still within posting and complaints
        given().auth().oauth2(chairman).contentType(ContentType.JSON)
                .body(Map.of("recognizedOn", "2026-10-07", "decisionNo", "125/QĐ-UBND"))
                .post(steps + "/recognition").then().statusCode(200).body("state", equalTo("RECOGNISED"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(fundOfficer)
                .get(gateway + "/api/v1/eligible-households/" + householdId)
                .then().statusCode(200)
                .body("status", equalTo("POOR"))
                .body("eligible", equalTo(true))
                .body("communeCode", equalTo("99111")));
        given().auth().oauth2(fundOfficer).get(gateway + "/api/v1/eligible-households?communeCode=99111&size=100")
                .then().statusCode(200).body("items.householdId", hasItem(householdId));
        // ... it can now be supported: requested by one officer, approved by another, paid through the ledger,
        // and the payment shows in the fund's public statement without the household.
        String approver = Tokens.password(stack.realmUrl(), "fund.approver");
        given().auth().oauth2(fundOfficer).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("donor", Map.of("name", "Quỹ Thiện Tâm", "type", "ORGANISATION",
                        "organisationKind", "RELIGIOUS_OR_CHARITABLE"), "kind", "CASH", "amountVnd", 40_000_000,
                        "receivedOn", "2026-10-20", "fundAreaCode", "99"))
                .post(gateway + "/api/v1/donations").then().statusCode(201);
        String support = given().auth().oauth2(fundOfficer).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("fundAreaCode", "99", "householdId", householdId, "category", "GREAT_SOLIDARITY_HOUSE",
                        "amountVnd", 40_000_000, "purpose", "Xây nhà Đại đoàn kết"))
                .post(gateway + "/api/v1/disbursements").then().statusCode(201)
                .body("eligibility", equalTo("POOR")).extract().path("id");
        given().auth().oauth2(approver).contentType(ContentType.JSON)
                .body(Map.of("verdict", "APPROVE", "decisionNo", "09/QĐ-BVĐ", "version", 0))
                .post(gateway + "/api/v1/disbursements/" + support + "/decision").then().statusCode(200);
        given().auth().oauth2(fundOfficer).contentType(ContentType.JSON)
                .body(Map.of("paidOn", "2026-11-01", "version", 1))
                .post(gateway + "/api/v1/disbursements/" + support + "/payment").then().statusCode(200)
                .body("status", equalTo("PAID"));
        String statement = given().get(gateway + "/api/v1/public/funds/Q99/statement?from=2026-01-01&to=2026-12-31")
                .then().statusCode(200).extract().asString();
        assertThat(statement).contains("GREAT_SOLIDARITY_HOUSE", "Quỹ Thiện Tâm").doesNotContain(householdId);
        // ... and partners that follow support payments hear of it (fund-service → Kafka → household's partner feed)
        String partner = Tokens.clientCredentials(stack.realmUrl(), "partner-demo", "partner-demo-secret");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(given().auth().oauth2(partner)
                .get(gateway + "/api/v1/feeds/fund.disbursement-paid.v1?limit=500").then().statusCode(200)
                .extract().<List<String>>path("items.householdId")).contains(householdId));

        // ... and in the commune's statistics of the year
        int poor = given().auth().oauth2(chairman).get(gateway + "/api/v1/statistics/poverty?areaCode=99111&year=2026")
                .then().statusCode(200).extract().path("poor");
        assertThat(poor).isPositive();
    }

    @Test
    void aPartnerImportsHouseholdsThroughTheGatewayAndAReuploadChangesNothing() {
        String partner = Tokens.clientCredentials(stack.realmUrl(), "partner-demo", "partner-demo-secret");
        String template = given().auth().oauth2(partner).get(gateway + "/api/v1/household-imports/template.csv")
                .then().statusCode(200).extract().asString();
        String header = template.lines().findFirst().orElseThrow().replace("\uFEFF", "");
        String ref = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        String good = ref + "-1,99211,99211-01,Tổ 1,0912000111,không,không,4000000,40,BRICK,CONCRETE,TILE,PIPED,"
                + "SEPTIC,có,SMARTPHONE,,Đoàn Văn Lực,1980-03-04,MALE,HEAD,,có,FINISHED,UPPER_SECONDARY,"
                + "UPPER_SECONDARY,không,FULL,STABLE";
        String bad = ref + "-2,99211,,,,,,,,,,,,,,,,Đoàn Thị Yến,04/13/1985,FEMALE,HEAD,,có,FINISHED,PRIMARY,PRIMARY,"
                + "không,FULL,STABLE";
        String csv = header + "\n" + good + "\n" + bad + "\n";
        for (int upload = 1; upload <= 2; upload++) {
            String location = given().auth().oauth2(partner).contentType("text/csv; charset=UTF-8")
                    .header("Idempotency-Key", ref + "-" + upload).body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post(gateway + "/api/v1/household-imports").then().statusCode(202).extract().header("Location");
            Map<String, Object> job = await().atMost(Duration.ofSeconds(60)).until(() -> given().auth()
                    .oauth2(partner).get(location).then().statusCode(200).extract().<Map<String, Object>>path(""),
                    j -> "COMPLETED".equals(j.get("status")));
            assertThat(job).containsEntry("householdsCreated", upload == 1 ? 1 : 0)
                    .containsEntry("householdsUnchanged", upload == 1 ? 0 : 1).containsEntry("householdsRejected", 1);
            given().auth().oauth2(partner).get(location + "/errors").then().statusCode(200)
                    .body("items[0].row", equalTo(3)).body("items[0].column", equalTo("birth_date"));
        }
        // the partner put data in but reads no household back
        given().auth().oauth2(partner).get(gateway + "/api/v1/households").then().statusCode(403);
    }

    @Test
    void withoutATokenTheGatewayAndEachServiceAnswer401() {
        given().get(gateway + "/api/v1/donations").then().statusCode(401)
                .contentType("application/problem+json").body("traceId", notNullValue());
        for (String service : new String[]{"fund-service", "emulation-service", "household-service"}) {
            String path = switch (service) {
                case "fund-service" -> "/api/v1/donations";
                case "emulation-service" -> "/api/v1/achievements";
                default -> "/api/v1/households";
            };
            given().get(stack.serviceUrl(service) + path).then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aWrongRoleIs403() {
        String communeOfficer = Tokens.password(stack.realmUrl(), "commune.officer");
        given().auth().oauth2(communeOfficer).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("donor", Map.of("name", "X", "type", "INDIVIDUAL"), "kind", "CASH", "amountVnd", 1,
                        "receivedOn", "2025-10-17", "fundAreaCode", "99"))
                .post(gateway + "/api/v1/donations")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/forbidden"));
    }

    @Test
    void invalidInputIsAProblem422InTheCallersLanguage() {
        String fundOfficer = Tokens.password(stack.realmUrl(), "fund.officer");
        given().auth().oauth2(fundOfficer).contentType(ContentType.JSON).header("Accept-Language", "vi")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("donor", Map.of("name", "", "type", "ORGANISATION"), "kind", "CASH", "amountVnd", -1,
                        "receivedOn", "2025-10-17", "fundAreaCode", "99"))
                .post(gateway + "/api/v1/donations")
                .then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Dữ liệu không hợp lệ"))
                .body("errors.field", hasItem("donor.name"))
                .body("errors.field", hasItem("amountVnd"))
                .body("traceId", notNullValue());
    }

    @Test
    void aPartnerClientCredentialsTokenReadsThroughTheGateway() {
        String partner = Tokens.clientCredentials(stack.realmUrl(), "partner-demo", "partner-demo-secret");
        // Partners read aggregates per area, never a named ranking.
        given().auth().oauth2(partner).get(gateway + "/api/v1/achievements/summary")
                .then().statusCode(200).body("areas.areaCode", org.hamcrest.Matchers.everyItem(equalTo("99")));
        given().auth().oauth2(partner).get(gateway + "/api/v1/achievements").then().statusCode(403);
        given().auth().oauth2(partner).get(gateway + "/api/v1/donations").then().statusCode(403);
    }

    @Test
    void aPartnerClassifiesHouseholdsUnderTheStandardOfTheDate() {
        String partner = Tokens.clientCredentials(stack.realmUrl(), "partner-demo", "partner-demo-secret");
        List<String> three = List.of("HEALTH_INSURANCE", "HOUSING_AREA", "DOMESTIC_WATER");
        given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("assessmentDate", "2026-12-31", "areaType", "RURAL",
                        "monthlyIncomePerCapitaVnd", 1_500_000, "deprivations", three))
                .post(gateway + "/api/v1/poverty/classify")
                .then().statusCode(200)
                .body("standard", equalTo("VN-MPS-2022")).body("classification", equalTo("POOR"))
                .body("incomeLineVnd", equalTo(1_500_000)).body("deprivationCount", equalTo(3))
                .body("deprivationScore", equalTo(30));
        given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("assessmentDate", "2027-01-01", "areaType", "URBAN",
                        "monthlyIncomePerCapitaVnd", 2_800_001, "deprivations", three))
                .post(gateway + "/api/v1/poverty/classify")
                .then().statusCode(200)
                .body("standard", equalTo("VN-MPS-2027")).body("classification", equalTo("NOT_POOR"))
                .body("incomeLineVnd", equalTo(2_800_000));
        given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("assessmentDate", "2027-01-01", "areaType", "RURAL", "incomeScore", 120,
                        "deprivations", List.of("TELECOM_SERVICES")))
                .post(gateway + "/api/v1/poverty/classify")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("deprivations[0]"));
    }

    @Test
    void swaggerUiAndEveryServicesOpenApiAreServedByTheGateway() {
        given().get(gateway + "/q/swagger-ui/").then().statusCode(200);
        given().get(gateway + "/openapi/fund").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/donations"));
        given().get(gateway + "/openapi/household").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/households"));
        given().get(gateway + "/openapi/emulation").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/achievements"));
        given().get(gateway + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static long totalItems(String token, String path) {
        return ((Number) given().auth().oauth2(token).get(gateway + path + "?size=1").then().statusCode(200)
                .extract().path("totalItems")).longValue();
    }
}
