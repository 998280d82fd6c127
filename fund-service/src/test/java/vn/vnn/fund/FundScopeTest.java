package vn.vnn.fund;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.vnn.localstack.testing.TestTokens;
import vn.vnn.fund.funds.Fund;
import vn.vnn.fund.funds.FundService;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

/** Fund officers bound to an area act on that area's fund only; elsewhere everything is "not found". */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(LedgerBalanced.class)
class FundScopeTest {

    @Inject
    FundService funds;
    @Inject
    jakarta.persistence.EntityManager entityManager;

    @Test
    @TestSecurity(user = "officer.hue", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"46\"]", type = ClaimType.JSON_ARRAY))
    void anOfficerOfOneProvinceNeitherWritesNorReadsAnothersFund() {
        QuarkusTransaction.requiringNew().run(() -> {
            FundServiceTest.openFund(funds, "46");
            FundServiceTest.openFund(funds, "48");
        });
        UUID otherFund = QuarkusTransaction.requiringNew().call(() -> Fund.openForArea("48").orElseThrow().id);
        // Recorded by Đà Nẵng's officer (this caller could not): written straight into the tables.
        UUID other = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            UUID donor = UUID.randomUUID();
            entityManager.createNativeQuery("""
                    INSERT INTO donor (id, name, donor_type, organisation_kind, created_at)
                    VALUES (?1, ?2, 'ORGANISATION', 'ENTERPRISE', now())""")
                    .setParameter(1, donor).setParameter(2, "Công ty Cảng Đà Nẵng " + other).executeUpdate();
            entityManager.createNativeQuery("""
                    INSERT INTO donation (id, donor_id, kind, amount_vnd, received_on, fund_area_code, anonymous,
                      recorded_by, recorded_at, fund_id, receipt_year, receipt_number, receipt_no, channel, status,
                      donor_name, verification_code)
                    VALUES (?1, ?2, 'CASH', 1000000, DATE '2025-10-20', '48', false, 'officer.danang', now(), ?3,
                      2025, 900000 + (random() * 99999)::int, 'Q48/2025/' || ?1, 'BANK_TRANSFER', 'ACCEPTED',
                      'Công ty Cảng Đà Nẵng', 'TESTCODE00')""")
                    .setParameter(1, other).setParameter(2, donor).setParameter(3, otherFund).executeUpdate();
        });

        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("donor", Map.of("name", "Chùa Thiên Mụ", "type", "ORGANISATION",
                        "organisationKind", "RELIGIOUS_OR_CHARITABLE"), "kind", "CASH", "amountVnd", 2_000_000,
                        "receivedOn", "2025-10-20", "fundAreaCode", "48"))
                .post("/api/v1/donations").then().statusCode(422).body("errors[0].field", equalTo("fundAreaCode"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("donor", Map.of("name", "Chùa Thiên Mụ", "type", "ORGANISATION",
                        "organisationKind", "RELIGIOUS_OR_CHARITABLE"), "kind", "CASH", "amountVnd", 2_000_000,
                        "receivedOn", "2025-10-20", "fundAreaCode", "46"))
                .post("/api/v1/donations").then().statusCode(201);
        given().get("/api/v1/donations/" + other).then().statusCode(404);
        given().get("/api/v1/donations/" + other + "/receipt.pdf").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("reason", "x", "version", 0))
                .post("/api/v1/donations/" + other + "/cancellation").then().statusCode(404);
        given().get("/api/v1/funds/" + otherFund).then().statusCode(404);
        given().get("/api/v1/funds/" + otherFund + "/ledger").then().statusCode(404);
        given().get("/api/v1/funds/" + otherFund + "/statement.csv?from=2025-01-01&to=2025-12-31").then()
                .statusCode(404);
        given().get("/api/v1/funds").then().statusCode(200).body("areaCode", everyItem(equalTo("46")));
        given().get("/api/v1/donations?size=100").then().statusCode(200)
                .body("items.id", not(hasItem(other.toString())))
                .body("items.fundAreaCode", everyItem(equalTo("46")));
        given().get("/api/v1/disbursements?size=100").then().statusCode(200);
    }

    @Test
    void aSecondRoleWidensNothingAndAnOfficerWithoutAreasReachesNothing() {
        String a = "A" + Integer.toString((int) (Math.random() * 1_000_000_000), 36).toUpperCase();
        String b = "B" + Integer.toString((int) (Math.random() * 1_000_000_000), 36).toUpperCase();
        String central = TestTokens.of("central", List.of("fund-officer"), List.of("VN"));
        String ownDonation = donate(central, a);
        String otherDonation = donate(central, b);
        String otherFund = QuarkusTransaction.requiringNew().call(() -> Fund.openForArea(b).orElseThrow().id)
                .toString();
        for (String second : List.of("commune-officer", "province-officer", "emulation-officer", "council-member",
                "partner", "fund-approver")) {
            String token = TestTokens.of("officer." + a, List.of("fund-officer", second), List.of(a));
            given().auth().oauth2(token).get("/api/v1/donations/" + ownDonation).then().statusCode(200);
            given().auth().oauth2(token).get("/api/v1/donations/" + otherDonation).then().statusCode(404);
            given().auth().oauth2(token).get("/api/v1/funds/" + otherFund).then().statusCode(404);
            given().auth().oauth2(token).get("/api/v1/donations?size=100").then().statusCode(200)
                    .body("items.fundAreaCode", everyItem(equalTo(a)));
        }
        for (String role : List.of("fund-officer", "fund-approver")) {
            String token = TestTokens.of("no.areas", List.of(role), List.of());
            given().auth().oauth2(token).get("/api/v1/donations").then().statusCode(200)
                    .body("totalItems", equalTo(0));
            given().auth().oauth2(token).get("/api/v1/funds").then().statusCode(200).body("size()", equalTo(0));
            given().auth().oauth2(token).get("/api/v1/donations/" + ownDonation).then().statusCode(404);
            given().auth().oauth2(token).get("/api/v1/donations/" + ownDonation + "/receipt.pdf").then()
                    .statusCode(404);
            given().auth().oauth2(token).get("/api/v1/disbursements").then().statusCode(200)
                    .body("totalItems", equalTo(0));
        }
        given().auth().oauth2(TestTokens.of("no.areas", List.of("fund-officer"), List.of()))
                .contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(donationBody(a)).post("/api/v1/donations").then().statusCode(422)
                .body("errors[0].field", equalTo("fundAreaCode"));
    }

    private String donate(String token, String area) {
        QuarkusTransaction.requiringNew().run(() -> FundServiceTest.openFund(funds, area));
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(donationBody(area))
                .post("/api/v1/donations").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> donationBody(String area) {
        return Map.of("donor", Map.of("name", "Hợp tác xã " + area, "type", "ORGANISATION",
                "organisationKind", "COLLECTIVE"), "kind", "CASH", "amountVnd", 3_000_000,
                "receivedOn", "2025-10-20", "fundAreaCode", area);
    }
}
