package vn.vnn.fund;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** JSON bodies are bounded whatever their framing: declared too long, streamed too long, too deep, too long a field. */
@QuarkusTest
class BodyLimitsTest {

    @io.quarkus.test.common.http.TestHTTPResource("/api/v1/donations")
    java.net.URI donations;

    /** Java's client streams a body of unknown length chunked, with no Content-Length. */
    private java.net.http.HttpResponse<String> chunked(String json) throws Exception {
        String token = vn.vnn.localstack.testing.TestTokens.of("fund.officer", java.util.List.of("fund-officer"),
                java.util.List.of("VN"));
        return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(java.net.http.HttpRequest.newBuilder(donations)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void jsonBodiesAreBounded() throws Exception {
        String big = "{\"note\":\"" + "a".repeat(1_500_000) + "\"}";
        given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(big).post("/api/v1/donations").then().statusCode(413)
                .contentType("application/problem+json").body("type", equalTo("/problems/payload-too-large"));
        String huge = "{\"note\":\"" + "a".repeat(5_000_000) + "\"}";
        given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(huge).post("/api/v1/donations").then().statusCode(413)
                .contentType("application/problem+json");
        // Without a declared length (chunked), the same limit holds while the body streams in.
        assertThat(chunked(huge).statusCode()).isEqualTo(413);
        // Within the limit, a chunked body is read as any other.
        assertThat(chunked("{\"kind\":\"CASH\"}").statusCode()).isEqualTo(422);
        given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"unknown\":" + "[".repeat(100) + "]".repeat(100) + "}").post("/api/v1/donations").then()
                .statusCode(413)
                .contentType("application/problem+json");
        given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"donor\":{\"name\":\"" + "Đ".repeat(1_001) + "\",\"type\":\"INDIVIDUAL\"},\"kind\":\"CASH\","
                        + "\"amountVnd\":1000,\"receivedOn\":\"2025-10-01\",\"fundAreaCode\":\"99\"}")
                .post("/api/v1/donations").then().statusCode(422).body("errors[0].field", equalTo("donor.name"));
        given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"donor\":{\"name\":\"Bà\\u0000A\",\"type\":\"INDIVIDUAL\"},\"kind\":\"CASH\","
                        + "\"amountVnd\":1000,\"receivedOn\":\"2025-10-01\",\"fundAreaCode\":\"99\"}")
                .post("/api/v1/donations").then().statusCode(422).body("errors[0].field", equalTo("donor.name"));
        given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"donor\":{\"name\":\"Bà A\",\"type\":\"INDIVIDUAL\"},\"kind\":\"CASH\","
                        + "\"amountVnd\":9223372036854775808,\"receivedOn\":\"2025-10-01\",\"fundAreaCode\":\"99\"}")
                .post("/api/v1/donations").then().statusCode(422);
        given().contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"donor\":{\"name\":\"Bà A\",\"type\":\"INDIVIDUAL\"},\"kind\":\"CASH\","
                        + "\"amountVnd\":1000,\"receivedOn\":\"2025-02-30\",\"fundAreaCode\":\"99\"}")
                .post("/api/v1/donations").then().statusCode(422).body("errors[0].field", equalTo("receivedOn"));
        given().header("Accept-Language", "en;q=2, *;q=abc").get("/api/v1/funds").then().statusCode(200);
        given().header("Accept", "invalid").get("/api/v1/funds").then().statusCode(200);
    }
}
