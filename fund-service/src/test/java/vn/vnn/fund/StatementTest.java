package vn.vnn.fund;

import vn.vnn.fund.disbursements.Disbursement;

import vn.vnn.fund.disbursements.DisbursementCommands;

import vn.vnn.fund.donors.DonorRef;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.vnn.fund.disbursements.DisbursementDtos;
import vn.vnn.fund.donations.DonationEntry;
import vn.vnn.fund.donations.DonationView;
import vn.vnn.fund.donations.DonationKind;
import vn.vnn.fund.donors.DonorType;
import vn.vnn.fund.funds.Fund;
import vn.vnn.fund.disbursements.SupportCategory;
import vn.vnn.fund.disbursements.DisbursementService;
import vn.vnn.fund.donations.DonationService;
import vn.vnn.fund.funds.FundService;
import vn.vnn.fund.funds.Ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** The public statement matches the ledger to the đồng for a seeded period. */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(LedgerBalanced.class)
class StatementTest {

    @Inject
    FundService funds;
    @Inject
    DonationService donations;
    @Inject
    DisbursementService disbursements;
    @Inject
    Ledger ledger;

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void theStatementOfAPeriodAddsUpToTheLedgerAndHidesWhoMustBeHidden() {
        String area = "S" + Integer.toString((int) (Math.random() * 1_000_000_000), 36).toUpperCase();
        QuarkusTransaction.requiringNew().run(() -> FundServiceTest.openFund(funds, area));
        // Two months that ended at least a month ago, so that the next period (to today) stays within a year.
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        LocalDate base = today.withDayOfMonth(1).minusMonths(3);
        LocalDate next = base.plusMonths(2);
        // Before the period: 10,000,000 in. In it: 3 receipts (one anonymous, one later cancelled), 2 payments.
        donate(area, "Công ty Cổ phần Gang thép Thái Nguyên", 10_000_000, base.minusDays(1), false);
        donate(area, "Ông Lê Văn Tám", 2_500_000, base.plusDays(16), true);
        DonationView cancelled = donate(area, "Bà Đỗ Thị Huệ", 1_234_567, base.plusDays(19), false);
        donate(area, "Trường THPT Chuyên Hùng Vương", 7_654_321, base.plusMonths(1).plusDays(17), false);
        QuarkusTransaction.requiringNew().run(() -> donations.cancel(cancelled.id(), 0, "Chuyển nhầm tài khoản",
                "fund.officer"));
        String household = "household-" + UUID.randomUUID();
        pay(area, household, 5_000_000, base.plusMonths(1));
        pay(area, "another-" + UUID.randomUUID(), 1_000_000, next); // after the period

        String code = "Q" + area;
        Map<String, Object> statement = given().get("/api/v1/public/funds/" + code
                        + "/statement?from=" + base + "&to=" + next.minusDays(1)).then().statusCode(200)
                .body("receipts.size()", equalTo(3))
                .body("receipts[0].donorName", equalTo("Nhà hảo tâm ẩn danh"))
                // Cancelled today, after the period: the period's statement shows the receipt as it stood then.
                .body("receipts[1].status", equalTo("ACCEPTED"))
                .body("receipts[1].cancelledOn", org.hamcrest.Matchers.nullValue())
                .body("support.size()", equalTo(1))
                .body("support[0].category", equalTo("HEALTHCARE"))
                .extract().path("");
        assertThat(statement.toString()).doesNotContain(household).doesNotContain("Lê Văn Tám");

        @SuppressWarnings("unchecked")
        Map<String, Number> totals = (Map<String, Number>) statement.get("totals");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> receipts = (List<Map<String, Object>>) statement.get("receipts");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> support = (List<Map<String, Object>>) statement.get("support");
        long received = receipts.stream().mapToLong(r -> ((Number) r.get("amountVnd")).longValue()).sum();
        long paid = support.stream().mapToLong(r -> ((Number) r.get("amountVnd")).longValue()).sum();
        assertThat(totals.get("receivedVnd").longValue()).isEqualTo(received).isEqualTo(11_388_888L);
        assertThat(totals.get("reversedVnd").longValue()).isZero(); // cancelled today, after the period
        assertThat(totals.get("supportPaidVnd").longValue()).isEqualTo(paid).isEqualTo(5_000_000L);
        long opening = ((Number) statement.get("openingBalanceVnd")).longValue();
        long closing = ((Number) statement.get("closingBalanceVnd")).longValue();
        assertThat(opening).isEqualTo(10_000_000L);
        assertThat(closing).isEqualTo(opening + received - paid);

        // The next period holds the later payment and the cancellation's reversal, and ends where the ledger is now.
        Map<String, Object> following = given().get("/api/v1/public/funds/" + code + "/statement?from=" + next
                + "&to=" + today).then().statusCode(200).body("receipts.size()", equalTo(0))
                .body("totals.reversedVnd", equalTo(1_234_567)).body("totals.supportPaidVnd", equalTo(1_000_000))
                .body("openingBalanceVnd", equalTo((int) closing)).extract().path("");
        UUID fund = QuarkusTransaction.requiringNew().call(() -> Fund.openForArea(area).map(f -> f.id).orElseThrow());
        Map<String, Long> now = QuarkusTransaction.requiringNew().call(() -> ledger.balances(fund));
        assertThat(((Number) following.get("closingBalanceVnd")).longValue()).isEqualTo(now.get("CASH"))
                .isEqualTo(closing - 1_234_567L - 1_000_000L);

        given().get("/api/v1/public/funds").then().statusCode(200);
        given().get("/api/v1/public/funds/" + code + "/statement?from=2025-01-01&to=2026-06-30").then()
                .statusCode(422).body("errors[0].field", equalTo("to"));
        given().get("/api/v1/public/funds/NOPE/statement?from=2025-01-01&to=2025-02-01").then().statusCode(404);
    }

