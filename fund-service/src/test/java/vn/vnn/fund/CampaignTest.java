package vn.vnn.fund;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.Claim;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.vnn.fund.campaigns.InstalmentCoverage;
import vn.vnn.fund.funds.FundService;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A campaign's progress by donor type; a pledge paid in part, instalment by instalment. */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(LedgerBalanced.class)
class CampaignTest {

    @Inject
    FundService funds;

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void aCampaignCountsItsDonationsAndItsPledgesAgainstTheTarget() {
        String area = "C" + Integer.toString((int) (Math.random() * 1_000_000_000), 36).toUpperCase();
        QuarkusTransaction.requiringNew().run(() -> FundServiceTest.openFund(funds, area));
        String campaign = given().contentType(ContentType.JSON).body(Map.of("fundAreaCode", area,
                        "name", "Tháng cao điểm \"Vì người nghèo\" 2025", "startsOn", "2025-10-17",
                        "endsOn", "2025-11-18", "targetVnd", 100_000_000))
                .post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        String taxCode = String.format("%010d", (long) (Math.random() * 9_000_000_000L));
        Map<String, Object> enterprise = Map.of("name", "Công ty TNHH Đông Á " + area, "type", "ORGANISATION",
                "organisationKind", "ENTERPRISE", "taxCode", taxCode);
        Map<String, Object> pledge = given().contentType(ContentType.JSON).body(Map.of("fundAreaCode", area,
                        "donor", enterprise, "campaignId", campaign, "pledgedVnd", 60_000_000,
                        "pledgedOn", "2025-10-17", "instalments", List.of(
                                Map.of("dueOn", "2025-11-15", "amountVnd", 30_000_000),
                                Map.of("dueOn", "2025-10-31", "amountVnd", 30_000_000))))
                .post("/api/v1/pledges").then().statusCode(201).body("status", equalTo("OPEN"))
                .body("instalments[0].dueOn", equalTo("2025-10-31")).extract().path("");
        String pledgeId = (String) pledge.get("id");

        donate(area, enterprise, 30_000_000, "2025-10-30", campaign, pledgeId).statusCode(201)
                .body("campaignId", equalTo(campaign)).body("pledgeId", equalTo(pledgeId));
        donate(area, enterprise, 30_000_001, "2025-11-01", campaign, pledgeId).statusCode(422)
                .body("errors[0].field", equalTo("amountVnd"));
        donate(area, Map.of("name", "Bà Phan Thị Mai " + area, "type", "INDIVIDUAL"), 5_000_000, "2025-11-02",
                campaign, null).statusCode(201);
        donate(area, Map.of("name", "Ông Vũ " + area, "type", "INDIVIDUAL"), 1_000, "2025-12-02", campaign, null)
                .statusCode(422).body("errors[0].field", equalTo("campaignId"));

        given().get("/api/v1/campaigns/" + campaign).then().statusCode(200)
                .body("raisedVnd", equalTo(35_000_000)).body("progressPercent", equalTo(35.0f))
                .body("donors", equalTo(2)).body("donations", equalTo(2))
                .body("pledgedVnd", equalTo(60_000_000)).body("pledgesOutstandingVnd", equalTo(30_000_000))
                .body("byDonorType[0].organisationKind", equalTo("ENTERPRISE"))
                .body("byDonorType[1].type", equalTo("INDIVIDUAL"));
        given().get("/api/v1/pledges/" + pledgeId).then().statusCode(200)
                .body("paidVnd", equalTo(30_000_000)).body("outstandingVnd", equalTo(30_000_000))
                .body("status", equalTo("PARTLY_PAID"))
                .body("instalments[0].status", equalTo("PAID")).body("instalments[1].status", equalTo("OVERDUE"))
                .body("payments.size()", equalTo(1));
        given().contentType(ContentType.JSON).body(Map.of("fundAreaCode", area, "donor", enterprise,
                        "pledgedVnd", 10, "pledgedOn", "2025-10-17", "instalments", List.of(
                                Map.of("dueOn", "2025-11-15", "amountVnd", 3))))
                .post("/api/v1/pledges").then().statusCode(422).body("errors[0].field", equalTo("instalments"));

        // the public sees only the campaigns running today, with what they raised and no donor
        String running = given().contentType(ContentType.JSON).body(Map.of("fundAreaCode", area,
                        "name", "Mùa đông ấm " + area, "startsOn", java.time.LocalDate.now(vn.vnn.kit.time.VietnamClock.ZONE).minusDays(1).toString(),
                        "endsOn", java.time.LocalDate.now(vn.vnn.kit.time.VietnamClock.ZONE).plusDays(30).toString(), "targetVnd", 50_000_000))
                .post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        given().get("/api/v1/public/funds/Q" + area + "/campaigns").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].id", equalTo(running)).body("[0].raisedVnd", equalTo(0))
                .body("[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("byDonorType")));
        given().get("/api/v1/public/funds/NOPE/campaigns").then().statusCode(404);
    }

    @Test
    void paymentsFillInstalmentsInOrder() {
        LocalDate today = LocalDate.of(2025, 11, 10);
        List<InstalmentCoverage.Instalment> schedule = List.of(
                new InstalmentCoverage.Instalment(1, LocalDate.of(2025, 10, 31), 100),
                new InstalmentCoverage.Instalment(2, LocalDate.of(2025, 11, 30), 100),
                new InstalmentCoverage.Instalment(3, LocalDate.of(2025, 12, 31), 100));
        assertThat(InstalmentCoverage.of(schedule, 150, today)).extracting(InstalmentCoverage.Covered::status)
                .containsExactly("PAID", "PARTLY_PAID", "DUE");
        assertThat(InstalmentCoverage.of(schedule, 50, today)).extracting(InstalmentCoverage.Covered::coveredVnd)
                .containsExactly(50L, 0L, 0L);
        assertThat(InstalmentCoverage.of(schedule, 50, today).get(0).status()).isEqualTo("OVERDUE");
    }

    private static io.restassured.response.ValidatableResponse donate(String area, Map<String, Object> donor,
                                                                      long amount, String on, String campaign,
                                                                      String pledge) {
        Map<String, Object> body = new HashMap<>(Map.of("donor", donor, "kind", "CASH", "amountVnd", amount,
                "receivedOn", on, "fundAreaCode", area, "campaignId", campaign));
        if (pledge != null) {
            body.put("pledgeId", pledge);
        }
        return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/api/v1/donations").then();
    }
}
