package vn.vnn.fund;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import vn.vnn.kit.security.AccessMatrix;
import vn.vnn.kit.security.EndpointSecurityAudit;
import vn.vnn.kit.security.Roles;
import vn.vnn.localstack.testing.TestTokens;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role on every fund endpoint, against the table of who may call what (README). Recording and paying are the
 * fund officer's, deciding the approver's; both read; auditors read; nobody else touches the fund. The statement is
 * public.
 */
@QuarkusTest
class AccessMatrixTest {

    private static final String JSON = "application/json";
    private static final Set<String> READERS = Set.of("fund-officer", "fund-approver", "admin", "auditor");
    private static final Set<String> RECORDERS = Set.of("fund-officer", "admin");
    private static final Set<String> APPROVERS = Set.of("fund-approver", "admin");
    private static final Set<String> ADMIN = Set.of("admin");
    private static final Set<String> PUBLIC = Set.of(AccessMatrix.PUBLIC);
    private static final String ID = UUID.randomUUID().toString();
    private static final AccessMatrix MATRIX = new AccessMatrix()
            .add("DonationResource#record", "POST", "/api/v1/donations", JSON, "{}", RECORDERS)
            .add("DonationResource#list", "GET", "/api/v1/donations", null, null, READERS)
            .add("DonationResource#get", "GET", "/api/v1/donations/" + ID, null, null, READERS)
            .add("DonationResource#receipt", "GET", "/api/v1/donations/" + ID + "/receipt.pdf", null, null, READERS)
            .add("DonationResource#cancel", "POST", "/api/v1/donations/" + ID + "/cancellation", JSON, "{}",
                    RECORDERS)
            .add("DonorResource#list", "GET", "/api/v1/donors", null, null, READERS)
            .add("DonorResource#get", "GET", "/api/v1/donors/" + ID, null, null, READERS)
            .add("DonorDonationsResource#history", "GET", "/api/v1/donors/" + ID + "/donations", null, null, READERS)
            .add("DonorResource#update", "PUT", "/api/v1/donors/" + ID, JSON, "{}", RECORDERS)
            .add("DisbursementResource#request", "POST", "/api/v1/disbursements", JSON, "{}", RECORDERS)
            .add("DisbursementResource#decide", "POST", "/api/v1/disbursements/" + ID + "/decision", JSON, "{}",
                    APPROVERS)
            .add("DisbursementResource#pay", "POST", "/api/v1/disbursements/" + ID + "/payment", JSON, "{}",
                    RECORDERS)
            .add("DisbursementResource#get", "GET", "/api/v1/disbursements/" + ID, null, null, READERS)
            .add("DisbursementResource#list", "GET", "/api/v1/disbursements", null, null, READERS)
            .add("EligibleHouseholdResource#list", "GET", "/api/v1/eligible-households", null, null, READERS)
            .add("EligibleHouseholdResource#get", "GET", "/api/v1/eligible-households/" + ID, null, null, READERS)
            .add("FundResource#open", "POST", "/api/v1/funds", JSON, "{}", ADMIN)
            .add("FundResource#list", "GET", "/api/v1/funds", null, null, READERS)
            .add("FundResource#get", "GET", "/api/v1/funds/" + ID, null, null, READERS)
            .add("FundResource#ledger", "GET", "/api/v1/funds/" + ID + "/ledger", null, null, READERS)
            .add("FundStatementResource#statementCsv", "GET", "/api/v1/funds/" + ID + "/statement.csv?from=2025-01-01"
                    + "&to=2025-12-31", null, null, READERS)
            .add("FundStatementResource#statementXlsx", "GET", "/api/v1/funds/" + ID + "/statement.xlsx?from=2025-01-01"
                    + "&to=2025-12-31", null, null, READERS)
            .add("FundStatementResource#report", "GET", "/api/v1/funds/" + ID + "/report?from=2025-01-01&to=2025-12-31",
                    null, null, READERS)
            .add("FundResource#closePeriod", "POST", "/api/v1/funds/" + ID + "/closed-periods", JSON,
                    "{\"month\":\"2025-01\"}", RECORDERS)
            .add("FundResource#closedPeriods", "GET", "/api/v1/funds/" + ID + "/closed-periods", null, null, READERS)
            .add("FundResource#transfer", "POST", "/api/v1/funds/" + ID + "/transfers", JSON, "{}", APPROVERS)
            .add("CampaignResource#open", "POST", "/api/v1/campaigns", JSON, "{}", RECORDERS)
            .add("CampaignResource#list", "GET", "/api/v1/campaigns", null, null, READERS)
            .add("CampaignResource#get", "GET", "/api/v1/campaigns/" + ID, null, null, READERS)
            .add("CampaignResource#pledge", "POST", "/api/v1/pledges", JSON, "{}", RECORDERS)
            .add("CampaignResource#pledges", "GET", "/api/v1/pledges", null, null, READERS)
            .add("CampaignResource#pledgeById", "GET", "/api/v1/pledges/" + ID, null, null, READERS)
            .add("BankAccountResource#add", "POST", "/api/v1/funds/" + ID + "/bank-accounts", JSON, "{}", RECORDERS)
            .add("BankAccountResource#list", "GET", "/api/v1/funds/" + ID + "/bank-accounts", null, null, READERS)
            .add("PublicBankingResource#accounts", "GET", "/api/v1/public/funds/NOPE/bank-accounts", null, null,
                    PUBLIC)
            .add("PublicBankingResource#accountQr", "GET", "/api/v1/public/funds/NOPE/bank-accounts/" + ID
                    + "/qr.png", null, null, PUBLIC)
            .add("PublicBankingResource#intend", "POST", "/api/v1/public/funds/NOPE/donation-intents", JSON, "{}",
                    PUBLIC)
            .add("PublicBankingResource#intent", "GET", "/api/v1/public/funds/NOPE/donation-intents/ABC123", null,
                    null, PUBLIC)
            .add("PublicBankingResource#intentQr", "GET", "/api/v1/public/funds/NOPE/donation-intents/ABC123/qr.png",
                    null, null, PUBLIC)
            .add("BankStatementResource#upload", "POST", "/api/v1/bank-accounts/" + ID + "/statements?format=MT940",
                    "text/plain", "x", RECORDERS)
            .add("BankStatementResource#list", "GET", "/api/v1/bank-accounts/" + ID + "/statements", null, null,
                    READERS)
            .add("BankStatementResource#get", "GET", "/api/v1/bank-accounts/" + ID + "/statements/" + ID, null, null,
                    READERS)
            .add("BankStatementResource#errors", "GET", "/api/v1/bank-accounts/" + ID + "/statements/" + ID
                    + "/errors", null, null, READERS)
            .add("BankStatementResource#lines", "GET", "/api/v1/bank-accounts/" + ID + "/statements/" + ID
                    + "/lines", null, null, READERS)
            .add("BankStatementResource#confirm", "POST", "/api/v1/bank-accounts/" + ID + "/statement-lines/" + ID
                    + "/confirmation", JSON, "{}", RECORDERS)
            .add("BankStatementResource#recordDonation", "POST", "/api/v1/bank-accounts/" + ID
                    + "/statement-lines/" + ID + "/donation", JSON, "{}", RECORDERS)
            .add("BankStatementResource#ignore", "POST", "/api/v1/bank-accounts/" + ID + "/statement-lines/" + ID
                    + "/ignore", JSON, "{}", RECORDERS)
            .add("BankStatementResource#reconciliation", "GET", "/api/v1/bank-accounts/" + ID
                    + "/reconciliations/2026-01", null, null, READERS)
            .add("ReceiptVerificationResource#verify", "GET", "/api/v1/public/receipts/Q1/2026/000001/verification"
                    + "?code=X", null, null, PUBLIC)
            .add("PublicFundResource#digests", "GET", "/api/v1/public/funds/NOPE/statement-digests?from=2026-01-01"
                    + "&to=2026-01-31", null, null, PUBLIC)
            .add("PublicFundResource#day", "GET", "/api/v1/public/funds/NOPE/statement-digests/2026-01-01", null, null,
                    PUBLIC)
            .add("DonationResource#emailReceipt", "POST", "/api/v1/donations/" + ID + "/receipt-email", JSON, "{}",
                    RECORDERS)
            .add("DonorDonationsResource#yearStatement", "GET", "/api/v1/donors/" + ID + "/statements/2025.pdf", null,
                    null, READERS)
            .add("DonorDonationsResource#emailYearStatement", "POST", "/api/v1/donors/" + ID
                    + "/statements/2025/email", JSON, "{}", RECORDERS)
            .add("PublicCampaignResource#running", "GET", "/api/v1/public/funds/NOPE/campaigns", null, null, PUBLIC)
            .add("PublicFundResource#funds", "GET", "/api/v1/public/funds", null, null, PUBLIC)
            .add("AuditResource#read", "GET", "/api/v1/fund/audit", null, null, Set.of("auditor", "admin"))
            .add("OutboxResource#list", "GET", "/api/v1/fund/outbox/parked", null, null, Set.of("admin"))
            .add("OutboxResource#retry", "POST", "/api/v1/fund/outbox/parked/00000000-0000-0000-0000-000000000000/retry", null, null, Set.of("admin"))
            .add("OutboxResource#discard", "POST", "/api/v1/fund/outbox/parked/00000000-0000-0000-0000-000000000000/discard", null, null,
                    Set.of("admin"))
            .add("PublicFundResource#statement", "GET", "/api/v1/public/funds/NOPE/statement?from=2025-01-01"
                    + "&to=2025-12-31", null, null, PUBLIC);