    @Test
    void theReportNeedsAToken() {
        given().get("/api/v1/funds/" + UUID.randomUUID() + "/report?from=2025-10-01&to=2025-11-30").then()
                .statusCode(401);
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void theReportBreaksAPeriodDownByDonorTypeMonthAndCategory() {
        String area = "R" + Integer.toString((int) (Math.random() * 1_000_000_000), 36).toUpperCase();
        QuarkusTransaction.requiringNew().run(() -> FundServiceTest.openFund(funds, area));
        donate(area, "Công ty Xi măng Hà Tiên", 8_000_000, LocalDate.of(2025, 10, 20), false);
        donate(area, "Ông Trịnh Văn Quyết", 2_000_000, LocalDate.of(2025, 11, 2), false);
        donate(area, "Bà Ngô Thị Thu", 1_000_000, LocalDate.of(2025, 11, 3), true);
        pay(area, "h-" + UUID.randomUUID(), 4_000_000, LocalDate.of(2025, 11, 5));
        UUID fund = QuarkusTransaction.requiringNew().call(() -> Fund.openForArea(area).map(f -> f.id).orElseThrow());
        given().get("/api/v1/funds/" + fund + "/report?from=2025-10-01&to=2025-11-30").then().statusCode(200)
                .body("receivedByDonorType[0].key", equalTo("ORGANISATION/OTHER"))
                .body("receivedByDonorType[0].amountVnd", equalTo(8_000_000))
                .body("receivedByDonorType[1].key", equalTo("INDIVIDUAL"))
                .body("receivedByDonorType[1].count", equalTo(2))
                .body("receivedByMonth.key", org.hamcrest.Matchers.contains("2025-10", "2025-11"))
                .body("receivedByCampaign[0].label", equalTo("Ngoài đợt vận động"))
                .body("supportByCategory[0].key", equalTo("HEALTHCARE"))
                .body("supportByCommune[0].amountVnd", equalTo(4_000_000));
    }

    @Test
    @TestSecurity(user = "auditor", roles = "auditor")
    void officersDownloadTheStatementAsCsvAndXlsx() throws Exception {
        String area = "X" + Integer.toString((int) (Math.random() * 1_000_000_000), 36).toUpperCase();
        QuarkusTransaction.requiringNew().run(() -> FundServiceTest.openFund(funds, area));
        donate(area, "Hội Chữ thập đỏ phường Hạ Long", 3_000_000, LocalDate.of(2025, 10, 18), false);
        UUID fund = QuarkusTransaction.requiringNew().call(() -> Fund.openForArea(area).map(f -> f.id).orElseThrow());
        given().get("/api/v1/funds/" + fund + "/statement.csv?from=2025-10-01&to=2025-10-31").then().statusCode(200)
                .body(startsWith("\uFEFFLoại,Ngày,Số biên lai")).body(containsString("Hội Chữ thập đỏ phường Hạ Long"))
                .body(containsString("Số dư cuối kỳ,2025-10-31,,,,,,3000000"));
        byte[] xlsx = given().get("/api/v1/funds/" + fund + "/statement.xlsx?from=2025-10-01&to=2025-10-31")
                .then().statusCode(200).extract().asByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("Người/đơn vị ủng hộ");
            assertThat(sheet.getRow(4).getCell(3).getStringCellValue()).startsWith("Hội Chữ thập đỏ phường Hạ Long");
        }
    }

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void donorsFindTheirGiftInAPagedStatementByReferenceAmountOrName() {
        String area = "P" + Integer.toString((int) (Math.random() * 1_000_000_000), 36).toUpperCase();
        QuarkusTransaction.requiringNew().run(() -> FundServiceTest.openFund(funds, area));
        for (int i = 1; i <= 5; i++) {
            donate(area, "Ông Nguyễn Văn Số" + i, 100_000L * i, LocalDate.of(2025, 10, i), false, "FT2510" + i);
        }
        donate(area, "Bà Kín Đáo", 777_000, LocalDate.of(2025, 10, 9), true, "FT25109");
        String statement = "/api/v1/public/funds/Q" + area + "/statement?from=2025-10-01&to=2025-10-31";
        given().get(statement + "&size=2").then().statusCode(200)
                .body("receipts.size()", equalTo(2)).body("paging.receiptCount", equalTo(6))
                .body("paging.size", equalTo(2)).body("totals.receivedVnd", equalTo(2_277_000));
        given().get(statement + "&size=2&page=2").then().statusCode(200).body("receipts.size()", equalTo(2))
                .body("receipts[0].amountVnd", equalTo(500_000));
        given().get(statement + "&bankReference=FT25103").then().statusCode(200)
                .body("receipts.size()", equalTo(1)).body("receipts[0].amountVnd", equalTo(300_000))
                .body("paging.receiptCount", equalTo(1));
        given().get(statement + "&amountVnd=400000").then().statusCode(200).body("receipts.size()", equalTo(1));
        given().get(statement + "&donorName=nguyễn văn số4").then().statusCode(200)
                .body("receipts.size()", equalTo(1)).body("receipts[0].amountVnd", equalTo(400_000));
        // An anonymous gift is found by its reference, never by its giver's name.
        given().get(statement + "&donorName=Kín Đáo").then().statusCode(200).body("receipts.size()", equalTo(0));
        given().get(statement + "&bankReference=FT25109").then().statusCode(200)
                .body("receipts[0].donorName", equalTo("Nhà hảo tâm ẩn danh"));
        given().get(statement + "&donorName=x").then().statusCode(422);
        given().get(statement + "&donorName=%%").then().statusCode(200).body("receipts.size()", equalTo(0));
        given().get(statement + "&size=1000").then().statusCode(422);
        given().get(statement + "&amountVnd=-5").then().statusCode(422);
    }

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void exportsNeutraliseCellsASpreadsheetWouldRunAsFormulas() throws Exception {
        String area = "F" + Integer.toString((int) (Math.random() * 1_000_000_000), 36).toUpperCase();
        QuarkusTransaction.requiringNew().run(() -> FundServiceTest.openFund(funds, area));
        donate(area, "=HYPERLINK(\"http://evil.example\",\"Bấm\")", 50_000, LocalDate.of(2025, 10, 2), false, null);
        UUID fund = QuarkusTransaction.requiringNew().call(() -> Fund.openForArea(area).map(f -> f.id).orElseThrow());
        String csv = given().get("/api/v1/funds/" + fund + "/statement.csv?from=2025-10-01&to=2025-10-31").then()
                .statusCode(200).extract().asString();
        assertThat(csv).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
        byte[] xlsx = given().get("/api/v1/funds/" + fund + "/statement.xlsx?from=2025-10-01&to=2025-10-31")
                .then().statusCode(200).extract().asByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            List<String> donors = new java.util.ArrayList<>();
            for (var row : workbook.getSheetAt(0)) {
                var cell = row.getCell(3);
                if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    donors.add(cell.getStringCellValue());
                }
            }
            assertThat(donors).anySatisfy(name -> assertThat(name).startsWith("'=HYPERLINK"))
                    .noneSatisfy(name -> assertThat(name).startsWith("="));
        }
    }

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void aClosedMonthTakesNoEntryAndItsStatementNeverChanges() {
        String area = "C" + Integer.toString((int) (Math.random() * 1_000_000_000), 36).toUpperCase();
        QuarkusTransaction.requiringNew().run(() -> FundServiceTest.openFund(funds, area));
        DonationView october = donate(area, "Ông Trần Văn Khoá", 2_000_000, LocalDate.of(2025, 10, 10), false, null);
        donate(area, "Bà Lê Thị Đủ", 1_000_000, LocalDate.of(2025, 10, 11), false, null);
        pay(area, "h-" + UUID.randomUUID(), 500_000, LocalDate.of(2025, 10, 20));
        UUID fund = QuarkusTransaction.requiringNew().call(() -> Fund.openForArea(area).map(f -> f.id).orElseThrow());
        String statement = "/api/v1/public/funds/Q" + area + "/statement?from=2025-10-01&to=2025-10-31";
        String before = given().get(statement).then().statusCode(200).extract().asString();

        given().contentType("application/json").body("{\"month\":\"2025-10\"}")
                .post("/api/v1/funds/" + fund + "/closed-periods").then().statusCode(201)
                .body("month", equalTo("2025-10")).body("closedBy", equalTo("fund.officer"));
        given().contentType("application/json").body("{\"month\":\"2025-10\"}")
                .post("/api/v1/funds/" + fund + "/closed-periods").then().statusCode(409);
        String thisMonth = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        given().contentType("application/json").body("{\"month\":\"" + thisMonth + "\"}")
                .post("/api/v1/funds/" + fund + "/closed-periods").then().statusCode(422);
        given().contentType("application/json").body("{\"month\":\"2025-13\"}")
                .post("/api/v1/funds/" + fund + "/closed-periods").then().statusCode(422);
        given().get("/api/v1/funds/" + fund + "/closed-periods").then().statusCode(200)
                .body("month", org.hamcrest.Matchers.contains("2025-10"));

        // A donation, a payment and a transfer dated in the closed month are refused...
        given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("donor", Map.of("name", "Bà Muộn Màng", "type", "INDIVIDUAL"), "kind", "CASH",
                        "amountVnd", 1_000, "receivedOn", "2025-10-15", "fundAreaCode", area))
                .post("/api/v1/donations").then().statusCode(409).body("type", equalTo("/problems/period-closed"));
        org.junit.jupiter.api.Assertions.assertThrows(vn.vnn.kit.problem.ProblemException.class,
                () -> pay(area, "h-" + UUID.randomUUID(), 100_000, LocalDate.of(2025, 10, 31)));
        // ...the correction of an October receipt is an entry of today, in an open month.
        QuarkusTransaction.requiringNew().run(() -> donations.cancel(october.id(), 0, "Ghi nhầm", "fund.officer"));
        donate(area, "Bà Ghi Sau", 300_000, LocalDate.of(2025, 11, 3), false, null);

        assertThat(given().get(statement).then().statusCode(200).extract().asString()).isEqualTo(before);
    }

    private DonationView donate(String area, String donor, long amount, LocalDate on, boolean anonymous) {
        return donate(area, donor, amount, on, anonymous, null);
    }

    private DonationView donate(String area, String donor, long amount, LocalDate on, boolean anonymous,
                                String bankReference) {
        return QuarkusTransaction.requiringNew().call(() -> DonationView.of(donations.record(new DonationEntry(
                new DonorRef(donor + " " + area, donor.startsWith("Công ty") || donor.startsWith("Trường")
                        || donor.startsWith("Hội") ? DonorType.ORGANISATION : DonorType.INDIVIDUAL),
                DonationKind.CASH, amount, on, area, anonymous, null, null, bankReference, null), "fund.officer")));
    }

    private void pay(String area, String household, long amount, LocalDate on) {
        QuarkusTransaction.requiringNew().run(() -> {
            Disbursement view = disbursements.request(new DisbursementCommands.Request(area, household,
                    SupportCategory.HEALTHCARE, amount, "Viện phí", "Bệnh hiểm nghèo", "99111", null), "officer.a");
            disbursements.decide(view.id, new DisbursementCommands.Decision(DisbursementCommands.Decision.Verdict.APPROVE,
                    "1/QĐ", null, 0L), "approver.b");
            disbursements.pay(view.id, new DisbursementCommands.Payment(on, 1L), "officer.a");
        });
    }
}
