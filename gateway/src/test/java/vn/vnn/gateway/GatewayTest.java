package vn.vnn.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(UpstreamServer.class)
class GatewayTest {

    private static volatile boolean flakyIsUp;

    @Test
    void routesAnApiCallWithItsTokenAndRequestId() {
        given().auth().oauth2(token()).header("X-Request-Id", "gw-test-1")
                .get("/api/v1/donations/abc?size=5")
                .then().statusCode(200)
                .header("X-Request-Id", "gw-test-1")
                .body("path", equalTo("/api/v1/donations/abc"))
                .body("query", equalTo("size=5"))
                .body("requestId", equalTo("gw-test-1"))
                .body("authorization", equalTo(true));
        given().auth().oauth2(token()).get("/api/v1/households")
                .then().statusCode(200).body("path", equalTo("/api/v1/households"))
                .body("requestId", notNullValue());
    }

    @Test
    void noTokenIs401ProblemAtTheEdge() {
        given().get("/api/v1/donations").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("/problems/unauthorized"))
                .body("traceId", notNullValue());
        given().auth().oauth2("not-a-token").get("/api/v1/donations").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aTokenMintedForAnotherClientOfTheRealmIs401() {
        // Signed by the realm, valid, but for the account console: it lacks the suite's audience.
        String foreign = Jwt.preferredUserName("fund.officer").groups(Set.of("fund-officer")).claim("azp", "account")
                .issuer("https://server.example.com").audience("account").sign();
        given().auth().oauth2(foreign).get("/api/v1/donations").then().statusCode(401)
                .contentType("application/problem+json");
        String none = Jwt.preferredUserName("fund.officer").groups(Set.of("fund-officer"))
                .issuer("https://server.example.com").sign();
        given().auth().oauth2(none).get("/api/v1/donations").then().statusCode(401);
    }

