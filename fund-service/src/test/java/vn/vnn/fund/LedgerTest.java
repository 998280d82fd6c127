package vn.vnn.fund;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.Claim;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.vnn.fund.funds.Account;
import vn.vnn.fund.funds.Fund;
import vn.vnn.fund.funds.LedgerEntry;
import vn.vnn.fund.funds.FundService;
import vn.vnn.fund.funds.Ledger;
import vn.vnn.fund.funds.ReceiptNumbers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/** Receipts, the double-entry ledger and balances under concurrency (infrastructure: FundServiceTest). */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(LedgerBalanced.class)
class LedgerTest {

    @Inject
    FundService funds;
    @Inject
    Ledger ledger;
    @Inject
    ReceiptNumbers receipts;
    @Inject
    EntityManager entityManager;

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void fiftyConcurrentDonationsGetReceiptNumbersOneToFiftyWithoutGaps() throws Exception {
        String area = newFund();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                long amount = 100_000L * (i + 1);
                calls.add(pool.submit(() -> given().contentType(ContentType.JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(Map.of("donor", Map.of("name", "Nhà hảo tâm " + amount, "type", "INDIVIDUAL"),
                                "kind", "CASH", "amountVnd", amount, "receivedOn", "2025-10-20",
                                "fundAreaCode", area, "channel", "CASH_AT_OFFICE"))
                        .post("/api/v1/donations").then().extract().statusCode()));
            }
            for (Future<Integer> call : calls) {
                assertThat(call.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        UUID fund = Fund.openForArea(area).map(f -> f.id).orElseThrow();
        List<Integer> numbers = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "SELECT receipt_number FROM donation WHERE fund_id = ?1 ORDER BY receipt_number", Integer.class)
                .setParameter(1, fund).getResultList());
        assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());
        int expected = 100_000 * 50 * 51 / 2;
        given().get("/api/v1/funds/" + fund).then().statusCode(200)
                .body("cashVnd", equalTo(expected)).body("receivedVnd", equalTo(expected));
    }

    @Test
    void aRolledBackDonationGivesItsNumberBack() {
        String area = newFund();
        UUID fund = Fund.openForArea(area).map(f -> f.id).orElseThrow();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            assertThat(receipts.next(fund, 2025)).isEqualTo(1);
            throw new IllegalStateException("the donation failed after taking its number");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(QuarkusTransaction.requiringNew().call(() -> receipts.next(fund, 2025))).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> receipts.next(fund, 2026))).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> receipts.next(fund, 2025))).isEqualTo(2);
    }

    @Test
    void ofAHundredConcurrentPaymentsAgainstABalanceForFiftyExactlyFiftyGoThrough() throws Exception {
        String area = newFund();
        UUID fund = Fund.openForArea(area).map(f -> f.id).orElseThrow();
        QuarkusTransaction.requiringNew().run(() -> ledger.post(fund, Ledger.Kind.DONATION, UUID.randomUUID(),
                LocalDate.of(2025, 10, 20), "test", "test", List.of(LedgerEntry.debit(vn.vnn.fund.funds.CashHolding.BANK, 50_000_000),
                        LedgerEntry.credit(Account.CAPITAL, 50_000_000))));
        AtomicInteger paid = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Void>> payments = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                payments.add(() -> {
                    try {
                        QuarkusTransaction.requiringNew().run(() -> ledger.post(fund, Ledger.Kind.DISBURSEMENT,
                                UUID.randomUUID(), LocalDate.of(2025, 11, 1), "hỗ trợ", "test",
                                List.of(LedgerEntry.debit(Account.SUPPORT_PAID, 1_000_000),
                                        LedgerEntry.credit(vn.vnn.fund.funds.CashHolding.BANK, 1_000_000))));
                        paid.incrementAndGet();
                    } catch (vn.vnn.kit.problem.ProblemException e) {
                        refused.incrementAndGet();
                    }
                    return null;
                });
            }
            for (Future<Void> result : pool.invokeAll(payments)) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(paid.get()).isEqualTo(50);
        assertThat(refused.get()).isEqualTo(50);
        Map<String, Long> balances = QuarkusTransaction.requiringNew().call(() -> ledger.balances(fund));
        assertThat(balances).containsEntry("CASH", 0L).containsEntry("SUPPORT_PAID", 50_000_000L)
                .containsEntry("CAPITAL", -50_000_000L);
    }

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void aCancelledDonationKeepsItsReceiptAndIsReversedUnlessSpent() {
        String area = newFund();
        String id = given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("donor", Map.of("name", "Công ty May Việt Tiến", "type", "ORGANISATION"),
                        "kind", "IN_KIND", "amountVnd", 30_000_000, "receivedOn", "2025-11-02", "fundAreaCode", area,
                        "items", List.of(Map.of("name", "Gạo", "quantity", 1000, "unit", "kg", "valueVnd", 20_000_000),
                                Map.of("name", "Chăn ấm", "quantity", 200, "unit", "chiếc", "valueVnd", 10_000_000))))
                .post("/api/v1/donations").then().statusCode(201).body("items[1].name", equalTo("Chăn ấm"))
                .body("receiptNo", equalTo("Q" + area + "/2025/000001")).extract().path("id");
        String donor = given().get("/api/v1/donations/" + id).then().extract().path("donorId");
        given().get("/api/v1/donors/" + donor + "/donations").then().statusCode(200) // goods in lists too
                .body("items.find { it.id == '" + id + "' }.items.name", org.hamcrest.Matchers.contains("Gạo",
                        "Chăn ấm"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "Nhập trùng", "version", 0))
                .post("/api/v1/donations/" + id + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("receiptNo", equalTo("Q" + area + "/2025/000001"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "lại", "version", 1))
                .post("/api/v1/donations/" + id + "/cancellation").then().statusCode(409);
        // The cancellation goes out once, through the outbox, for the standings to take the donation back.
        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = '" + id
                + "' AND event_type = 'vn.vnn.fund.donation-cancelled.v1'"
                + " AND payload ->> 'amountVnd' = '30000000' AND payload ->> 'reason' = 'Nhập trùng'")).isEqualTo(1);
        UUID fund = Fund.openForArea(area).map(f -> f.id).orElseThrow();
        given().get("/api/v1/funds/" + fund).then().body("inKindVnd", equalTo(0)).body("receivedVnd", equalTo(0));
        given().get("/api/v1/funds/" + fund + "/ledger").then().statusCode(200).body("totalItems", equalTo(4))
                .body("items[2].kind", equalTo("DONATION_REVERSAL"));

        // Money already paid out cannot be taken back by a cancellation.
        String cash = given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("donor", Map.of("name", "Bà Nguyễn Thị Lan", "type", "INDIVIDUAL"), "kind", "CASH",
                        "amountVnd", 5_000_000, "receivedOn", "2025-11-03", "fundAreaCode", area,
                        "bankReference", "FT25307123456"))
                .post("/api/v1/donations").then().statusCode(201).body("receiptNo", equalTo("Q" + area + "/2025/000002"))
                .extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> ledger.post(fund, Ledger.Kind.DISBURSEMENT, UUID.randomUUID(),
                LocalDate.of(2025, 11, 4), "hỗ trợ", "test", List.of(LedgerEntry.debit(Account.SUPPORT_PAID,
                        4_000_000), LedgerEntry.credit(vn.vnn.fund.funds.CashHolding.BANK, 4_000_000))));
        given().contentType(ContentType.JSON).body(Map.of("reason", "Chuyển nhầm", "version", 0))
                .post("/api/v1/donations/" + cash + "/cancellation").then().statusCode(409);
        given().get("/api/v1/donations/" + cash).then().body("status", equalTo("ACCEPTED"));
    }

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void goodsInKindMustAddUpAndCashHasNoItems() {
        String area = newFund();
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("donor", Map.of("name", "A", "type", "INDIVIDUAL"), "kind", "IN_KIND",
                        "amountVnd", 3, "receivedOn", "2025-11-02", "fundAreaCode", area,
                        "items", List.of(Map.of("name", "Gạo", "quantity", 1, "unit", "kg", "valueVnd", 2))))
                .post("/api/v1/donations").then().statusCode(422).body("errors[0].field", equalTo("amountVnd"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("donor", Map.of("name", "A", "type", "INDIVIDUAL"), "kind", "CASH",
                        "amountVnd", 3, "receivedOn", "2025-11-02", "fundAreaCode", "no-such-area"))
                .post("/api/v1/donations").then().statusCode(422).body("errors[0].field", equalTo("fundAreaCode"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "admin")
    void transfersBetweenFundsBalanceBothLedgersAndOppositeOnesDoNotDeadlock() throws Exception {
        UUID a = Fund.openForArea(newFund()).map(f -> f.id).orElseThrow();
        UUID b = Fund.openForArea(newFund()).map(f -> f.id).orElseThrow();
        for (UUID fund : List.of(a, b)) {
            QuarkusTransaction.requiringNew().run(() -> ledger.post(fund, Ledger.Kind.DONATION, UUID.randomUUID(),
                    LocalDate.of(2025, 10, 20), "test", "test", List.of(LedgerEntry.debit(vn.vnn.fund.funds.CashHolding.BANK, 10_000_000),
                            LedgerEntry.credit(Account.CAPITAL, 10_000_000))));
        }
        given().contentType(ContentType.JSON).body(Map.of("toFundId", b, "amountVnd", 11_000_000,
                        "transferredOn", "2025-11-01", "reason", "Hỗ trợ xã khó khăn"))
                .post("/api/v1/funds/" + a + "/transfers").then().statusCode(409);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> transfers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                UUID from = i % 2 == 0 ? a : b;
                UUID to = i % 2 == 0 ? b : a;
                transfers.add(() -> given().contentType(ContentType.JSON).body(Map.of("toFundId", to,
                                "amountVnd", 1_000_000, "transferredOn", "2025-11-01", "reason", "Điều chuyển"))
                        .post("/api/v1/funds/" + from + "/transfers").then().extract().statusCode());
            }
            for (Future<Integer> result : pool.invokeAll(transfers)) {
                assertThat(result.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        Map<String, Long> left = QuarkusTransaction.requiringNew().call(() -> ledger.balances(a));
        Map<String, Long> right = QuarkusTransaction.requiringNew().call(() -> ledger.balances(b));
        assertThat(left.get("CASH") + right.get("CASH")).isEqualTo(20_000_000L);
        assertThat(left.get("CASH")).isEqualTo(10_000_000L);
    }

    @Test
    void theLedgerRefusesChangesAndUnbalancedTransactions() {
        String area = newFund();
        UUID fund = Fund.openForArea(area).map(f -> f.id).orElseThrow();
        QuarkusTransaction.requiringNew().run(() -> ledger.post(fund, Ledger.Kind.DONATION, UUID.randomUUID(),
                LocalDate.of(2025, 10, 20), "test", "test", List.of(LedgerEntry.debit(vn.vnn.fund.funds.CashHolding.BANK, 7),
                        LedgerEntry.credit(Account.CAPITAL, 7))));
        // Refused twice over: the application's role may only insert, and the table's trigger refuses anyone.
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE ledger_entry SET debit_vnd = 8 WHERE fund_id = ?1 AND debit_vnd = 7").setParameter(1, fund)
                .executeUpdate())).satisfies(e -> assertThat(org.assertj.core.util.Throwables.getStackTrace(e))
                .containsAnyOf("append-only", "permission denied"));
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "DELETE FROM ledger_transaction WHERE fund_id = ?1").setParameter(1, fund).executeUpdate()))
                .satisfies(e -> assertThat(org.assertj.core.util.Throwables.getStackTrace(e))
                        .containsAnyOf("append-only", "permission denied"));
        // Written around the service: the database itself refuses a transaction whose sides differ.
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            UUID tx = UUID.randomUUID();
            entityManager.createNativeQuery("""
                    INSERT INTO ledger_transaction (id, fund_id, kind, reference_id, occurred_on, description,
                      recorded_by, recorded_at) VALUES (?1, ?2, 'DONATION', ?1, DATE '2025-10-20', 'x', 'x', now())""")
                    .setParameter(1, tx).setParameter(2, fund).executeUpdate();
            entityManager.createNativeQuery("""
                    INSERT INTO ledger_entry (transaction_id, fund_id, account, debit_vnd, credit_vnd, holding)
                    VALUES (?1, ?2, 'CASH', 5, 0, 'BANK'), (?1, ?2, 'CAPITAL', 0, 4, NULL)""")
                    .setParameter(1, tx).setParameter(2, fund).executeUpdate();
        })).hasStackTraceContaining("not balanced");
        // Cash is always somewhere: an entry on CASH without its holding is refused, and so is a holding elsewhere.
        for (String values : List.of("(?1, ?2, 'CASH', 5, 0, NULL), (?1, ?2, 'CAPITAL', 0, 5, NULL)",
                "(?1, ?2, 'CASH', 5, 0, 'BANK'), (?1, ?2, 'CAPITAL', 0, 5, 'OFFICE')",
                "(?1, ?2, 'CASH', 5, 0, 'SAFE'), (?1, ?2, 'CAPITAL', 0, 5, NULL)")) {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                UUID tx = UUID.randomUUID();
                entityManager.createNativeQuery("""
                        INSERT INTO ledger_transaction (id, fund_id, kind, reference_id, occurred_on, description,
                          recorded_by, recorded_at) VALUES (?1, ?2, 'DONATION', ?1, DATE '2025-10-20', 'x', 'x', now())""")
                        .setParameter(1, tx).setParameter(2, fund).executeUpdate();
                entityManager.createNativeQuery("INSERT INTO ledger_entry (transaction_id, fund_id, account, "
                                + "debit_vnd, credit_vnd, holding) VALUES " + values)
                        .setParameter(1, tx).setParameter(2, fund).executeUpdate();
            })).hasStackTraceContaining("ledger_entry_cash_holding");
        }
        assertThatThrownBy(() -> LedgerEntry.requireBalanced(List.of(LedgerEntry.debit(vn.vnn.fund.funds.CashHolding.BANK, 5),
                LedgerEntry.credit(Account.CAPITAL, 4)))).isInstanceOf(IllegalArgumentException.class);
    }

    private String newFund() {
        String area = "T" + Integer.toString((int) (Math.random() * 1_000_000_000), 36).toUpperCase();
        QuarkusTransaction.requiringNew().run(() -> FundServiceTest.openFund(funds, area));
        return area;
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