    @Test
    void theTableCoversEveryEndpoint() throws Exception {
        assertThat(MATRIX.endpoints()).containsExactlyInAnyOrderElementsOf(
                AccessMatrix.simpleNames(EndpointSecurityAudit.audit(Path.of("target/classes")).endpoints()));
    }

    @Test
    void withoutAToken() {
        assertThat(MATRIX.withoutToken(AccessMatrixTest::send)).isEmpty();
    }

    /**
     * Every role alone and every combination of two roles, each in one real signed token with areas: an endpoint
     * admits a combination when it admits one of its roles, and holding a second role never turns a 403 into a
     * pass.
     */
    @Test
    void everyRoleAndEveryCombinationOfTwoRoles() {
        assertThat(MATRIX.mismatchesOfEveryCombination(Roles.ALL,
                roles -> TestTokens.of("matrix", roles, List.of("99")), AccessMatrixTest::send)).isEmpty();
    }

    @Test
    void aTokenMintedForAnotherClientOfTheRealmIs401() {
        String foreign = TestTokens.sign("someone", "account", "account", List.of("admin"), List.of("VN"));
        given().auth().oauth2(foreign).get("/api/v1/donations").then().statusCode(401);
        given().auth().oauth2(TestTokens.of("someone", List.of("admin"), List.of())).get("/api/v1/donations").then()
                .statusCode(200);
    }

    private static int send(AccessMatrix.Call call) {
        return send(call, null);
    }

    private static int send(AccessMatrix.Call call, String token) {
        RequestSpecification request = given().header("Idempotency-Key", UUID.randomUUID().toString());
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (call.contentType() != null) {
            request = request.contentType(call.contentType()).body(call.body());
        }
        return request.request(call.method(), call.path()).then().extract().statusCode();
    }
}
