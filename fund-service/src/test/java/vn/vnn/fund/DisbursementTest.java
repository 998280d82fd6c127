package vn.vnn.fund;

import vn.vnn.fund.disbursements.Disbursement;

import vn.vnn.fund.disbursements.DisbursementCommands;

import vn.vnn.fund.donors.DonorRef;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.Claim;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.vnn.fund.disbursements.DisbursementDtos;
import vn.vnn.fund.donations.DonationEntry;
import vn.vnn.fund.donations.DonationKind;
import vn.vnn.fund.donors.DonorType;
import vn.vnn.fund.funds.Fund;
import vn.vnn.fund.disbursements.SupportCategory;
import vn.vnn.fund.disbursements.DisbursementService;
import vn.vnn.fund.donations.DonationService;
import vn.vnn.fund.funds.FundService;
import vn.vnn.fund.funds.Ledger;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Support out: eligibility from household-service's events, two-person approval, payment under concurrency. */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(LedgerBalanced.class)
class DisbursementTest {

    @Inject
    FundService funds;
    @Inject
    DonationService donations;
    @Inject
    DisbursementService disbursements;
    @Inject
    Ledger ledger;
    @Inject
    vn.vnn.kit.time.VietnamClock clock;
    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper objectMapper;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void anUnrecognisedHouseholdIsRefusedUntilItsRecognitionArrives() throws Exception {
        String area = newFund();
        String household = UUID.randomUUID().toString();
        Map<String, Object> request = Map.of("fundAreaCode", area, "householdId", household,
                "category", "LIVELIHOOD", "amountVnd", 15_000_000, "purpose", "Mua 2 con bò giống");
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body(request)
                .post("/api/v1/disbursements").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("householdId"));

