package vn.vnn.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(UpstreamServer.class)
class GatewayTest {

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
    void publicRoutesPassWithoutAToken() {
        given().get("/api/v1/public/funds/Q99/statement").then().statusCode(200)
                .body("path", equalTo("/api/v1/public/funds/Q99/statement"));
        given().get("/api/v1/publicity").then().statusCode(401); // a prefix is a whole path segment
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
    void readinessChecksTheUpstreams() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static String token() {
        return Jwt.preferredUserName("fund.officer").groups(Set.of("fund-officer"))
                .issuer("https://server.example.com").audience("https://service.example.com")
                .sign();
    }
}
