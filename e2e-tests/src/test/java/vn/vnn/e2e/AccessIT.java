package vn.vnn.e2e;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vnn.localstack.LocalStack;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The access model with real Keycloak tokens through the gateway: a second role widens nothing, an area-bound fund
 * officer sees donors through their own fund only, a rename never rewrites issued receipts or the public statement,
 * and tokens of the realm's other clients are refused.
 */
@ExtendWith(SharedStack.class)
class AccessIT {

    private static LocalStack stack;
    private static String gateway;

    @BeforeAll
    static void startStack() {
        stack = SharedStack.stack();
        gateway = stack.gatewayUrl();
    }

    @Test
    void aCommuneOfficerWhoSitsOnTheCouncilReachesOnlyTheirOwnCommunesHouseholds() {
        String admin = Tokens.password(stack.realmUrl(), "admin");
        String councillor = Tokens.password(stack.realmUrl(), "commune.councillor");
        String own = register(Tokens.password(stack.realmUrl(), "commune.officer"), "99111", "Lương Văn Mười");
        String other = register(admin, "99211", "Lương Thị Chín");
        given().auth().oauth2(councillor).get(gateway + "/api/v1/households/" + own).then().statusCode(200);
        given().auth().oauth2(councillor).get(gateway + "/api/v1/households/" + other).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(councillor).get(gateway + "/api/v1/households?size=100").then().statusCode(200)
                .body("items.id", not(hasItem(other)));
        // The council role still works where it belongs.
        given().auth().oauth2(councillor).get(gateway + "/api/v1/emulation/movements").then().statusCode(200);
    }

    @Test
    void anAreaBoundFundOfficerSeesNoDonorOfAnotherAreasFundAndARenameRewritesNoIssuedReceipt() throws Exception {
        String provinceOfficer = Tokens.password(stack.realmUrl(), "fund.officer");
        String communeOfficer = Tokens.password(stack.realmUrl(), "fund.officer.99111");
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String provinceDonor = donate(provinceOfficer, "Công ty Cổ phần Cơ khí Minh Hoạ " + suffix, "99", today)
                .get("donorId");
        given().auth().oauth2(communeOfficer).get(gateway + "/api/v1/donors/" + provinceDonor).then()
                .statusCode(404);
        given().auth().oauth2(communeOfficer).get(gateway + "/api/v1/donors?size=100").then().statusCode(200)
                .body("items.id", not(hasItem(provinceDonor)));
        given().auth().oauth2(provinceOfficer).get(gateway + "/api/v1/donors/" + provinceDonor).then()
                .statusCode(200);

        String name = "Hợp tác xã Dịch vụ An Hoà " + suffix;
        Map<String, String> donation = donate(communeOfficer, name, "99111", today);
        String receiptBefore = receipt(communeOfficer, donation.get("id"));
        String statementPath = gateway + "/api/v1/public/funds/Q99111/statement?from=" + today + "&to=" + today;
        given().get(statementPath).then().statusCode(200).body("receipts.donorName", hasItem(name));
        assertThat(receiptBefore).contains(name);

        given().auth().oauth2(communeOfficer).contentType(ContentType.JSON)
                .body(Map.of("name", "HTX Dịch vụ Nông nghiệp An Hoà " + suffix, "organisationKind", "COLLECTIVE",
                        "version", 0))
                .put(gateway + "/api/v1/donors/" + donation.get("donorId")).then().statusCode(200)
                .body("name", equalTo("HTX Dịch vụ Nông nghiệp An Hoà " + suffix));

        assertThat(receipt(communeOfficer, donation.get("id"))).isEqualTo(receiptBefore);
        given().get(statementPath).then().statusCode(200).body("receipts.donorName", hasItem(name))
                .body("receipts.donorName", not(hasItem("HTX Dịch vụ Nông nghiệp An Hoà " + suffix)));
    }

    @Test
    void aTokenMintedForAnotherClientOfTheRealmIs401AtTheGatewayAndAtEachService() {
        // admin-cli is a client of every realm; its tokens do not carry the suite's audience.
        String foreign = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "fund.officer").formParam("password", "fund.officer")
                .post(stack.realmUrl() + "/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
        given().auth().oauth2(foreign).get(gateway + "/api/v1/donations").then().statusCode(401);
        given().auth().oauth2(foreign).get(stack.serviceUrl("fund-service") + "/api/v1/donations").then()
                .statusCode(401);
        given().auth().oauth2(foreign).get(stack.serviceUrl("household-service") + "/api/v1/statistics/poverty"
                + "?areaCode=99&year=2025").then().statusCode(401);
        given().auth().oauth2(Tokens.password(stack.realmUrl(), "fund.officer"))
                .get(gateway + "/api/v1/donations").then().statusCode(200);
    }

