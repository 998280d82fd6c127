package vn.vnn.publicweb;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * The pages on their own, with the services out of reach (their real use through the gateway is DonorsPagesIT in
 * headless Chromium): a page that needs a service says, in Vietnamese, that it is briefly unavailable; the pages that
 * need none still work; nothing runs script.
 */
@QuarkusTest
class DonorPagesTest {

    @Test
    void aServiceOutOfReachIsAPoliteVietnamesePageNotAnError() {
        given().get("/donors").then().statusCode(503).header("Retry-After", equalTo("10"))
                .contentType(containsString("text/html")).body(containsString("Dịch vụ tạm thời gián đoạn"))
                .body(containsString("<html lang=\"vi\">"));
        given().get("/donors/funds/Q99/search?bankReference=FT1&day=2026-11-30").then().statusCode(503);
    }

    @Test
    void theReceiptFormAndTheStyleSheetNeedNoService() {
        given().get("/donors/receipt").then().statusCode(200).body(containsString("Mã xác minh"))
                .body(not(containsString("<script")));
        given().get("/donors/site.css").then().statusCode(200).body(containsString(".bar"));
    }

    @Test
    void oddInputIsNeverAServerError() {
        given().contentType("application/x-www-form-urlencoded").formParam("text", "x")
                .post("/donors/honours/announcements/not-an-id/comments").then().statusCode(404);
        given().get("/donors/receipt?no=%00&code=").then().statusCode(200);
        given().contentType("application/x-www-form-urlencoded").formParam("amountVnd", "abc")
                .post("/donors/funds/Q99/give").then().statusCode(503);
    }
}
