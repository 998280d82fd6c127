package vn.vnn.fund;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.vnn.fund.funds.Fund;
import vn.vnn.fund.funds.FundService;
import vn.vnn.kit.time.VietnamClock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Bank statements through the API: uploaded, read, matched line by line (a reference code, a recorded bank
 * reference, a suggestion), decided by an officer, and the month reconciled with the ledger.
 */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(LedgerBalanced.class)
class BankStatementImportTest {

    @Inject
    FundService funds;
    @Inject
    VietnamClock clock;
    @Inject
    EntityManager entityManager;
    @Inject
    vn.vnn.fund.disbursements.DisbursementService disbursements;

    private static String area() {
        return "S" + Integer.toString((int) (Math.random() * 1_000_000_000), 36).toUpperCase();
    }

    private String fundId(String area) {
        QuarkusTransaction.requiringNew().run(() -> FundServiceTest.openFund(funds, area));
        return QuarkusTransaction.requiringNew().call(() -> Fund.openForArea(area).orElseThrow().id.toString());
    }

    private static String account(String fundId, String number) {
        return given().contentType(ContentType.JSON).body(Map.of("bankBin", "970436", "accountNumber", number,
                        "accountName", "QUY VI NGUOI NGHEO"))
                .post("/api/v1/funds/" + fundId + "/bank-accounts").then().statusCode(201).extract().path("id");
    }

    private static String donation(String area, String donor, String type, long amount, LocalDate on,
                                   String bankReference) {
        Map<String, Object> body = new HashMap<>(Map.of("donor", Map.of("name", donor, "type", type),
                "kind", "CASH", "amountVnd", amount, "receivedOn", on.toString(), "fundAreaCode", area));
        if (bankReference != null) {
            body.put("bankReference", bankReference);
        }
        return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/api/v1/donations").then().statusCode(201).extract().path("id");
    }