    @Test
    void aRememberedTokenStopsWorkingWhenItExpires() {
        String shortLived = Jwt.preferredUserName("fund.officer").groups(Set.of("fund-officer"))
                .issuer("https://server.example.com").audience("vnn-api")
                .expiresIn(Duration.ofSeconds(3)).sign();
        given().auth().oauth2(shortLived).get("/api/v1/donations").then().statusCode(200);
        given().auth().oauth2(shortLived).get("/api/v1/donations").then().statusCode(200); // remembered
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().auth().oauth2(shortLived).get("/api/v1/donations").then().statusCode(401));
    }

    @Test
    void publicRoutesPassWithoutAToken() {
        given().get("/api/v1/public/funds/Q99/statement").then().statusCode(200)
                .body("path", equalTo("/api/v1/public/funds/Q99/statement"));
        given().get("/api/v1/publicity").then().statusCode(401); // a prefix is a whole path segment
    }

    @Test
    void theDonorsPagesPassWithoutATokenWithAPolicyForPages() {
        given().get("/donors/funds/Q99").then().statusCode(200)
                .body("path", equalTo("/donors/funds/Q99")).body("authorization", equalTo(false))
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("style-src 'self'"))
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("form-action 'self'"))
                // a form posted back must carry its origin (with no-referrer a browser sends "Origin: null")
                .header("Referrer-Policy", equalTo("same-origin"))
                .header("RateLimit-Limit", org.hamcrest.Matchers.notNullValue());
        given().contentType("application/x-www-form-urlencoded").formParam("amountVnd", "1000")
                .post("/donors/funds/Q99/give").then().statusCode(200).body("method", equalTo("POST"));
        given().get("/donors").then().statusCode(200).body("path", equalTo("/donors"));
        // the API keeps its own policy, and a path that only starts like the site is no page
        given().get("/api/v1/public/funds/Q99/statement").then()
                .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"))
                .header("Referrer-Policy", equalTo("no-referrer"));
        given().get("/donorsx").then().statusCode(404);
    }

    @Test
    void unknownApiPathIs404Problem() {
        given().auth().oauth2(token()).get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void serviceOpenApiDocumentsArePublicForTheSwaggerUi() {
        given().get("/openapi/fund").then().statusCode(200).body("info.title", equalTo("upstream"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void readinessReflectsEveryUpstream() {
        // The flaky route's service is down until a test brings it up; until then the gateway is not ready.
        boolean up = flakyIsUp;
        given().get("/q/health/ready").then().statusCode(up ? 200 : 503).body("status", equalTo(up ? "UP" : "DOWN"))
                .body("checks[0].data.fund", equalTo("UP")).body("checks[0].data.flaky", equalTo(up ? "UP" : "DOWN"));
    }

    @Test
    void traceContextIsKeptOrStartedAndPassedOn() {
        String incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        given().auth().oauth2(token()).header("traceparent", incoming).get("/api/v1/donations")
                .then().statusCode(200).body("traceparent", equalTo(incoming));
        given().auth().oauth2(token()).header("traceparent", "garbage").get("/api/v1/donations")
                .then().statusCode(200).body("traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"))
                .body("forwardedFor", equalTo("127.0.0.1"));
    }

    @Test
    void corsAnswersOnlyTheListedOrigins() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/donations").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000");
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/donations").then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        given().get("/api/v1/donations").then().statusCode(401)
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        given().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("connect-src 'self' http"));
    }

    @Test
    void aSlowServiceIs504ProblemWithinTheRouteTimeout() {
        // The service would answer after 2 s; the route gives up after 500 ms, so the answer is 504, not 200.
        given().auth().oauth2(token()).get("/api/v1/slow/report").then().statusCode(504)
                .contentType("application/problem+json").body("type", equalTo("/problems/gateway-timeout"))
                .body("detail", containsString("within 500 ms"));
    }

    @Test
    void aServiceThatIsDownIs503AndItsCircuitOpensThenClosesWhenItIsBack() throws Exception {
        for (int i = 0; i < 3; i++) { // unreachable: retried, then 503 — three failures open the circuit
            given().auth().oauth2(token()).get("/api/v1/flaky/x").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", notNullValue())
                    .body("detail", containsString("cannot be reached"));
        }
        given().auth().oauth2(token()).get("/api/v1/flaky/x").then().statusCode(503)
                .body("detail", containsString("refused for a while"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("gateway_requests_seconds_count{method=\"GET\",route=\"flaky\",status=\"503\"}"));

        UpstreamServer.startFlaky();
        flakyIsUp = true;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(token())
                .get("/api/v1/flaky/x").then().statusCode(200).body("back", equalTo(true)));
    }

    @Test
    void bodiesOverTheRouteLimitAre413() {
        given().auth().oauth2(token()).contentType("application/json").body("x".repeat(500))
                .post("/api/v1/donations").then().statusCode(200).body("bodyLength", equalTo(500));
        given().auth().oauth2(token()).contentType("application/json").body("x".repeat(2_000))
                .post("/api/v1/donations").then().statusCode(413).contentType("application/problem+json");
        // Without a declared length (chunked), the limit is enforced as the body streams through.
        given().auth().oauth2(token()).contentType("application/json")
                .body(new java.io.ByteArrayInputStream("y".repeat(5_000).getBytes()))
                .post("/api/v1/donations").then().statusCode(413);
    }

    @Test
    void aRouteWithALargerLimitTakesLargeBodiesThroughTheFrontDoor() {
        // A partner's ordinary 20 MB CSV: the route allows 30 MB, the gateway's HTTP server must not stop it first.
        byte[] csv = new byte[20 << 20];
        java.util.Arrays.fill(csv, (byte) 'a');
        given().auth().oauth2(token()).contentType("text/csv").body(csv)
                .post("/api/v1/household-imports").then().statusCode(200).body("bodyLength", equalTo(20 << 20));
    }

    @Test
    void slowPublicReadsOpenTheirOwnCircuitNotTheOfficers() {
        // The honours board's public route times out (slow upstream) until its circuit opens...
        for (int i = 0; i < 3; i++) {
            given().get("/api/v1/public/honours/slow").then().statusCode(504);
        }
        given().get("/api/v1/public/honours").then().statusCode(503).header("Retry-After", notNullValue());
        // ...while the same service's officers' route is untouched.
        given().auth().oauth2(token()).get("/api/v1/achievements").then().statusCode(200);
        String index = given().get("/openapi").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(index).doesNotContain("emulation-public");
    }

    @Test
    void pastTheRouteLimitCallsAre429WithRetryAfter() {
        String token = Jwt.preferredUserName("partner").subject("limited-client").claim("azp", "partner-x")
                .groups(Set.of("partner")).issuer("https://server.example.com")
                .audience("vnn-api").sign();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/v1/achievements").then().statusCode(200)
                    .header("RateLimit-Remaining", String.valueOf(2 - i));
        }
        given().auth().oauth2(token).get("/api/v1/achievements").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue());
        given().auth().oauth2(token()).get("/api/v1/achievements").then().statusCode(200); // another caller
    }

    @Test
    void theOpenApiDocumentsOfferAKeycloakLoginAndAreListed() {
        given().get("/openapi").then().statusCode(200).body("documents.name", hasItems("household", "fund",
                "emulation"));
        given().get("/openapi/fund").then().statusCode(200)
                .body("servers[0].url", equalTo("/"))
                .body("components.securitySchemes.keycloak.type", equalTo("oauth2"))
                .body("components.securitySchemes.keycloak.flows.authorizationCode.authorizationUrl",
                        endsWith("/protocol/openid-connect/auth"));
    }

    private static String token() {
        return Jwt.preferredUserName("fund.officer").groups(Set.of("fund-officer"))
                .issuer("https://server.example.com").audience("vnn-api")
                .sign();
    }
}