    @Test
    void anOfficerWhoIsNoDemoAccountNeedsAStrongPasswordAndAOneTimeCode() {
        String keycloak = stack.realmUrl().substring(0, stack.realmUrl().indexOf("/realms/"));
        String admin = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", stack.config().keycloakAdminPassword())
                .post(keycloak + "/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
        String username = "can.bo." + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> user = new java.util.HashMap<>(Map.of("username", username, "enabled", true,
                "email", username + "@example.vn", "emailVerified", true, "firstName", "Cán bộ",
                "lastName", "Thật", "attributes", Map.of("area_codes", List.of("99"))));
        user.put("credentials", List.of(Map.of("type", "password", "value", "123456", "temporary", false)));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(user)
                .post(keycloak + "/admin/realms/vnn/users").then().statusCode(400); // the password policy
        String password = "VnnQuy-2026!" + UUID.randomUUID().toString().substring(0, 6);
        user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        String location = given().auth().oauth2(admin).contentType(ContentType.JSON).body(user)
                .post(keycloak + "/admin/realms/vnn/users").then().statusCode(201).extract().header("Location");
        Map<String, Object> role = given().auth().oauth2(admin).get(keycloak + "/admin/realms/vnn/roles/fund-officer")
                .then().statusCode(200).extract().path("");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(role))
                .post(location + "/role-mappings/realm").then().statusCode(204);

        // The browser login of the Swagger UI's client: after the password, a one-time code must be set up.
        String afterPassword = browserLogin(username, password);
        assertThat(afterPassword).containsIgnoringCase("CONFIGURE_TOTP").doesNotContain("oauth2-redirect.html?");
        // A demo account signs in with the password alone.
        assertThat(browserLogin("fund.officer", "fund.officer")).contains("oauth2-redirect.html?", "code=");
    }

    /** Signs in on Keycloak's login page as a browser would; the page or redirect that follows the password. */
    private static String browserLogin(String username, String password) {
        String verifier = "v".repeat(43) + UUID.randomUUID().toString().replace("-", "");
        String challenge;
        try {
            challenge = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest
                    .getInstance("SHA-256").digest(verifier.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        var page = given().redirects().follow(false).queryParam("client_id", "vnn-web")
                .queryParam("redirect_uri", gateway + "/q/swagger-ui/oauth2-redirect.html")
                .queryParam("response_type", "code").queryParam("scope", "openid")
                .queryParam("code_challenge", challenge).queryParam("code_challenge_method", "S256")
                .get(stack.realmUrl() + "/protocol/openid-connect/auth").then().statusCode(200).extract();
        java.util.regex.Matcher action = java.util.regex.Pattern.compile("action=\"([^\"]+)\"").matcher(page.asString());
        assertThat(action.find()).as("the login form").isTrue();
        var answer = given().redirects().follow(false).cookies(page.cookies())
                .formParam("username", username).formParam("password", password)
                .post(action.group(1).replace("&amp;", "&")).then().extract();
        return answer.statusCode() == 302 ? answer.header("Location") : answer.asString();
    }

    private static String register(String token, String commune, String head) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("communeCode", commune, "members", List.of(Map.ofEntries(
                        Map.entry("fullName", head), Map.entry("birthDate", "1975-05-02"), Map.entry("sex", "MALE"),
                        Map.entry("relationship", "HEAD"), Map.entry("healthInsurance", true),
                        Map.entry("schoolStatus", "FINISHED"), Map.entry("educationLevel", "PRIMARY"),
                        Map.entry("diploma", "PRIMARY"), Map.entry("disability", false),
                        Map.entry("workingCapacity", "FULL"), Map.entry("employment", "UNSTABLE")))))
                .post(gateway + "/api/v1/households").then().statusCode(201).extract().path("id");
    }

    private static Map<String, String> donate(String token, String organisation, String area, String on) {
        var response = given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("donor", Map.of("name", organisation, "type", "ORGANISATION",
                        "organisationKind", "COLLECTIVE"), "kind", "CASH", "amountVnd", 2_000_000, "receivedOn", on,
                        "fundAreaCode", area))
                .post(gateway + "/api/v1/donations").then().statusCode(201).extract();
        return Map.of("id", response.path("id"), "donorId", response.path("donorId"));
    }

    private static String receipt(String token, String donation) throws Exception {
        byte[] pdf = given().auth().oauth2(token).get(gateway + "/api/v1/donations/" + donation + "/receipt.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        return new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
    }
}
