package vn.vnn.fund;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.Claim;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.vnn.fund.funds.FundService;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receipt PDF reads back in Vietnamese, with its font embedded; it is signed (PAdES), carries a QR code to its
 * public verification, and that verification shows only what a receipt holder may know.
 */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(LedgerBalanced.class)
class ReceiptTest {

    @Inject
    FundService funds;

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void theReceiptSaysTheAmountInWordsWithEveryDiacritic() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> FundServiceTest.openFund(funds, "01"));
        String id = given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("donor", Map.of("name", "Hợp tác xã Nông nghiệp Đồng Tiến", "type", "ORGANISATION",
                                "organisationKind", "COLLECTIVE"), "kind", "IN_KIND", "amountVnd", 150_000_000,
                        "receivedOn", "2025-10-17", "fundAreaCode", "01", "note", "Ủng hộ Tháng cao điểm",
                        "items", List.of(Map.of("name", "Xi măng", "quantity", 3000, "unit", "bao",
                                "valueVnd", 150_000_000))))
                .post("/api/v1/donations").then().statusCode(201).extract().path("id");
        byte[] pdf = given().get("/api/v1/donations/" + id + "/receipt.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains("BIÊN LAI THU", "Hợp tác xã Nông nghiệp Đồng Tiến", "150.000.000 đồng",
                "Một trăm năm mươi triệu đồng", "Xi măng", "Ủng hộ Tháng cao điểm");
        PdfDictionary fonts = reader.getPageN(1).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.FONT);
        boolean embedded = fonts.getKeys().stream().map(key -> fonts.getAsDict((PdfName) key))
                .map(font -> font.getAsArray(PdfName.DESCENDANTFONTS).getAsDict(0)
                        .getAsDict(PdfName.FONTDESCRIPTOR))
                .allMatch(descriptor -> descriptor.get(PdfName.FONTFILE2) != null);
        assertThat(embedded).isTrue();
    }

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void aSignedReceiptVerifiesAndItsQrLeadsToAPublicCheck() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> FundServiceTest.openFund(funds, "01"));
        Map<String, Object> donation = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("donor", Map.of("name", "Phạm Thị Hương", "type", "INDIVIDUAL",
                                "phone", "0912345678"), "kind", "CASH", "amountVnd", 2_500_000,
                        "receivedOn", "2025-10-18", "fundAreaCode", "01", "bankReference", "FT" + System.nanoTime()))
                .post("/api/v1/donations").then().statusCode(201).extract().path("");
        String id = (String) donation.get("id");
        String receiptNo = (String) donation.get("receiptNo");
        String code = (String) donation.get("verificationCode");
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{10}");
        byte[] pdf = given().get("/api/v1/donations/" + id + "/receipt.pdf").then().statusCode(200)
                .extract().asByteArray();

        // PAdES: a detached CAdES signature over the whole file but the signature itself, by the signer's key
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            List<org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature> signatures =
                    document.getSignatureDictionaries();
            assertThat(signatures).hasSize(1);
            var signature = signatures.get(0);
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            int[] range = signature.getByteRange();
            assertThat(range[0]).isZero();
            assertThat((long) range[2] + range[3]).isEqualTo(pdf.length);
            var cms = new org.bouncycastle.cms.CMSSignedData(new org.bouncycastle.cms.CMSProcessableByteArray(
                    signature.getSignedContent(pdf)), signature.getContents(pdf));
            var signer = cms.getSignerInfos().getSigners().iterator().next();
            var holder = (org.bouncycastle.cert.X509CertificateHolder) cms.getCertificates()
                    .getMatches(signer.getSID()).iterator().next();
            assertThat(signer.verify(new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder()
                    .build(holder))).isTrue();
            assertThat(signer.getSignedAttributes().get(
                    org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
            assertThat(signer.getSignedAttributes().get(org.bouncycastle.asn1.cms.CMSAttributes.signingTime))
                    .isNull();
            // a changed byte in the signed part breaks it
            byte[] forged = pdf.clone();
            forged[range[1] / 2] ^= 1;
            var broken = new org.bouncycastle.cms.CMSSignedData(new org.bouncycastle.cms.CMSProcessableByteArray(
                    signature.getSignedContent(forged)), signature.getContents(forged));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> broken.getSignerInfos().getSigners().iterator()
                    .next().verify(new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder().build(holder)))
                    .isInstanceOf(org.bouncycastle.cms.CMSSignerDigestMismatchException.class);
            // the QR code on the page is the verification link with the receipt's code
            java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(document)
                    .renderImageWithDPI(0, 200);
            String link = BankAccountTest.scanAny(page);
            assertThat(link).endsWith("/donors/receipt?no=" + receiptNo + "&code=" + code);
        }
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertThat(text).contains("Mã xác minh: " + code);
        assertThat(new PdfTextExtractor(new PdfReader(given().get("/api/v1/donations/" + id + "/receipt.pdf?copy=true")
                .then().statusCode(200).extract().asByteArray())).getTextFromPage(1)).contains("BẢN SAO", receiptNo);

        // anyone verifies it with the code; nothing but the receipt's own facts comes back
        Map<String, Object> shown = given().get("/api/v1/public/receipts/" + receiptNo + "/verification?code="
                + code.toLowerCase()).then().statusCode(200).extract().path("");
        assertThat(shown).containsOnlyKeys("receiptNo", "fundCode", "fundName", "receivedOn", "amountVnd", "kind",
                "status", "donorName").containsEntry("status", "VALID").containsEntry("donorName", "Phạm Thị Hương")
                .containsEntry("amountVnd", 2_500_000);
        given().get("/api/v1/public/receipts/" + receiptNo.replace('/', '-') + "/verification?code=" + code)
                .then().statusCode(200);
        String wrong = (code.charAt(0) == 'A' ? "B" : "A") + code.substring(1);
        String wrongCode = given().get("/api/v1/public/receipts/" + receiptNo + "/verification?code=" + wrong)
                .then().statusCode(404).extract().path("detail");
        String unknown = given().get("/api/v1/public/receipts/Q01/1999/000001/verification?code=" + code)
                .then().statusCode(404).extract().path("detail");
        assertThat(wrongCode.replace(receiptNo, "")).isEqualTo(unknown.replace("Q01/1999/000001", ""));
        given().get("/api/v1/public/receipts/" + receiptNo + "/verification").then().statusCode(404);

        // a cancelled gift says so
        given().contentType(ContentType.JSON).body(Map.of("version", donation.get("version"),
                "reason", "Ngân hàng hoàn trả")).post("/api/v1/donations/" + id + "/cancellation").then()
                .statusCode(200);
        given().get("/api/v1/public/receipts/" + receiptNo + "/verification?code=" + code).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("CANCELLED"));
    }
}
