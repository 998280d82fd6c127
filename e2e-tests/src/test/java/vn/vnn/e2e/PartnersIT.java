package vn.vnn.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vnn.localstack.LocalStack;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A partner agency through the gateway with its real client-credentials token (areas and purposes granted on its
 * Keycloak client): it verifies a recognised household's status, learns nothing of an unknown citizen, may not ask
 * for a purpose it was not granted, and its look-ups are in the log that auditors and admins read.
 */
@ExtendWith(SharedStack.class)
class PartnersIT {

    @Test
    void aPartnerVerifiesARecognisedHouseholdAndTheLookUpIsLogged() {
        LocalStack stack = SharedStack.stack();
        String gateway = stack.gatewayUrl();
        String citizen = "0010780" + (10000 + new java.util.Random().nextInt(89999)); // a man born in 1978
        String householdId = given().auth().oauth2(Tokens.password(stack.realmUrl(), "commune.officer"))
                .contentType(ContentType.JSON)
                .body(Map.of("communeCode", "99111", "villageCode", "99111-01", "members", List.of(Map.ofEntries(
                        Map.entry("fullName", "Sùng A Páo"), Map.entry("birthDate", "1978-03-02"),
                        Map.entry("sex", "MALE"), Map.entry("relationship", "HEAD"), Map.entry("citizenId", citizen),
                        Map.entry("healthInsurance", false), Map.entry("schoolStatus", "FINISHED"),
                        Map.entry("educationLevel", "PRIMARY"), Map.entry("diploma", "PRIMARY"),
                        Map.entry("disability", false), Map.entry("workingCapacity", "FULL"),
                        Map.entry("employment", "UNSTABLE")))))
                .post(gateway + "/api/v1/households").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.password(stack.realmUrl(), "commune.chairman")).contentType(ContentType.JSON)
                .body(Map.of("status", "POOR", "reviewYear", 2025, "recognizedOn", "2025-12-15",
                        "decisionNo", "131/QĐ-UBND"))
                .post(gateway + "/api/v1/households/" + householdId + "/status-recognitions").then().statusCode(201);

