package vn.vnn.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vnn.localstack.LocalStack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** The gateway in front of the real services: the token check, request ids in their logs, limits, a service down. */
@ExtendWith(SharedStack.class)
class GatewayEdgeIT {

    private static LocalStack stack;
    private static String gateway;

    @BeforeAll
    static void stack() {
        stack = SharedStack.stack();
        gateway = stack.gatewayUrl();
    }

    @Test
    void withoutATokenTheGatewayAnswers401BeforeTheServiceSeesTheCall() throws Exception {
        String refused = "e2e-refused-" + UUID.randomUUID();
        given().header("X-Request-Id", refused).get(gateway + "/api/v1/funds").then().statusCode(401)
                .contentType("application/problem+json").header("X-Request-Id", refused)
                .body("traceId", equalTo(refused));

        String passed = "e2e-passed-" + UUID.randomUUID();
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        given().auth().oauth2(Tokens.password(stack.realmUrl(), "fund.officer")).header("X-Request-Id", passed)
                .header("traceparent", traceparent).get(gateway + "/api/v1/funds").then().statusCode(200)
                .header("X-Request-Id", passed);

        // The service's own log line for the call carries the request id and the caller's trace (one traceparent:
        // with tracing on, the gateway's span is its parent); the refused call never reached it.
        Path fundLog = stack.serviceLogs().get("fund-service");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(fundLog).contains(passed));
        List<String> lines = Files.readAllLines(fundLog).stream().filter(line -> line.contains(passed)).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("GET", "/api/v1/funds", "200",
                "traceparent:00-0af7651916cd43dd8448eb211c80319c-").doesNotContain("traceparent:["));
        assertThat(Files.readString(fundLog)).doesNotContain(refused);
        Path gatewayLog = stack.serviceLogs().get("gateway");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(gatewayLog).contains(passed));
        assertThat(Files.readAllLines(gatewayLog).stream().filter(line -> line.contains(passed)))
                .allSatisfy(line -> assertThat(line).contains("0af7651916cd43dd8448eb211c80319c"));
    }

    @Test
    void aPartnersTwentyMegabyteCsvComesInThroughTheFrontDoor() {
        String partner = Tokens.clientCredentials(stack.realmUrl(), "partner-demo", "partner-demo-secret");
        String template = given().auth().oauth2(partner).get(gateway + "/api/v1/household-imports/template.csv")
                .then().statusCode(200).extract().asString();
        // The template's household, then blank lines (skipped by the reader) up to an ordinary partner's 20 MB.
        byte[] head = template.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] file = new byte[20 << 20];
        java.util.Arrays.fill(file, (byte) '\n');
        System.arraycopy(head, 0, file, 0, head.length);
        String location = given().auth().oauth2(partner).contentType("text/csv; charset=UTF-8")
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(file)
                .post(gateway + "/api/v1/household-imports").then().statusCode(202).extract().header("Location");
        String job = location.substring(location.indexOf("/api/v1/household-imports/"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(partner)
                .get(gateway + job).then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("rowsTotal", equalTo(2)));
    }

    @Test
    void hostileInputThroughTheGatewayIsAProblemNeverA500() {
        String officer = Tokens.password(stack.realmUrl(), "fund.officer");
        given().auth().oauth2(officer).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"donor\":{\"name\":\"Bà\\u0000Lạ\",\"type\":\"INDIVIDUAL\"},\"kind\":\"CASH\","
                        + "\"amountVnd\":1000,\"receivedOn\":\"2026-10-01\",\"fundAreaCode\":\"99\"}")
                .post(gateway + "/api/v1/donations").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("donor.name"));
        given().auth().oauth2(officer).header("Accept-Language", "vi;q=abc, en;q=2").get(gateway + "/api/v1/funds")
                .then().statusCode(200);
        given().get(gateway + "/api/v1/public/funds/Q99/statement?from=0000-01-01&to=2026-01-01").then()
                .statusCode(422).body("errors[0].field", equalTo("from"));
        given().get(gateway + "/api/v1/public/funds/Q99/statement?from=2026-01-01&to=2026-12-31&size=1000").then()
                .statusCode(422);
    }

    @Test
    void pastTheLimitAnonymousCallsAre429WithRetryAfter() {
        Response last = null;
        for (int i = 0; i < 500; i++) {
            last = given().get(gateway + "/api/v1/public/honours");
            if (last.statusCode() != 200) {
                break;
            }
        }
        last.then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).header("RateLimit-Remaining", "0");
        // Another caller is counted apart.
        given().auth().oauth2(Tokens.password(stack.realmUrl(), "emulation.officer"))
                .get(gateway + "/api/v1/public/honours").then().statusCode(200);
    }

    @Test
    void aStoppedServiceIs503AtOnceAndServesAgainWhenItIsBack() throws Exception {
        String officer = Tokens.password(stack.realmUrl(), "emulation.officer");
        String fundOfficer = Tokens.password(stack.realmUrl(), "fund.officer");
        stack.stopService("emulation-service");
        try {
            // 503, not the 504 of a call that waited out the route's 30 s timeout: a service that is down is not
            // waited for.
            given().auth().oauth2(officer).get(gateway + "/api/v1/emulation/movements").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", notNullValue())
                    .body("type", equalTo("/problems/service-unavailable"));
            given().auth().oauth2(fundOfficer).get(gateway + "/api/v1/funds").then().statusCode(200);
            // the gateway stays ready: only the stopped service's routes answer 503, and the details say which
            given().get(gateway + "/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'upstream services' }.data.emulation", equalTo("DOWN"))
                    .body("checks.find { it.name == 'upstream services' }.data.degraded",
                            org.hamcrest.Matchers.containsString("emulation"));
        } finally {
            stack.restartService("emulation-service");
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(officer)
                .get(gateway + "/api/v1/emulation/movements").then().statusCode(200));
        given().get(gateway + "/q/health/ready").then().statusCode(200);
    }

    @Test
    void responsesCarrySecurityHeadersAndTheMetricsCountEachRoute() {
        given().auth().oauth2(Tokens.password(stack.realmUrl(), "fund.officer")).get(gateway + "/api/v1/donations")
                .then().statusCode(200).header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        String metrics = given().get(gateway + "/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("gateway_requests_seconds_count{method=\"GET\",route=\"fund\",status=\"200\"}");
    }
}
