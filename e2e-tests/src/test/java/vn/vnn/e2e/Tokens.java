package vn.vnn.e2e;

import static io.restassured.RestAssured.given;

/** Real tokens from the stack's Keycloak: demo users through the demo-only password client, partners by secret. */
final class Tokens {

    private Tokens() {
    }

    /** Demo users' passwords equal their usernames (see README). */
    static String password(String realmUrl, String username) {
        return given().formParam("grant_type", "password").formParam("client_id", "vnn-cli")
                .formParam("username", username).formParam("password", username)
                .post(realmUrl + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    static String clientCredentials(String realmUrl, String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post(realmUrl + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
