package vn.vnn.fund;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.vnn.fund.banking.VietQr;
import vn.vnn.fund.funds.Fund;
import vn.vnn.fund.funds.FundService;
import vn.vnn.kit.time.VietnamClock;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A fund's bank accounts with their VietQR codes, and donors' intents whose transfer message carries a reference. */
@QuarkusTest
class BankAccountTest {

    private static final String AREA = "B" + Integer.toString((int) (Math.random() * 1_000_000_000), 36)
            .toUpperCase();

    @Inject
    FundService funds;
    @Inject
    VietnamClock clock;

    private String fundId() {
        QuarkusTransaction.requiringNew().run(() -> FundServiceTest.openFund(funds, AREA));
        return QuarkusTransaction.requiringNew().call(() -> Fund.openForArea(AREA).orElseThrow().id.toString());
    }

    private String account(String fundId, String number) {
        return given().contentType(ContentType.JSON).body(Map.of("bankBin", "970436", "accountNumber", number,
                        "accountName", "QUỸ VÌ NGƯỜI NGHÈO " + AREA))
                .post("/api/v1/funds/" + fundId + "/bank-accounts").then().statusCode(201).extract().path("id");
    }

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void anOfficerAddsAnAccountWhoseStaticQrAnyoneReads() throws Exception {
        String fundId = fundId();
        String number = Long.toString(System.nanoTime() % 1_000_000_000_000L);
        String id = account(fundId, number);
        given().contentType(ContentType.JSON).body(Map.of("bankBin", "970436", "accountNumber", number,
                        "accountName", "again"))
                .post("/api/v1/funds/" + fundId + "/bank-accounts").then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("bankBin", "97043", "accountNumber", "1",
                        "accountName", "x"))
                .post("/api/v1/funds/" + fundId + "/bank-accounts").then().statusCode(422)
                .body("errors[0].field", equalTo("bankBin"));
        given().get("/api/v1/funds/" + fundId + "/bank-accounts").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.accountNumber", equalTo(number));

        Map<String, Object> shown = given().get("/api/v1/public/funds/Q" + AREA + "/bank-accounts").then()
                .statusCode(200).extract().path("find { it.id == '" + id + "' }");
        assertThat(VietQr.decode((String) shown.get("qrPayload")))
                .isEqualTo(new VietQr.Transfer("970436", number, null, null));
        byte[] png = given().get((String) shown.get("qrPng")).then().statusCode(200).contentType("image/png")
                .extract().asByteArray();
        assertThat(scan(png)).isEqualTo(shown.get("qrPayload"));
        given().get("/api/v1/public/funds/Q" + AREA + "/bank-accounts/" + UUID.randomUUID() + "/qr.png").then()
                .statusCode(404);
        given().get("/api/v1/public/funds/NO-SUCH-FUND/bank-accounts").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"OTHER-AREA\"]", type = ClaimType.JSON_ARRAY))
    void anOfficerOfAnotherAreaNeitherAddsNorReads() {
        String fundId = fundId();
        given().contentType(ContentType.JSON).body(Map.of("bankBin", "970436", "accountNumber", "123",
                        "accountName", "x"))
                .post("/api/v1/funds/" + fundId + "/bank-accounts").then().statusCode(404);
        given().get("/api/v1/funds/" + fundId + "/bank-accounts").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void aDonorsIntentCarriesItsReferenceIntoTheTransferMessage() throws Exception {
        String fundId = fundId();
        String accountId = account(fundId, Long.toString(System.nanoTime() % 1_000_000_000_000L));
        String campaign = given().contentType(ContentType.JSON).body(Map.of("fundAreaCode", AREA,
                        "name", "Tháng cao điểm " + AREA, "startsOn", clock.today().minusDays(1).toString(),
                        "endsOn", clock.today().plusDays(30).toString(), "targetVnd", 100_000_000))
                .post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        String fund = "/api/v1/public/funds/Q" + AREA;

        Map<String, Object> intent = given().contentType(ContentType.JSON).body(Map.of("bankAccountId", accountId,
                        "campaignId", campaign, "amountVnd", 500_000))
                .post(fund + "/donation-intents").then().statusCode(201).extract().path("");
        String reference = (String) intent.get("referenceCode");
        assertThat(reference).matches("[0-9A-HJKMNP-TV-Z]{6}");
        assertThat((String) intent.get("transferMessage")).endsWith(reference).hasSizeLessThanOrEqualTo(25);
        VietQr.Transfer transfer = VietQr.decode((String) intent.get("qrPayload"));
        assertThat(transfer.amountVnd()).isEqualTo(500_000L);
        assertThat(transfer.message()).isEqualTo(intent.get("transferMessage"));
        given().get(fund + "/donation-intents/" + reference.toLowerCase()).then().statusCode(200)
                .body("referenceCode", equalTo(reference)).body("campaignId", equalTo(campaign));
        byte[] png = given().get((String) intent.get("qrPng")).then().statusCode(200).extract().asByteArray();
        assertThat(scan(png)).isEqualTo(intent.get("qrPayload"));

        // Without a body: the fund's first account, no amount (the payer types it), still the reference.
        Map<String, Object> open = given().contentType(ContentType.JSON).post(fund + "/donation-intents").then()
                .statusCode(201).extract().path("");
        VietQr.Transfer any = VietQr.decode((String) open.get("qrPayload"));
        assertThat(any.amountVnd()).isNull();
        assertThat(any.message()).endsWith((String) open.get("referenceCode"));

        given().contentType(ContentType.JSON).body(Map.of("campaignId", UUID.randomUUID().toString()))
                .post(fund + "/donation-intents").then().statusCode(422).body("errors[0].field", equalTo("campaignId"));
        given().contentType(ContentType.JSON).body(Map.of("amountVnd", 0))
                .post(fund + "/donation-intents").then().statusCode(422).body("errors[0].field", equalTo("amountVnd"));
        given().contentType(ContentType.JSON).body(Map.of("bankAccountId", UUID.randomUUID().toString()))
                .post(fund + "/donation-intents").then().statusCode(422)
                .body("errors[0].field", equalTo("bankAccountId"));
        given().get(fund + "/donation-intents/ZZZZZZ").then().statusCode(404);
        given().get(fund + "/donation-intents/not-a-code").then().statusCode(404);
        given().contentType(ContentType.JSON).post("/api/v1/public/funds/NO-SUCH-FUND/donation-intents").then()
                .statusCode(404);
    }

    /** The payload a phone's camera would read from the image. */
    private static String scan(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        // The image as drawn, not photographed: read as a pure barcode (modules on a grid, quiet zone around).
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                        new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }

    /** A QR code somewhere on a rendered page (a receipt), found as a camera would. */
    static String scanAny(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                        new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

}