        String partner = Tokens.clientCredentials(stack.realmUrl(), "partner-demo", "partner-demo-secret");
        Map<String, Object> answer = given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("citizenId", citizen, "purpose", "SOCIAL_POLICY_LOAN"))
                .post(gateway + "/api/v1/verifications").then().statusCode(200).extract().path("");
        assertThat(answer).containsEntry("matched", true).containsEntry("status", "POOR")
                .containsEntry("decisionNo", "131/QĐ-UBND").containsEntry("areaCode", "99111")
                .doesNotContainKeys("members", "headName", "citizenId");
        given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("citizenId", "001099999998", "purpose", "HEALTH_INSURANCE"))
                .post(gateway + "/api/v1/verifications").then().statusCode(200)
                .body("status", equalTo("NOT_FOUND"));
        given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("citizenId", citizen, "purpose", "MARKETING"))
                .post(gateway + "/api/v1/verifications").then().statusCode(403);

        // a household recognised in a province the partner was not granted is not found either, as an unknown one
        String admin = Tokens.password(stack.realmUrl(), "admin");
        given().auth().oauth2(admin).contentType("text/csv; charset=UTF-8")
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body("code,name,level,parentCode,type,validFrom,validTo,successorCodes\n"
                        + "98,Tỉnh Thử (e2e),PROVINCE,,RURAL,2025-07-01,,\n"
                        + "98001,Xã Thử (e2e),COMMUNE,98,RURAL,2025-07-01,,\n")
                .post(gateway + "/api/v1/areas/import").then().statusCode(200);
        String elsewhere = "0010781" + (10000 + new java.util.Random().nextInt(89999));
        Map<String, Object> foreign = new java.util.HashMap<>(household("Sùng A Xa", null));
        foreign.put("communeCode", "98001");
        foreign.remove("villageCode");
        foreign.put("members", List.of(Map.ofEntries(Map.entry("fullName", "Sùng A Xa"),
                Map.entry("birthDate", "1978-07-02"), Map.entry("sex", "MALE"), Map.entry("relationship", "HEAD"),
                Map.entry("citizenId", elsewhere), Map.entry("healthInsurance", false),
                Map.entry("schoolStatus", "FINISHED"), Map.entry("educationLevel", "PRIMARY"),
                Map.entry("diploma", "PRIMARY"), Map.entry("disability", false), Map.entry("workingCapacity", "FULL"),
                Map.entry("employment", "UNSTABLE"))));
        String foreignId = given().auth().oauth2(admin).contentType(ContentType.JSON).body(foreign)
                .post(gateway + "/api/v1/households").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("status", "POOR", "reviewYear", 2025, "recognizedOn", "2025-12-15",
                        "decisionNo", "9/QĐ-UBND"))
                .post(gateway + "/api/v1/households/" + foreignId + "/status-recognitions").then().statusCode(201);
        given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("citizenId", elsewhere, "purpose", "SOCIAL_POLICY_LOAN"))
                .post(gateway + "/api/v1/verifications").then().statusCode(200)
                .body("matched", equalTo(false)).body("status", equalTo("NOT_FOUND"));

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        String log = given().auth().oauth2(Tokens.password(stack.realmUrl(), "admin"))
                .get(gateway + "/api/v1/verifications/log?client=service-account-partner-demo&from="
                        + today.minusDays(1) + "&to=" + today + "&size=100")
                .then().statusCode(200).extract().asString();
        assertThat(log).contains("SOCIAL_POLICY_LOAN", "HEALTH_INSURANCE", "NOT_FOUND").doesNotContain(citizen);
    }

    /**
     * A subscription to area 99 receives the signed delivery of a new recognition within seconds, and a replay
     * re-delivers it; the pull feed tells the same event.
     */
    @Test
    void aSubscriptionReceivesTheSignedRecognitionAndAReplay() throws Exception {
        LocalStack stack = SharedStack.stack();
        String gateway = stack.gatewayUrl();
        List<Map<String, String>> received = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var h = exchange.getRequestHeaders();
            received.add(Map.of("id", h.getFirst("webhook-id"), "timestamp", h.getFirst("webhook-timestamp"),
                    "signature", h.getFirst("webhook-signature"), "type", h.getFirst("ce-type"),
                    "body", new String(body, java.nio.charset.StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String partner = Tokens.clientCredentials(stack.realmUrl(), "partner-demo", "partner-demo-secret");
            java.time.OffsetDateTime since = java.time.OffsetDateTime.now().minusSeconds(1);
            Map<String, Object> created = given().auth().oauth2(partner).contentType(ContentType.JSON)
                    .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                            "eventTypes", List.of("household.status-recognized.v1"), "areaCodes", List.of("99")))
                    .post(gateway + "/api/v1/subscriptions").then().statusCode(201).extract().path("");
            @SuppressWarnings("unchecked")
            String subscription = (String) ((Map<String, Object>) created.get("subscription")).get("id");
            String secret = (String) created.get("secret");

            String householdId = given().auth().oauth2(Tokens.password(stack.realmUrl(), "commune.officer"))
                    .contentType(ContentType.JSON).body(household("Giàng Thị Mỷ", null))
                    .post(gateway + "/api/v1/households").then().statusCode(201).extract().path("id");
            given().auth().oauth2(Tokens.password(stack.realmUrl(), "commune.chairman")).contentType(ContentType.JSON)
                    .body(Map.of("status", "NEAR_POOR", "reviewYear", 2025, "recognizedOn", "2025-12-16",
                            "decisionNo", "140/QĐ-UBND"))
                    .post(gateway + "/api/v1/households/" + householdId + "/status-recognitions").then()
                    .statusCode(201);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                    .until(() -> received.stream().anyMatch(r -> r.get("body").contains(householdId)));
            Map<String, String> delivery = received.stream().filter(r -> r.get("body").contains(householdId))
                    .findFirst().orElseThrow();
            assertThat(delivery.get("type")).isEqualTo("household.status-recognized.v1");
            assertThat(delivery.get("signature")).isEqualTo(sign(secret, delivery));
            assertThat(delivery.get("body")).contains("NEAR_POOR", "99111").doesNotContain("Giàng");

            received.clear();
            given().auth().oauth2(partner).contentType(ContentType.JSON)
                    .body(Map.of("from", since.toString(), "to", java.time.OffsetDateTime.now().plusSeconds(1).toString()))
                    .post(gateway + "/api/v1/subscriptions/" + subscription + "/replays").then().statusCode(202);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                    .until(() -> received.stream().anyMatch(r -> r.get("id").equals(delivery.get("id"))));
            given().auth().oauth2(partner).get(gateway + "/api/v1/subscriptions/" + subscription + "/deliveries")
                    .then().statusCode(200).body("findAll { it.state == 'DELIVERED' }.size()",
                            org.hamcrest.Matchers.greaterThanOrEqualTo(2));
            List<String> fed = given().auth().oauth2(partner)
                    .get(gateway + "/api/v1/feeds/household.status-recognized.v1?limit=500").then().statusCode(200)
                    .extract().path("items.householdId");
            assertThat(fed).contains(householdId);
            given().auth().oauth2(partner).delete(gateway + "/api/v1/subscriptions/" + subscription).then()
                    .statusCode(200);
        } finally {
            receiver.stop(0);
        }
    }

    /** A field app syncs, changes a household with its ETag, and an offline change against the old one gets 412. */
    @Test
    void aDeltaSyncRoundTripWithETags() {
        LocalStack stack = SharedStack.stack();
        String gateway = stack.gatewayUrl();
        String officer = Tokens.password(stack.realmUrl(), "commune.officer");
        String since = java.time.OffsetDateTime.now().minusSeconds(1).toString();
        String id = given().auth().oauth2(officer).contentType(ContentType.JSON).body(household("Lầu Thị Sync", null))
                .post(gateway + "/api/v1/households").then().statusCode(201).extract().path("id");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> given()
                .auth().oauth2(officer).queryParam("updatedSince", since).get(gateway + "/api/v1/households")
                .then().statusCode(200).extract().<List<String>>path("items.id").contains(id));
        String etag = given().auth().oauth2(officer).get(gateway + "/api/v1/households/" + id).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(officer).header("If-None-Match", etag).get(gateway + "/api/v1/households/" + id)
                .then().statusCode(304);
        Map<String, Object> change = new java.util.HashMap<>(household("x", null));
        change.remove("members");
        change.put("address", "Bản Sync");
        given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", etag).body(change)
                .put(gateway + "/api/v1/households/" + id).then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.not(etag));
        change.put("address", "Bản Offline");
        given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", etag).body(change)
                .put(gateway + "/api/v1/households/" + id).then().statusCode(412)
                .body("current.address", equalTo("Bản Sync"));
    }

    /** A partner's DCI system registers its key and finds a recognised household by citizen ID, signed both ways. */
    @Test
    void aDciSyncSearchByCitizenIdReturnsTheGroup() throws Exception {
        LocalStack stack = SharedStack.stack();
        String gateway = stack.gatewayUrl();
        String citizen = "0011800" + (10000 + new java.util.Random().nextInt(89999)); // a woman born in 1980
        String householdId = given().auth().oauth2(Tokens.password(stack.realmUrl(), "commune.officer"))
                .contentType(ContentType.JSON).body(household("Thào Thị Dua", citizen))
                .post(gateway + "/api/v1/households").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.password(stack.realmUrl(), "commune.chairman")).contentType(ContentType.JSON)
                .body(Map.of("status", "POOR", "reviewYear", 2025, "recognizedOn", "2025-12-17",
                        "decisionNo", "150/QĐ-UBND"))
                .post(gateway + "/api/v1/households/" + householdId + "/status-recognitions").then().statusCode(201);

        String partner = Tokens.clientCredentials(stack.realmUrl(), "partner-demo", "partner-demo-secret");
        java.security.KeyPair keys = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String sender = "e2e-spmis-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("jwks", Map.of("keys", List.of(DciEnvelopes.jwk(keys, "k1")))))
                .put(gateway + "/api/v1/dci/senders/" + sender).then().statusCode(200);
        Map<String, Object> answer = given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(DciEnvelopes.signed("search", sender, DciEnvelopes.searchById("VN-CCCD", citizen,
                        "SOCIAL_POLICY_LOAN"), keys, "k1"))
                .post(gateway + "/api/v1/dci/registry/sync/search").then().statusCode(200).extract().path("");
        assertThat((String) answer.get("signature")).contains("vnn-social-registry|");
        String text = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(answer);
        com.fasterxml.jackson.databind.JsonNode record = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(text).path("message").path("search_response").get(0).path("data").path("reg_records").get(0);
        assertThat(record.path("identifier").get(0).path("identifier_value").asText()).isEqualTo(householdId);
        assertThat(record.path("poverty_status").asText()).isEqualTo("POOR");
        assertThat(record.path("decision").path("number").asText()).isEqualTo("150/QĐ-UBND");
        assertThat(text).doesNotContain(citizen).doesNotContain("Thào Thị Dua");
        // unsigned: refused; the registry's keys: public
        given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("header", Map.of("message_id", "1", "message_ts", "2026-12-01T00:00:00Z",
                        "action", "search", "sender_id", sender, "total_count", 1),
                        "message", DciEnvelopes.searchById("VN-CCCD", citizen, "SOCIAL_POLICY_LOAN")))
                .post(gateway + "/api/v1/dci/registry/sync/search").then().statusCode(400);
        given().get(gateway + "/api/v1/public/dci/jwks.json").then().statusCode(200)
                .body("keys[0].crv", equalTo("Ed25519"));
    }

    private static Map<String, Object> household(String head, String citizenId) {
        Map<String, Object> member = new java.util.HashMap<>(Map.ofEntries(
                Map.entry("fullName", head), Map.entry("birthDate", "1980-05-06"),
                Map.entry("sex", "FEMALE"), Map.entry("relationship", "HEAD"),
                Map.entry("healthInsurance", true), Map.entry("schoolStatus", "FINISHED"),
                Map.entry("educationLevel", "PRIMARY"), Map.entry("diploma", "PRIMARY"),
                Map.entry("disability", false), Map.entry("workingCapacity", "FULL"),
                Map.entry("employment", "UNSTABLE")));
        if (citizenId != null) {
            member.put("citizenId", citizenId);
        }
        return new java.util.HashMap<>(Map.of("communeCode", "99111", "villageCode", "99111-01",
                "members", List.of(member)));
    }

    /** The receiver's check, as the Standard Webhooks libraries do it. */
    private static String sign(String secret, Map<String, String> delivery) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(secret.substring(6)),
                "HmacSHA256"));
        byte[] signed = mac.doFinal((delivery.get("id") + "." + delivery.get("timestamp") + "." + delivery.get("body"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "v1," + java.util.Base64.getEncoder().encodeToString(signed);
    }
}
