package vn.vnn.fund;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import vn.vnn.fund.funds.FundService;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Receipts and a donor's statement of the year, as signed PDFs, and e-mailed over real SMTP. */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
class ReceiptMailTest {

    @Inject
    FundService funds;

    private static Map<String, Object> donation(String area, Map<String, Object> donor, long amount, String on) {
        Map<String, Object> body = new HashMap<>(Map.of("donor", donor, "kind", "CASH", "amountVnd", amount,
                "receivedOn", on, "fundAreaCode", area));
        return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/api/v1/donations").then().statusCode(201).extract().path("");
    }

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void aReceiptAndTheYearsStatementGoToTheDonorByMailSigned() throws Exception {
        String area = "M" + Integer.toString((int) (Math.random() * 1_000_000_000), 36).toUpperCase();
        QuarkusTransaction.requiringNew().run(() -> FundServiceTest.openFund(funds, area));
        String address = "lan.vu." + area.toLowerCase() + "@example.vn";
        Map<String, Object> donor = Map.of("name", "Vũ Thị Lan", "type", "INDIVIDUAL", "email", address);
        Map<String, Object> first = donation(area, donor, 2_000_000, "2025-03-08");
        Map<String, Object> second = donation(area, donor, 500_000, "2025-11-20");
        Map<String, Object> cancelled = donation(area, donor, 7_000_000, "2025-12-01");
        given().contentType(ContentType.JSON).body(Map.of("version", cancelled.get("version"), "reason", "Hoàn trả"))
                .post("/api/v1/donations/" + cancelled.get("id") + "/cancellation").then().statusCode(200);
        String donorId = (String) first.get("donorId");

        int before = SmtpServer.current.getReceivedMessages().length;
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/donations/" + first.get("id") + "/receipt-email")
                .then().statusCode(200).body("to", org.hamcrest.Matchers.not(address));
        MimeMessage receipt = received(before, address, "Biên lai");
        assertThat(receipt.getSubject()).isEqualTo("Biên lai ủng hộ " + first.get("receiptNo")
                + " – Quỹ \"Vì người nghèo\"");
        byte[] pdf = attachment(receipt);
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("/ETSI.CAdES.detached");
        assertThat(new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1)).contains("BIÊN LAI THU",
                "Vũ Thị Lan", (String) first.get("receiptNo"));

        given().contentType(ContentType.JSON).body(Map.of("to", "ke.toan@example.vn"))
                .post("/api/v1/donations/" + second.get("id") + "/receipt-email").then().statusCode(200);
        received(before + 1, "ke.toan@example.vn", "Biên lai ủng hộ " + second.get("receiptNo"));
        given().contentType(ContentType.JSON).body(Map.of("to", "not an address"))
                .post("/api/v1/donations/" + second.get("id") + "/receipt-email").then().statusCode(422);
        Map<String, Object> nameless = donation(area, Map.of("name", "Hội Phụ nữ xã", "type", "ORGANISATION"),
                100_000, "2025-05-05");
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/donations/" + nameless.get("id")
                + "/receipt-email").then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("to"));

        // the year's statement: the accepted gifts and their total, signed
        byte[] statement = given().get("/api/v1/donors/" + donorId + "/statements/2025.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertThat(new String(statement, StandardCharsets.ISO_8859_1)).contains("/ETSI.CAdES.detached");
        String text = new PdfTextExtractor(new PdfReader(statement)).getTextFromPage(1);
        assertThat(text).contains("THƯ XÁC NHẬN ỦNG HỘ NĂM 2025", "Vũ Thị Lan", (String) first.get("receiptNo"),
                (String) second.get("receiptNo"), "2.500.000 đồng", "Hai triệu năm trăm nghìn đồng")
                .doesNotContain((String) cancelled.get("receiptNo"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/donors/" + donorId + "/statements/2025/email")
                .then().statusCode(200);
        MimeMessage mailed = received(before + 2, address, "Thư xác nhận");
        assertThat(mailed.getSubject()).isEqualTo("Thư xác nhận ủng hộ năm 2025 – Quỹ \"Vì người nghèo\"");
        given().get("/api/v1/donors/" + donorId + "/statements/1999.pdf").then().statusCode(422);
        given().get("/api/v1/donors/" + donorId + "/statements/2999.pdf").then().statusCode(422);
        given().get("/api/v1/donors/" + UUID.randomUUID() + "/statements/2025.pdf").then().statusCode(404);
    }

    /** The one message to {@code address} whose subject starts so, once more than {@code count} have arrived. */
    private static MimeMessage received(int count, String address, String subject) throws Exception {
        await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> SmtpServer.current.getReceivedMessages().length > count);
        java.util.List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage message : SmtpServer.current.getReceivedMessages()) {
            if (Arrays.stream(message.getAllRecipients()).map(Object::toString).toList().equals(java.util.List.of(address))
                    && message.getSubject().startsWith(subject)) {
                found.add(message);
            }
        }
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static byte[] attachment(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                assertThat(part.getContentType()).startsWith("application/pdf");
                try (InputStream in = part.getInputStream()) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no attachment");
    }
}
