package vn.vnn.kit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.vnn.localstack.testing.InfrastructureTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The edge of every service: what text, dates and headers get in, in which form, and what is refused how. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "kit"))
class InputEdgeTest {

    private static final String DECOMPOSED = "Nguye\u0302\u0303n Thi\u0323 Hoa\u0300";

    @Test
    void queryAndPathParametersAreCheckedAndNormalised() {
        given().queryParam("text", DECOMPOSED).get("/test/things/echo/abc").then().statusCode(200)
                .body("text", equalTo("Nguyễn Thị Hoà")).body("segment", equalTo("abc"));
        given().urlEncodingEnabled(false).get("/test/things/echo/abc?text=a%00b").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("text"));
        given().urlEncodingEnabled(false).get("/test/things/echo/abc?text=%E2%80%AEevil").then().statusCode(422)
                .body("errors[0].field", equalTo("text"));
        given().urlEncodingEnabled(false).get("/test/things/echo/a%00b").then().statusCode(422)
                .body("errors[0].field", equalTo("segment"));
        given().urlEncodingEnabled(false).get("/test/things/echo/x%ED%A0%80").then().statusCode(422)
                .body("errors[0].field", equalTo("segment"));
        given().get("/test/things/echo/x?on=2025-02-30").then().statusCode(422)
                .body("errors[0].field", equalTo("on"));
        given().get("/test/things/echo/x?on=0000-01-01").then().statusCode(422);
        given().get("/test/things/echo/x?on=2024-02-29").then().statusCode(200).body("on", equalTo("2024-02-29"));
    }

    @Test
    void numbersIdsAndNamesInParametersAreCheckedByParameter() {
        given().get("/test/things/numbers/7?year=2025&amount=-9223372036854775808&colour=RED&owner="
                        + "01a2326e-f23a-7371-b873-c4f0fc4779ec").then().statusCode(200)
                .body("n", equalTo(7)).body("page", equalTo(0)).body("year", equalTo(2025))
                .body("count", equalTo(0)).body("colour", equalTo("RED"))
                .body("owner", equalTo("01a2326e-f23a-7371-b873-c4f0fc4779ec"));
        given().get("/test/things/numbers/7?page=&year=&count=").then().statusCode(200)
                .body("page", equalTo(0)).body("count", equalTo(0)).body("year", org.hamcrest.Matchers.nullValue());
        String[][] refused = {{"page", "abc"}, {"page", "1.5"}, {"page", "2147483648"}, {"year", "1e3"},
                {"amount", "9223372036854775808"}, {"count", "-9223372036854775809"}, {"colour", "red"},
                {"colour", "BLUE"}, {"owner", "not-a-uuid"}};
        for (String[] parameter : refused) {
            given().queryParam(parameter[0], parameter[1]).get("/test/things/numbers/7").then()
                    .statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(parameter[0]));
        }
        given().get("/test/things/numbers/abc").then().statusCode(422).body("errors[0].field", equalTo("n"));
    }

    @Test
    void bodyTextIsCheckedByFieldAndNormalised() {
        given().contentType("application/json").body("{\"line\":\"" + DECOMPOSED + "\",\"note\":\"một\\nhai\"}")
                .post("/test/things/echo").then().statusCode(200).body("line", equalTo("Nguyễn Thị Hoà"))
                .body("note", equalTo("một\nhai"));
        given().contentType("application/json").body("{\"line\":\"một\\nhai\"}")
                .post("/test/things/echo").then().statusCode(422).body("errors[0].field", equalTo("line"));
        given().contentType("application/json").body("{\"note\":\"a\\u0000b\"}")
                .post("/test/things/echo").then().statusCode(422).body("errors[0].field", equalTo("note"));
        given().contentType("application/json").body("{\"line\":\"a\\ud800\"}")
                .post("/test/things/echo").then().statusCode(422).body("errors[0].field", equalTo("line"));
        given().contentType("application/json").body("{\"on\":\"9999-12-31\"}")
                .post("/test/things/echo").then().statusCode(422).body("errors[0].field", equalTo("on"));
        given().contentType("application/json").body(new byte[] {'{', '"', 'l', 'i', 'n', 'e', '"', ':', '"',
                (byte) 0xC3, (byte) 0x28, '"', '}'}).post("/test/things/echo").then().statusCode(400);
    }

    @Test
    void headersOfAnyShapeNeverFailTheRequest() {
        given().header("Accept-Language", "vi;q=abc, en;q=2").contentType("application/json")
                .body("{\"line\":\"a\\u0000\"}").post("/test/things/echo").then().statusCode(422)
                .body("title", equalTo("The request is not valid"));
        given().header("Accept-Language", "vi-VN,vi;q=0.9").contentType("application/json")
                .body("{\"line\":\"a\\u0000\"}").post("/test/things/echo").then().statusCode(422)
                .body("title", equalTo("Dữ liệu không hợp lệ"));
        given().header("Accept", "invalid").get("/test/things/echo/x").then().statusCode(200);
        given().header("Content-Type", "application/json;;;").body("{}").post("/test/things/echo").then()
                .statusCode(415).contentType("application/problem+json");
    }
}
