package vn.vnn.fund;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.vnn.fund.funds.Fund;
import vn.vnn.fund.funds.FundService;
import vn.vnn.localstack.testing.TestTokens;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Donors are seen through the caller's funds only; a rename never rewrites an issued receipt or a published
 * statement; individuals are never merged by name alone.
 */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(LedgerBalanced.class)
class DonorScopeTest {

    private static final String CENTRAL = TestTokens.of("central.officer", List.of("fund-officer"), List.of("VN"));

    @Inject
    FundService funds;
    @Inject
    EntityManager entityManager;

    @Test
    void anAreaBoundOfficerSeesDonorsThroughTheirOwnFundsOnly() {
        String a = area("A");
        String b = area("B");
        String taxCode = String.format("%010d", (long) (Math.random() * 9_000_000_000L));
        Map<String, Object> both = organisation("Công ty Cổ phần Thép Hai Miền " + a, taxCode);
        both.put("phone", "0912 345 678");
        String bothId = donate(CENTRAL, both, 5_000_000, a, false).statusCode(201).extract().path("donorId");
        donate(CENTRAL, both, 7_000_000, b, true).statusCode(201); // anonymously, to another area's fund
        String onlyB = donate(CENTRAL, organisation("Hội Doanh nhân trẻ " + b, null), 9_000_000, b, false)
                .statusCode(201).extract().path("donorId");

        for (String role : List.of("fund-officer", "fund-approver")) {
            String officer = TestTokens.of("officer." + a, List.of(role), List.of(a));
            given().auth().oauth2(officer).get("/api/v1/donors?size=100").then().statusCode(200)
                    .body("items.id", hasItem(bothId)).body("items.id", not(hasItem(onlyB)));
            given().auth().oauth2(officer).get("/api/v1/donors/" + onlyB).then().statusCode(404);
            given().auth().oauth2(officer).get("/api/v1/donors/" + onlyB + "/donations").then().statusCode(404);
            // Totals and history cover the caller's funds only: the anonymous gift to B never shows.
            given().auth().oauth2(officer).get("/api/v1/donors/" + bothId).then().statusCode(200)
                    .body("donations", equalTo(1)).body("givenVnd", equalTo(5_000_000));
            given().auth().oauth2(officer).get("/api/v1/donors/" + bothId + "/donations").then().statusCode(200)
                    .body("totalItems", equalTo(1)).body("items.fundAreaCode", everyItem(equalTo(a)));
        }
        // Changing a donor who also gave elsewhere is for someone who reaches every fund they gave to.
        String officer = TestTokens.of("officer." + a, List.of("fund-officer"), List.of(a));
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("name", "Đổi tên", "organisationKind", "ENTERPRISE", "taxCode", taxCode, "version", 0))
                .put("/api/v1/donors/" + bothId).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("name", "Đổi tên", "organisationKind", "OTHER", "version", 0))
                .put("/api/v1/donors/" + onlyB).then().statusCode(404);
        given().auth().oauth2(CENTRAL).get("/api/v1/donors/" + bothId).then().statusCode(200)
                .body("donations", equalTo(2)).body("givenVnd", equalTo(12_000_000));
        String auditor = TestTokens.of("auditor", List.of("auditor"), List.of());
        given().auth().oauth2(auditor).get("/api/v1/donors/" + onlyB).then().statusCode(200);
    }

    @Test
    void renamingADonorNeverRewritesAnIssuedReceiptOrAPublishedStatement() throws Exception {
        String a = area("R");
        String officer = TestTokens.of("officer." + a, List.of("fund-officer"), List.of(a));
        String before = "Hợp tác xã Đồng Xanh " + a;
        var first = donate(officer, organisation(before, null), 3_000_000, a, false).statusCode(201).extract();
        String donation = first.path("id");
        String donor = first.path("donorId");
        String receiptBefore = receiptText(officer, donation);
        assertThat(receiptBefore).contains(before);

        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("name", "Hợp tác xã Nông nghiệp Đồng Xanh Mới " + a, "organisationKind", "COLLECTIVE",
                        "version", 0))
                .put("/api/v1/donors/" + donor).then().statusCode(200);

        assertThat(receiptText(officer, donation)).isEqualTo(receiptBefore);
        given().auth().oauth2(officer).get("/api/v1/donations/" + donation).then().statusCode(200)
                .body("donorName", equalTo(before));
        given().get("/api/v1/public/funds/Q" + a + "/statement?from=2025-01-01&to=2025-12-31").then()
                .statusCode(200).body("receipts.donorName", hasItem(before))
                .body("receipts.donorName", not(hasItem("Hợp tác xã Nông nghiệp Đồng Xanh Mới " + a)));
        // The next gift is receipted under the new name.
        Map<String, Object> byId = new HashMap<>(Map.of("donorId", donor, "kind", "CASH", "amountVnd", 1_000_000,
                "receivedOn", "2025-10-21", "fundAreaCode", a));
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(byId).post("/api/v1/donations")
                .then().statusCode(201).body("donorId", equalTo(donor))
                .body("donorName", equalTo("Hợp tác xã Nông nghiệp Đồng Xanh Mới " + a));
    }

    @Test
    void eligibleHouseholdsAndTransfersShowNothingOfAnotherArea() {
        String a = area("E");
        String b = area("F");
        QuarkusTransaction.requiringNew().run(() -> {
            FundServiceTest.openFund(funds, a);
            FundServiceTest.openFund(funds, b);
            for (String[] row : new String[][] {{"hh-" + a, a}, {"hh-" + b, b}}) {
                entityManager.createNativeQuery("""
                        INSERT INTO eligible_household (household_id, household_code, commune_code, province_code,
                          status, eligible, standard, review_year, recognized_on, last_event_id, updated_at)
                        VALUES (?1, ?1, ?2 || '01', ?2, 'POOR', true, 'VN-MPS-2022', 2025, DATE '2025-12-15', 'e',
                          now())""").setParameter(1, row[0]).setParameter(2, row[1]).executeUpdate();
            }
        });
        String officer = TestTokens.of("officer." + a, List.of("fund-officer"), List.of(a));
        given().auth().oauth2(officer).get("/api/v1/eligible-households?size=100").then().statusCode(200)
                .body("items.householdId", hasItem("hh-" + a)).body("items.householdId", not(hasItem("hh-" + b)));
        given().auth().oauth2(officer).get("/api/v1/eligible-households/hh-" + b).then().statusCode(404);
        given().auth().oauth2(TestTokens.of("nobody", List.of("fund-officer"), List.of()))
                .get("/api/v1/eligible-households?size=100").then().statusCode(200).body("totalItems", equalTo(0));

        donate(CENTRAL, organisation("Quỹ Từ thiện Bông Sen " + a, null), 20_000_000, a, false).statusCode(201);
        UUID fromFund = QuarkusTransaction.requiringNew().call(() -> Fund.openForArea(a).orElseThrow().id);
        UUID toFund = QuarkusTransaction.requiringNew().call(() -> Fund.openForArea(b).orElseThrow().id);
        String approver = TestTokens.of("approver." + a, List.of("fund-approver"), List.of(a));
        given().auth().oauth2(approver).contentType(ContentType.JSON)
                .body(Map.of("toFundId", toFund, "amountVnd", 2_000_000, "transferredOn", "2025-10-22",
                        "reason", "Hỗ trợ quỹ xã theo quyết định 12/QĐ"))
                .post("/api/v1/funds/" + fromFund + "/transfers").then().statusCode(200)
                .body("from.cashVnd", equalTo(18_000_000))
                .body("to.code", equalTo("Q" + b)).body("to.cashVnd", nullValue())
                .body("to.receivedVnd", nullValue());
        given().auth().oauth2(CENTRAL).get("/api/v1/funds/" + toFund).then().statusCode(200)
                .body("cashVnd", notNullValue());
    }

    @Test
    void individualsAreKnownByCitizenIdPhoneEmailOrIdNeverByNameAlone() {
        String a = area("I");
        Map<String, Object> an = individual("Nguyễn Văn An");
        String first = donate(CENTRAL, an, 500_000, a, false).statusCode(201).extract().path("donorId");
        String second = donate(CENTRAL, an, 600_000, a, false).statusCode(201).extract().path("donorId");
        assertThat(second).isNotEqualTo(first); // two people of the same name stay two donors

        Map<String, Object> withPhone = individual("Nguyễn Văn An");
        String phone = "09" + String.format("%08d", (long) (Math.random() * 99_999_999L));
        withPhone.put("phone", phone);
        String byPhone = donate(CENTRAL, withPhone, 100_000, a, false).statusCode(201).extract().path("donorId");
        assertThat(donate(CENTRAL, withPhone, 200_000, a, false).statusCode(201).extract().<String>path("donorId"))
                .isEqualTo(byPhone);

        Map<String, Object> withCitizenId = individual("Trần Thị Bình");
        String citizenId = String.format("001%d%02d%06d", 1, 90, (long) (Math.random() * 999_999));
        withCitizenId.put("citizenId", citizenId);
        String byCitizenId = donate(CENTRAL, withCitizenId, 100_000, a, false).statusCode(201).extract()
                .path("donorId");
        Map<String, Object> sameCitizenOtherSpelling = individual("Trần T. Bình");
        sameCitizenOtherSpelling.put("citizenId", citizenId);
        assertThat(donate(CENTRAL, sameCitizenOtherSpelling, 100_000, a, false).statusCode(201).extract()
                .<String>path("donorId")).isEqualTo(byCitizenId);

        Map<String, Object> withEmail = individual("Lê Văn Cường");
        withEmail.put("email", "cuong." + a.toLowerCase() + "@example.vn");
        String byEmail = donate(CENTRAL, withEmail, 100_000, a, false).statusCode(201).extract().path("donorId");
        withEmail.put("email", "Cuong." + a.toLowerCase() + "@Example.vn");
        assertThat(donate(CENTRAL, withEmail, 100_000, a, false).statusCode(201).extract().<String>path("donorId"))
                .isEqualTo(byEmail);

        // Chosen explicitly by id.
        given().auth().oauth2(CENTRAL).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("donorId", first, "kind", "CASH", "amountVnd", 50_000, "receivedOn", "2025-10-20",
                        "fundAreaCode", a))
                .post("/api/v1/donations").then().statusCode(201).body("donorId", equalTo(first));
        given().auth().oauth2(CENTRAL).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("donorId", UUID.randomUUID(), "kind", "CASH", "amountVnd", 50_000,
                        "receivedOn", "2025-10-20", "fundAreaCode", a))
                .post("/api/v1/donations").then().statusCode(422).body("errors[0].field", equalTo("donorId"));
        given().auth().oauth2(CENTRAL).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("kind", "CASH", "amountVnd", 50_000, "receivedOn", "2025-10-20", "fundAreaCode", a))
                .post("/api/v1/donations").then().statusCode(422).body("errors[0].field", equalTo("donor"));
        // An officer of another area cannot name a donor they do not see.
        String other = TestTokens.of("officer.other", List.of("fund-officer"), List.of(area("O")));
        given().auth().oauth2(other).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("donorId", first, "kind", "CASH", "amountVnd", 50_000, "receivedOn", "2025-10-20",
                        "fundAreaCode", a))
                .post("/api/v1/donations").then().statusCode(422);

        // Organisations are still known by name, compared after Unicode NFC normalisation.
        String composed = "Hợp tác xã Hoà Bình " + a;
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(composed);
        String org = donate(CENTRAL, organisation(composed, null), 100_000, a, false).statusCode(201).extract()
                .path("donorId");
        donate(CENTRAL, organisation(decomposed, null), 100_000, a, false).statusCode(201)
                .body("donorId", equalTo(org)).body("donorName", equalTo(composed));
    }

    private String receiptText(String token, String donation) throws Exception {
        byte[] pdf = given().auth().oauth2(token).get("/api/v1/donations/" + donation + "/receipt.pdf").then()
                .statusCode(200).extract().asByteArray();
        return new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
    }

    private String area(String prefix) {
        String area = prefix + Integer.toString((int) (Math.random() * 1_000_000_000), 36).toUpperCase();
        QuarkusTransaction.requiringNew().run(() -> FundServiceTest.openFund(funds, area));
        return area;
    }

    private static Map<String, Object> organisation(String name, String taxCode) {
        Map<String, Object> donor = new HashMap<>(Map.of("name", name, "type", "ORGANISATION",
                "organisationKind", taxCode == null ? "COLLECTIVE" : "ENTERPRISE"));
        if (taxCode != null) {
            donor.put("taxCode", taxCode);
        }
        return donor;
    }

    private static Map<String, Object> individual(String name) {
        return new HashMap<>(Map.of("name", name, "type", "INDIVIDUAL"));
    }

    private static ValidatableResponse donate(String token, Map<String, Object> donor, long amount, String area,
                                              boolean anonymous) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("donor", donor, "kind", "CASH", "amountVnd", amount, "receivedOn", "2025-10-20",
                        "fundAreaCode", area, "anonymous", anonymous))
                .post("/api/v1/donations").then();
    }
}