    private static Response upload(String accountId, String format, String content) {
        return given().contentType("application/xml").body(content.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/bank-accounts/" + accountId + "/statements?format=" + format);
    }

    private static Map<String, Object> finished(String location) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String status = given().get(location).then().statusCode(200).extract().path("status");
            return !status.equals("QUEUED") && !status.equals("RUNNING");
        });
        return given().get(location).then().extract().path("");
    }

    private static List<Map<String, Object>> lines(String location) {
        return given().get(location + "/lines?size=100").then().statusCode(200).extract().path("items");
    }

    private static Map<String, Object> line(List<Map<String, Object>> lines, int number) {
        return lines.stream().filter(l -> ((Number) l.get("lineNo")).intValue() == number).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void aStatementIsMatchedDecidedAndItsMonthReconciled() {
        String area = area();
        String fundId = fundId(area);
        String number = Long.toString(System.nanoTime() % 1_000_000_000_000L);
        String accountId = account(fundId, number);
        YearMonth month = YearMonth.from(clock.today()).minusMonths(1);
        LocalDate on = month.atDay(10);
        Map<String, Object> intent = given().contentType(ContentType.JSON).body(Map.of("bankAccountId", accountId,
                        "amountVnd", 200_000)).post("/api/v1/public/funds/Q" + area + "/donation-intents")
                .then().statusCode(201).extract().path("");
        String knownReference = "FT" + number;
        String byReference = donation(area, "Công ty TNHH Minh Phát", "ORGANISATION", 300_000, on, knownReference);
        String suggested = donation(area, "Nguyễn Văn An", "INDIVIDUAL", 500_000, on, null);

        String camt = Camt053Files.statement(number, "S-" + number, 0, month.atDay(1), month.atEndOfMonth(), List.of(
                new Camt053Files.Entry(200_000, on, "R1" + number, "TRẦN THỊ BÌNH",
                        (String) intent.get("transferMessage")),
                new Camt053Files.Entry(300_000, on, knownReference, "CONG TY MINH PHAT", "ung ho"),
                new Camt053Files.Entry(500_000, on.plusDays(1), "R3" + number, "NGUYEN VAN AN", "ung ho quy"),
                new Camt053Files.Entry(150_000, on.plusDays(2), "R4" + number, "LE VAN CUONG", "ung ho"),
                new Camt053Files.Entry(-11_000, on.plusDays(2), "R5" + number, null, "Phi SMS Banking")));
        Response accepted = upload(accountId, "camt053", camt);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.header("Location");
        Map<String, Object> done = finished(location);
        assertThat(done).containsEntry("status", "DONE").containsEntry("lineCount", 5).containsEntry("matched", 2)
                .containsEntry("suggested", 1).containsEntry("unmatched", 2).containsEntry("closingBalanceVnd", 1_139_000);
        // the same file again is the same statement
        Response again = upload(accountId, "CAMT053", camt);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.header("Location")).isEqualTo(location);

        List<Map<String, Object>> lines = lines(location);
        Map<String, Object> coded = line(lines, 1);
        assertThat(coded).containsEntry("outcome", "MATCHED").containsEntry("matchedBy", "REFERENCE_CODE")
                .containsEntry("counterpartyAccount", "******6789");
        given().get("/api/v1/donations/" + coded.get("donationId")).then().statusCode(200)
                .body("donorName", equalTo("TRẦN THỊ BÌNH")).body("amountVnd", equalTo(200_000))
                .body("bankReference", equalTo("R1" + number)).body("receivedOn", equalTo(on.toString()));
        assertThat(line(lines, 2)).containsEntry("outcome", "MATCHED").containsEntry("matchedBy", "BANK_REFERENCE")
                .containsEntry("donationId", byReference);
        Map<String, Object> suggestion = line(lines, 3);
        assertThat(suggestion).containsEntry("outcome", "SUGGESTED").containsEntry("suggestedDonationId", suggested);
        Map<String, Object> unmatched = line(lines, 4);
        Map<String, Object> fee = line(lines, 5);
        assertThat(fee).containsEntry("outcome", "UNMATCHED");

        String reconciliation = "/api/v1/bank-accounts/" + accountId + "/reconciliations/" + month;
        given().get(reconciliation).then().statusCode(200).body("reconciled", equalTo(false))
                .body("bankBalanceVnd", equalTo(1_139_000)).body("ledgerBalanceVnd", equalTo(500_000))
                .body("unmatchedLineCount", equalTo(3)).body("unmatchedLedgerCount", equalTo(0));

        // an officer confirms the suggestion (the donation's cash moves into this account) ...
        String lineBase = "/api/v1/bank-accounts/" + accountId + "/statement-lines/";
        given().contentType(ContentType.JSON).body(Map.of("version", 99))
                .post(lineBase + suggestion.get("id") + "/confirmation").then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("version", suggestion.get("version")))
                .post(lineBase + suggestion.get("id") + "/confirmation").then().statusCode(200)
                .body("outcome", equalTo("MATCHED")).body("donationId", equalTo(suggested));
        given().get("/api/v1/donations/" + suggested).then().body("bankReference", equalTo("R3" + number));
        // ... records the donation a line is, once ...
        Map<String, Object> gift = Map.of("version", unmatched.get("version"),
                "donor", Map.of("name", "Lê Văn Cường", "type", "INDIVIDUAL"));
        String recorded = given().contentType(ContentType.JSON).body(gift)
                .post(lineBase + unmatched.get("id") + "/donation").then().statusCode(201)
                .body("amountVnd", equalTo(150_000)).body("bankReference", equalTo("R4" + number))
                .body("receiptNo", org.hamcrest.Matchers.startsWith("Q" + area)).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("version", ((Number) unmatched.get("version")).intValue() + 1,
                        "donor", Map.of("name", "Lê Văn Cường", "type", "INDIVIDUAL")))
                .post(lineBase + unmatched.get("id") + "/donation").then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("version", fee.get("version")))
                .post(lineBase + fee.get("id") + "/donation").then().statusCode(409);
        // ... and sets the bank's fee aside, which leaves the ledger short of it
        given().contentType(ContentType.JSON).body(Map.of("version", fee.get("version"), "reason", " "))
                .post(lineBase + fee.get("id") + "/ignore").then().statusCode(422);
        given().contentType(ContentType.JSON).body(Map.of("version", fee.get("version"), "reason", "Phí SMS Banking"))
                .post(lineBase + fee.get("id") + "/ignore").then().statusCode(200).body("outcome", equalTo("IGNORED"));
        assertThat(recorded).isNotNull();
        given().get(reconciliation).then().statusCode(200).body("reconciled", equalTo(false))
                .body("bankBalanceVnd", equalTo(1_139_000)).body("ledgerBalanceVnd", equalTo(1_150_000))
                .body("differenceVnd", equalTo(-11_000)).body("unmatchedLineCount", equalTo(0));
        // every gift the statement shows is now held in this account; the fund's cash is the sum of its holdings
        Map<String, Object> fund = given().get("/api/v1/funds/" + fundId).then().statusCode(200).extract().path("");
        assertThat((Map<String, Object>) fund.get("cashHoldings")).containsEntry("BANK:" + accountId, 1_150_000)
                .containsEntry("BANK", 0).hasSize(2);
        assertThat(fund.get("cashVnd")).isEqualTo(1_150_000);
    }

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void aMonthWhoseSidesAgreeIsReconciledAndPublishedOnce() {
        String area = area();
        String fundId = fundId(area);
        String number = Long.toString(System.nanoTime() % 1_000_000_000_000L);
        String accountId = account(fundId, number);
        YearMonth month = YearMonth.from(clock.today()).minusMonths(2);
        LocalDate on = month.atDay(20);
        String reference = "FT" + number;
        donation(area, "Hội Chữ thập đỏ", "ORGANISATION", 2_000_000, on, reference);
        String camt = Camt053Files.statement(number, "M-" + number, 0, month.atDay(1), month.atEndOfMonth(),
                List.of(new Camt053Files.Entry(2_000_000, on, reference, "HOI CHU THAP DO", "ung ho")));
        finished(upload(accountId, "CAMT053", camt).then().statusCode(202).extract().header("Location"));
        given().get("/api/v1/bank-accounts/" + accountId + "/reconciliations/" + month).then().statusCode(200)
                .body("reconciled", equalTo(true)).body("bankBalanceVnd", equalTo(2_000_000))
                .body("ledgerBalanceVnd", equalTo(2_000_000)).body("reconciledOn", equalTo(clock.today().toString()));
        assertThat(events(accountId)).isEqualTo(1);

        // a second statement of the next month with a line nothing answers: that month does not reconcile
        YearMonth next = month.plusMonths(1);
        String second = Camt053Files.statement(number, "M2-" + number, 2_000_000, next.atDay(1), next.atEndOfMonth(),
                List.of(new Camt053Files.Entry(70_000, next.atDay(3), "X" + number, "AI DO", "chuyen tien")));
        finished(upload(accountId, "CAMT053", second).then().statusCode(202).extract().header("Location"));
        given().get("/api/v1/bank-accounts/" + accountId + "/reconciliations/" + next).then().statusCode(200)
                .body("reconciled", equalTo(false)).body("unmatchedLineCount", equalTo(1));
        assertThat(events(accountId)).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void aPaymentByTransferIsMatchedToItsDebitAndTheMonthBalances() {
        String area = area();
        String fundId = fundId(area);
        String number = Long.toString(System.nanoTime() % 1_000_000_000_000L);
        String accountId = account(fundId, number);
        YearMonth month = YearMonth.from(clock.today()).minusMonths(1);
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("donor", Map.of("name", "Ngân hàng TMCP Ngoại thương", "type", "ORGANISATION"),
                        "kind", "CASH", "amountVnd", 10_000_000, "receivedOn", month.atDay(3).toString(),
                        "fundAreaCode", area, "bankReference", "IN" + number, "bankAccountId", accountId))
                .post("/api/v1/donations").then().statusCode(201);
        String first = approvedSupport(area, 3_000_000);
        String second = approvedSupport(area, 1_000_000);
        String payment = "PAY" + number;
        given().contentType(ContentType.JSON).body(Map.of("paidOn", month.atDay(5).toString(), "version", 1,
                        "transferReference", payment))
                .post("/api/v1/disbursements/" + first + "/payment").then().statusCode(422)
                .body("errors[0].field", equalTo("transferReference"));
        given().contentType(ContentType.JSON).body(Map.of("paidOn", month.atDay(5).toString(), "version", 1,
                        "bankAccountId", accountId, "transferReference", payment))
                .post("/api/v1/disbursements/" + first + "/payment").then().statusCode(200)
                .body("bankAccountId", equalTo(accountId)).body("transferReference", equalTo(payment));
        given().contentType(ContentType.JSON).body(Map.of("paidOn", month.atDay(6).toString(), "version", 1,
                        "bankAccountId", accountId, "transferReference", payment))
                .post("/api/v1/disbursements/" + second + "/payment").then().statusCode(409);

        String camt = Camt053Files.statement(number, "P-" + number, 0, month.atDay(1), month.atEndOfMonth(), List.of(
                new Camt053Files.Entry(10_000_000, month.atDay(3), "IN" + number, "VIETCOMBANK", "ung ho quy"),
                new Camt053Files.Entry(-3_000_000, month.atDay(5), "FT" + number, "NGUYEN VAN B",
                        payment + " chi ho tro chua benh")));
        Map<String, Object> done = finished(upload(accountId, "CAMT053", camt).then().statusCode(202).extract()
                .header("Location"));
        assertThat(done).containsEntry("matched", 2).containsEntry("unmatched", 0);
        Map<String, Object> debit = line(lines("/api/v1/bank-accounts/" + accountId + "/statements/"
                + done.get("id")), 2);
        assertThat(debit).containsEntry("matchedBy", "TRANSFER_REFERENCE").containsEntry("paymentId", first);
        given().get("/api/v1/bank-accounts/" + accountId + "/reconciliations/" + month).then().statusCode(200)
                .body("reconciled", equalTo(true)).body("bankBalanceVnd", equalTo(7_000_000))
                .body("ledgerBalanceVnd", equalTo(7_000_000)).body("debitsVnd", equalTo(3_000_000));
    }

    /** A support request on a stated hardship, approved by another person: ready to be paid (version 1). */
    private String approvedSupport(String area, long amount) {
        String id = given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("fundAreaCode", area, "householdId", UUID.randomUUID().toString(), "category",
                        "HEALTHCARE", "amountVnd", amount, "purpose", "Chữa bệnh",
                        "hardshipReason", "Chủ hộ mắc bệnh hiểm nghèo", "communeCode", "99111"))
                .post("/api/v1/disbursements").then().statusCode(201).extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> disbursements.decide(UUID.fromString(id),
                new vn.vnn.fund.disbursements.DisbursementCommands.Decision(
                        vn.vnn.fund.disbursements.DisbursementCommands.Decision.Verdict.APPROVE, "15/QĐ-BVĐ", null,
                        0L), "fund.approver"));
        return id;
    }

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void statementsThatCannotBeTakenAreRefusedWithTheReason() {
        String area = area();
        String fundId = fundId(area);
        String number = Long.toString(System.nanoTime() % 1_000_000_000_000L);
        String accountId = account(fundId, number);
        YearMonth month = YearMonth.from(clock.today()).minusMonths(1);
        List<Camt053Files.Entry> entries = List.of(new Camt053Files.Entry(1_000, month.atDay(2), "A" + number, null,
                "x"));
        String good = Camt053Files.statement(number, "N-" + number, 0, month.atDay(1), month.atEndOfMonth(), entries);

        Map<String, Object> unbalanced = finished(upload(accountId, "CAMT053",
                good.replace("<Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"VND\">1000<",
                        "<Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"VND\">1001<"))
                .then().statusCode(202).extract().header("Location"));
        assertThat(unbalanced).containsEntry("status", "REJECTED");
        assertThat((String) unbalanced.get("failure")).contains("off by 1 đồng");
        Map<String, Object> other = finished(upload(accountId, "CAMT053", good.replace("<Id>" + number + "</Id>",
                "<Id>999" + number + "1</Id>")).then().statusCode(202).extract().header("Location"));
        assertThat((String) other.get("failure")).contains("not of " + number);
        String csvLocation = given().contentType("text/csv").body("Ngày giao dịch,Số tham chiếu\n1,2\n")
                .post("/api/v1/bank-accounts/" + accountId + "/statements?format=CSV&profile=vietcombank")
                .then().statusCode(202).extract().header("Location");
        assertThat(finished(csvLocation)).containsEntry("status", "REJECTED").containsEntry("errorCount", 1);
        given().get(csvLocation + "/errors").then().statusCode(200)
                .body("[0].message", org.hamcrest.Matchers.containsString("no column"));

        assertThat(finished(upload(accountId, "CAMT053", good).then().statusCode(202).extract().header("Location")))
                .containsEntry("status", "DONE");
        // the same statement number in another file (a re-export) is refused
        Map<String, Object> twice = finished(upload(accountId, "CAMT053", good.replace("<MsgId>", "<MsgId>2"))
                .then().statusCode(202).extract().header("Location"));
        assertThat((String) twice.get("failure")).contains("imported already");

        upload(accountId, "PDF", good).then().statusCode(422).body("errors[0].field", equalTo("format"));
        given().contentType("text/csv").body("a").post("/api/v1/bank-accounts/" + accountId
                + "/statements?format=CSV&profile=nobank").then().statusCode(422)
                .body("errors[0].field", equalTo("profile"));
        upload(UUID.randomUUID().toString(), "CAMT053", good).then().statusCode(404);
        upload(accountId, "CAMT053", "").then().statusCode(422);
        given().get("/api/v1/bank-accounts/" + accountId + "/reconciliations/2026-13").then().statusCode(422);
    }

    @Test
    @TestSecurity(user = "fund.officer.other", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"ZZ\"]", type = ClaimType.JSON_ARRAY))
    void anOfficerOfAnotherAreaSeesNoAccount() {
        String area = area();
        String fundId = fundId(area);
        String accountId = QuarkusTransaction.requiringNew().call(() -> {
            vn.vnn.fund.funds.BankAccount account = new vn.vnn.fund.funds.BankAccount();
            account.id = UUID.randomUUID();
            account.fundId = UUID.fromString(fundId);
            account.bankBin = "970436";
            account.accountNumber = Long.toString(System.nanoTime() % 1_000_000_000_000L);
            account.accountName = "X";
            account.active = true;
            account.createdBy = "test";
            account.createdAt = clock.now();
            account.persist();
            return account.id.toString();
        });
        upload(accountId, "CAMT053", "<x/>").then().statusCode(404);
        given().get("/api/v1/bank-accounts/" + accountId + "/statements").then().statusCode(404);
        given().get("/api/v1/bank-accounts/" + accountId + "/reconciliations/2026-01").then().statusCode(404);
    }

    private long events(String accountId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM outbox_event WHERE event_type = 'vn.vnn.fund.statement-reconciled.v1' "
                                + "AND aggregate_id = ?1").setParameter(1, accountId).getSingleResult()).longValue());
    }
}
