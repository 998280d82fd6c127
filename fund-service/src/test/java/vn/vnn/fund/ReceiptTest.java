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

/** The receipt PDF reads back in Vietnamese, with its font embedded. */
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
}
