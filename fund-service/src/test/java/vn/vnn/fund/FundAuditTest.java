package vn.vnn.fund;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.vnn.fund.funds.FundService;
import vn.vnn.localstack.testing.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The fund's audit trail: changes with masked before and after, reads of donors' contact data, for a purpose. */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(LedgerBalanced.class)
class FundAuditTest {

    @Inject
    FundService funds;

    @Test
    void whoReadAndWhoChangedADonorsContactDataIsOnRecordMasked() {
        String area = "U" + Integer.toString((int) (Math.random() * 1_000_000_000), 36).toUpperCase();
        QuarkusTransaction.requiringNew().run(() -> FundServiceTest.openFund(funds, area));
        String officer = TestTokens.of("officer." + area, List.of("fund-officer"), List.of(area));
        String approver = TestTokens.of("approver." + area, List.of("fund-approver"), List.of(area));
        String donor = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("donor", Map.of("name", "Bà Đặng Thị Mai", "type", "INDIVIDUAL", "phone", "0912345678",
                                "citizenId", "001190123456"), "kind", "CASH", "amountVnd", 1_000_000,
                        "receivedOn", "2025-10-20", "fundAreaCode", area))
                .post("/api/v1/donations").then().statusCode(201).extract().path("donorId");
        given().auth().oauth2(officer).get("/api/v1/donors/" + donor).then().statusCode(200)
                .body("phone", equalTo("0912345678")).body("citizenId", equalTo("001190123456"));
        given().auth().oauth2(approver).get("/api/v1/donors/" + donor).then().statusCode(200)
                .body("phone", equalTo("09******78")).body("citizenId", equalTo("001*******56"));
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("name", "Bà Đặng Thị Mai", "phone", "0988777666", "citizenId", "001190123456",
                        "version", 0))
                .put("/api/v1/donors/" + donor).then().statusCode(200);

        String auditor = TestTokens.of("kiem.toan", List.of("auditor"), List.of());
        String trail = given().auth().oauth2(auditor)
                .queryParam("purpose", "Kiểm toán Quỹ năm 2025 theo kế hoạch số 3")
                .get("/api/v1/fund/audit?entity=DONOR&size=100&entityId=" + donor).then().statusCode(200)
                .body("items.action", hasItem("CREATED")).body("items.action", hasItem("UPDATED"))
                .body("items.find { it.action == 'PERSONAL_DATA_READ' }.actor", equalTo("officer." + area))
                .body("items.actor", not(hasItem("approver." + area)))
                .body("items.find { it.action == 'UPDATED' }.before.phone", equalTo("09******78"))
                .body("items.find { it.action == 'UPDATED' }.after.phone", equalTo("09******66"))
                .body("items.find { it.action == 'UPDATED' }.client", equalTo("vnn-web"))
                .extract().asString();
        assertThat(trail).doesNotContain("0912345678").doesNotContain("0988777666").doesNotContain("001190123456");
    }
}