        FundServiceTest.sendRecognition(bootstrapServers, objectMapper, UUID.randomUUID().toString(),
                FundServiceTest.status(household, "NEAR_POOR", LocalDate.now().getYear() - 1,
                        LocalDate.now().minusDays(30)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(request)
                .post("/api/v1/disbursements").then().statusCode(201).body("eligibility", equalTo("NEAR_POOR"))
                .body("status", equalTo("REQUESTED")).body("communeCode", equalTo("00004")));

        // Above the category's cap, and a hardship exception without a recognition.
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("fundAreaCode", area, "householdId", household, "category", "TET_GIFT",
                        "amountVnd", 2_000_001, "purpose", "Quà Tết"))
                .post("/api/v1/disbursements").then().statusCode(422).body("errors[0].field", equalTo("amountVnd"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("fundAreaCode", area, "householdId", UUID.randomUUID().toString(), "category",
                        "HEALTHCARE", "amountVnd", 5_000_000, "purpose", "Chữa bệnh",
                        "hardshipReason", "Chủ hộ mắc bệnh hiểm nghèo", "communeCode", "99111"))
                .post("/api/v1/disbursements").then().statusCode(201).body("eligibility", equalTo("HARDSHIP"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void theOfficerWhoRequestedCannotApproveAndOnlyApprovedSupportIsPaid() {
        String area = newFund();
        donate(area, 10_000_000);
        String id = given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(hardship(area, 3_000_000)).post("/api/v1/disbursements").then().statusCode(201)
                .extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("paidOn", "2025-11-20", "version", 0))
                .post("/api/v1/disbursements/" + id + "/payment").then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("verdict", "APPROVE", "version", 0))
                .post("/api/v1/disbursements/" + id + "/decision").then().statusCode(403);
        QuarkusTransaction.requiringNew().run(() -> disbursements.decide(UUID.fromString(id),
                new DisbursementCommands.Decision(DisbursementCommands.Decision.Verdict.APPROVE, "15/QĐ-BVĐ", null, 0L),
                "fund.approver"));
        given().contentType(ContentType.JSON).body(Map.of("paidOn", "2025-11-20", "version", 1))
                .post("/api/v1/disbursements/" + id + "/payment").then().statusCode(200)
                .body("status", equalTo("PAID")).body("decidedBy", equalTo("fund.approver"));
        UUID fund = fundId(area);
        given().get("/api/v1/funds/" + fund).then().body("cashVnd", equalTo(7_000_000))
                .body("supportPaidVnd", equalTo(3_000_000));
        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = '" + id
                + "' AND event_type = 'vn.vnn.fund.disbursement-paid.v1'")).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void ofAHundredConcurrentPaymentsAgainstABalanceForFiftyExactlyFiftyArePaid() throws Exception {
        String area = newFund();
        donate(area, 50_000_000);
        List<UUID> approved = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            approved.add(QuarkusTransaction.requiringNew().call(() -> {
                Disbursement view = disbursements.request(new DisbursementCommands.Request(area,
                        UUID.randomUUID().toString(), SupportCategory.TET_GIFT, 1_000_000L, "Quà Tết",
                        "Người cao tuổi sống một mình", "99111", null), "officer.a");
                return disbursements.decide(view.id, new DisbursementCommands.Decision(
                        DisbursementCommands.Decision.Verdict.APPROVE, "20/QĐ", null, 0L), "approver.b").id;
            }));
        }
        ExecutorService pool = Executors.newFixedThreadPool(25);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> payments = approved.stream().<Callable<Integer>>map(id -> () -> given()
                    .contentType(ContentType.JSON).body(Map.of("paidOn", "2026-01-20", "version", 1))
                    .post("/api/v1/disbursements/" + id + "/payment").then().extract().statusCode()).toList();
            for (Future<Integer> result : pool.invokeAll(payments)) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(50);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(50);
        UUID fund = fundId(area);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ledger.balances(fund)))
                .containsEntry("CASH", 0L).containsEntry("SUPPORT_PAID", 50_000_000L);
        assertThat(count("SELECT count(*) FROM disbursement WHERE fund_id = '" + fund + "' AND status = 'PAID'"))
                .isEqualTo(50);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE event_type = 'vn.vnn.fund.disbursement-paid.v1'"
                + " AND aggregate_id IN (SELECT CAST(id AS text) FROM disbursement WHERE fund_id = '" + fund + "')"))
                .isEqualTo(50);
    }

    /**
     * One household's support per category is capped across every fund: a Great Solidarity house once in its life
     * (all the house's payments together), the other categories per calendar year (DOMAIN.md §1.5).
     */
    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void aHouseholdsSupportIsCappedPerCategoryAcrossFundsAndPeriods() {
        String first = newFund();
        String second = newFund();
        String household = UUID.randomUUID().toString();
        clock.set(java.time.Clock.fixed(java.time.Instant.parse("2025-11-20T03:00:00Z"), java.time.ZoneOffset.UTC));
        try {
            support(first, household, "TET_GIFT", 1_500_000).statusCode(201);
            // 1,500,000 + 1,000,000 is over the yearly 2,000,000 for Tết gifts, whichever fund asks.
            support(second, household, "TET_GIFT", 1_000_000).statusCode(422)
                    .body("errors[0].field", equalTo("amountVnd"));
            support(second, household, "TET_GIFT", 500_000).statusCode(201);
            support(first, household, "GREAT_SOLIDARITY_HOUSE", 40_000_000).statusCode(201);
            support(second, household, "GREAT_SOLIDARITY_HOUSE", 30_000_000).statusCode(422);
            support(second, household, "GREAT_SOLIDARITY_HOUSE", 20_000_000).statusCode(201);
            // A new year opens a new yearly cap; a house stays counted.
            clock.set(java.time.Clock.fixed(java.time.Instant.parse("2026-01-05T03:00:00Z"),
                    java.time.ZoneOffset.UTC));
            support(first, household, "TET_GIFT", 2_000_000).statusCode(201);
            support(first, household, "GREAT_SOLIDARITY_HOUSE", 1_000_000).statusCode(422);
        } finally {
            clock.reset();
        }
    }

    /** A Great Solidarity house is built new or repaired, and the request says which (a new build by default). */
    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void aHousePaymentSaysWhetherItBuildsOrRepairs() {
        String area = newFund();
        Map<String, Object> repair = new java.util.HashMap<>(hardship(area, 10_000_000));
        repair.put("category", "GREAT_SOLIDARITY_HOUSE");
        repair.put("houseWork", "REPAIR");
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body(repair)
                .post("/api/v1/disbursements").then().statusCode(201).body("houseWork", equalTo("REPAIR"));
        support(area, UUID.randomUUID().toString(), "GREAT_SOLIDARITY_HOUSE", 10_000_000).statusCode(201)
                .body("houseWork", equalTo("NEW_BUILD"));
        Map<String, Object> notAHouse = new java.util.HashMap<>(hardship(area, 1_000_000));
        notAHouse.put("houseWork", "REPAIR");
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body(notAHouse)
                .post("/api/v1/disbursements").then().statusCode(422)
                .body("errors[0].field", equalTo("houseWork"));
        support(area, UUID.randomUUID().toString(), "TET_GIFT", 500_000).statusCode(201)
                .body("houseWork", org.hamcrest.Matchers.nullValue());
    }

    private static io.restassured.response.ValidatableResponse support(String area, String household, String category,
                                                                       long amount) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("fundAreaCode", area, "householdId", household, "category", category, "amountVnd", amount,
                        "purpose", "Hỗ trợ", "hardshipReason", "Hoàn cảnh đặc biệt khó khăn", "communeCode", "99111"))
                .post("/api/v1/disbursements").then();
    }

    private static Map<String, Object> hardship(String area, long amount) {
        return Map.of("fundAreaCode", area, "householdId", UUID.randomUUID().toString(), "category", "HEALTHCARE",
                "amountVnd", amount, "purpose", "Chi phí điều trị", "hardshipReason", "Tai nạn lao động",
                "communeCode", "99111");
    }

    private void donate(String area, long amount) {
        QuarkusTransaction.requiringNew().run(() -> donations.record(new DonationEntry(
                new DonorRef("Ngân hàng Chính sách xã hội", DonorType.ORGANISATION), DonationKind.CASH,
                amount, LocalDate.of(2025, 11, 1), area, false, null, null, "FT" + amount, null), "fund.officer"));
    }

    private String newFund() {
        String area = "D" + Integer.toString((int) (Math.random() * 1_000_000_000), 36).toUpperCase();
        QuarkusTransaction.requiringNew().run(() -> FundServiceTest.openFund(funds, area));
        return area;
    }

    private static UUID fundId(String area) {
        return QuarkusTransaction.requiringNew().call(() -> Fund.openForArea(area).map(f -> f.id).orElseThrow());
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
