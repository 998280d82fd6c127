package vn.vnn.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vnn.localstack.LocalStack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A donor's gift from the QR code to a reconciled ledger, through the gateway with real tokens: an intent's dynamic
 * VietQR payload, a bank statement carrying its transfer message, the line matched and the donation recorded with a
 * signed receipt, the receipt verified in public, the gift found on the public statement by its bank reference, and
 * the account's month reconciled.
 */
@ExtendWith(SharedStack.class)
class DonorsJourneyIT {

    private static LocalStack stack;
    private static String gateway;

    @BeforeAll
    static void startStack() {
        stack = SharedStack.stack();
        gateway = stack.gatewayUrl();
    }

    @Test
    void aGiftByVietQrIsMatchedReceiptedVerifiedFoundAndReconciled() {
        String officer = Tokens.password(stack.realmUrl(), "fund.officer");
        String fundId = given().auth().oauth2(officer).get(gateway + "/api/v1/funds").then().statusCode(200)
                .extract().path("find { it.code == 'Q99' }.id");
        String number = Long.toString(System.currentTimeMillis() % 10_000_000_000L + 10_000_000_000L);
        String accountId = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("bankBin", "970436", "accountNumber", number, "accountName", "UB MTTQ TINH 99"))
                .post(gateway + "/api/v1/funds/" + fundId + "/bank-accounts").then().statusCode(201)
                .extract().path("id");

        // a donor asks to give (no login) and reads the transfer message out of the QR payload
        String payload = given().contentType(ContentType.JSON).body(Map.of("bankAccountId", accountId))
                .post(gateway + "/api/v1/public/funds/Q99/donation-intents").then().statusCode(201)
                .extract().path("qrPayload");
        String message = tlv(tlv(payload, "62"), "08");
        assertThat(message).startsWith("VNN Q99 ");
        assertThat(tlv(payload, "38")).contains(number);

        // the bank's statement of last month shows the transfer
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusMonths(1);
        LocalDate on = month.atDay(15);
        String bankReference = "FT" + number;
        String camt = CamtStatements.oneCredit(number, "E2E-" + number, month.atDay(1), month.atEndOfMonth(), on,
                750_000, bankReference, "ĐỖ THỊ THU HÀ", message);
        String location = given().auth().oauth2(officer).contentType("application/xml")
                .body(camt.getBytes(StandardCharsets.UTF_8))
                .post(gateway + "/api/v1/bank-accounts/" + accountId + "/statements?format=CAMT053")
                .then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(officer).get(location)
                .then().statusCode(200).body("status", equalTo("DONE")).body("matched", equalTo(1)));
        Map<String, Object> line = given().auth().oauth2(officer).get(location + "/lines").then().statusCode(200)
                .extract().path("items[0]");
        assertThat(line).containsEntry("outcome", "MATCHED").containsEntry("matchedBy", "REFERENCE_CODE");

        // the donation with its signed receipt
        Map<String, Object> donation = given().auth().oauth2(officer)
                .get(gateway + "/api/v1/donations/" + line.get("donationId")).then().statusCode(200)
                .body("donorName", equalTo("ĐỖ THỊ THU HÀ")).body("amountVnd", equalTo(750_000))
                .body("bankReference", equalTo(bankReference)).extract().path("");
        byte[] receipt = given().auth().oauth2(officer)
                .get(gateway + "/api/v1/donations/" + donation.get("id") + "/receipt.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        String raw = new String(receipt, StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("/ETSI.CAdES.detached", "/ByteRange", "LOCAL DEVELOPMENT ONLY");

        // and it goes to the donor by mail, through the stack's own mail server
        int mailed = stack.mail().received();
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("to", "do.thi.thu.ha@example.vn"))
                .post(gateway + "/api/v1/donations/" + donation.get("id") + "/receipt-email").then().statusCode(200);
        assertThat(stack.mail().received()).isEqualTo(mailed + 1);

        // anyone verifies it without logging in
        String receiptNo = (String) donation.get("receiptNo");
        given().get(gateway + "/api/v1/public/receipts/" + receiptNo + "/verification?code="
                        + donation.get("verificationCode")).then().statusCode(200)
                .body("status", equalTo("VALID")).body("amountVnd", equalTo(750_000))
                .body("fundCode", equalTo("Q99")).body("donorName", equalTo("ĐỖ THỊ THU HÀ"));

        // "did my gift arrive?" — the public statement finds it by the bank reference
        List<Map<String, Object>> found = given().get(gateway + "/api/v1/public/funds/Q99/statement?from="
                        + month.atDay(1) + "&to=" + month.atEndOfMonth() + "&bankReference=" + bankReference)
                .then().statusCode(200).extract().path("receipts");
        assertThat(found).singleElement().satisfies(r -> assertThat(r).containsEntry("receiptNo", receiptNo));

        // and the account's month balances with the ledger
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(officer)
                .get(gateway + "/api/v1/bank-accounts/" + accountId + "/reconciliations/" + month)
                .then().statusCode(200).body("reconciled", equalTo(true)).body("bankBalanceVnd", equalTo(750_000))
                .body("ledgerBalanceVnd", equalTo(750_000)));
    }

    /** The value of an EMVCo tag at the top level of a TLV string (two-digit tag, two-digit length). */
    static String tlv(String data, String tag) {
        for (int i = 0; i + 4 <= data.length(); ) {
            String id = data.substring(i, i + 2);
            int length = Integer.parseInt(data.substring(i + 2, i + 4));
            if (id.equals(tag)) {
                return data.substring(i + 4, i + 4 + length);
            }
            i += 4 + length;
        }
        throw new AssertionError("no tag " + tag + " in " + data);
    }
}
