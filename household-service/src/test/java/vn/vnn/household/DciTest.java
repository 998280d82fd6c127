package vn.vnn.household;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.vnn.household.areas.AreaService;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The DCI Social Registry API (issue 18, docs/dci-profile.md) as a partner's SPMIS uses it: it registers its
 * Ed25519 keys, signs its envelopes, searches by citizen ID and by predicate (sync and async with the on-search
 * callback), asks a transaction's status, subscribes and is notified of a recognition, unsubscribes. Every request,
 * answer and callback is validated against the standard's OpenAPI document; the registry's signatures are checked
 * with its published JWKS by this test's own verifier.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DciTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper SORTED = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final String SENDER = "nhcsxh-spmis-" + UUID.randomUUID().toString().substring(0, 6);
    private static final List<Map.Entry<String, String>> CALLBACKS = Collections.synchronizedList(new ArrayList<>());
    private static HttpServer receiver;
    private static KeyPair keys;
    private static String citizen;
    private static String household;
    private static String subscriptionCode;

    @Inject
    AreaService areas;

    @BeforeAll
    static void start() throws Exception {
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/dci", exchange -> {
            CALLBACKS.add(Map.entry(exchange.getRequestURI().getPath(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] ack = "{\"message\":{\"ack_status\":\"ACK\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ack.length);
            exchange.getResponseBody().write(ack);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    @BeforeEach
    void demoProvince() throws Exception {
        HouseholdServiceTest.loadDemoAreas(areas);
    }

    @Test
    @Order(1)
    @TestSecurity(user = "admin", roles = "admin")
    void aRecognisedHousehold() {
        citizen = HouseholdServiceTest.citizenId(1979, "FEMALE");
        household = given().contentType(ContentType.JSON)
                .body(HouseholdServiceTest.household("99111", "Hờ Thị Dê", citizen)).post("/api/v1/households")
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("status", "POOR", "reviewYear", 2025,
                        "recognizedOn", "2025-12-15", "decisionNo", "201/QĐ-UBND"))
                .post("/api/v1/households/" + household + "/status-recognitions").then().statusCode(201);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "service-account-partner-dci", roles = "partner")
    @OidcSecurity(claims = {@Claim(key = "area_codes", value = "[\"99\"]", type = ClaimType.JSON_ARRAY),
            @Claim(key = "purposes", value = "[\"SOCIAL_POLICY_LOAN\"]", type = ClaimType.JSON_ARRAY)})
    void thePartnerRegistersItsKeysAndSearchesByCitizenIdAndByPredicate() throws Exception {
        given().contentType(ContentType.JSON).body(Map.of("callbackUri", callbackBase(),
                        "jwks", Map.of("keys", List.of(Map.of("kty", "OKP", "crv", "Ed25519", "kid", "k1",
                                "x", raw(keys.getPublic()), "d", "secret")))))
                .put("/api/v1/dci/senders/" + SENDER).then().statusCode(422);
        given().contentType(ContentType.JSON).body(Map.of("callbackUri", callbackBase(),
                        "jwks", Map.of("keys", List.of(Map.of("kty", "OKP", "crv", "Ed25519", "kid", "k1",
                                "x", raw(keys.getPublic()))))))
                .put("/api/v1/dci/senders/" + SENDER).then().statusCode(200).body("senderId", equalTo(SENDER));

        // by citizen ID: the household as a group, nothing personal
        ObjectNode byId = envelope("search", searchMessage("idtype-value",
                JSON.createObjectNode().put("type", "VN-CCCD").put("value", citizen), "SOCIAL_POLICY_LOAN"));
        JsonNode answer = post("/registry/sync/search", byId, 200);
        verifyRegistrySignature(answer);
        assertThat(answer.path("header").path("action").asText()).isEqualTo("on-search");
        JsonNode item = answer.path("message").path("search_response").get(0);
        assertThat(item.path("status").asText()).isEqualTo("succ");
        JsonNode record = item.path("data").path("reg_records").get(0);
        assertThat(record.path("identifier").get(0).path("identifier_value").asText()).isEqualTo(household);
        assertThat(record.path("poverty_status").asText()).isEqualTo("POOR");
        assertThat(record.path("poverty_standard").asText()).isEqualTo("VN-MPS-2022");
        assertThat(record.path("review_year").asInt()).isEqualTo(2025);
        assertThat(record.path("valid_until").asText()).isEqualTo("2026-12-31");
        assertThat(record.path("decision").path("number").asText()).isEqualTo("201/QĐ-UBND");
        assertThat(answer.toString()).doesNotContain(citizen).doesNotContain("Hờ Thị Dê");

        // an unknown citizen: no record; a purpose not granted: refused
        JsonNode unknown = post("/registry/sync/search", envelope("search", searchMessage("idtype-value",
                JSON.createObjectNode().put("type", "VN-CCCD").put("value", "001099999997"), "SOCIAL_POLICY_LOAN")),
                200);
        assertThat(unknown.path("message").path("search_response").get(0).path("data").path("reg_records").size())
                .isZero();
        JsonNode refused = post("/registry/sync/search", envelope("search", searchMessage("idtype-value",
                JSON.createObjectNode().put("type", "VN-CCCD").put("value", citizen), "MARKETING")), 200);
        assertThat(refused.path("message").path("search_response").get(0).path("status").asText()).isEqualTo("rjct");
        assertThat(refused.path("message").path("search_response").get(0).path("status_reason_code").asText())
                .isEqualTo("rjct.search_criteria.invalid");

        // by predicate: the poor households of commune 99111 recognised for 2025 or later
        ArrayNode predicate = JSON.createArrayNode();
        predicate.addObject().put("seq_num", 1).set("expression1", JSON.createObjectNode()
                .put("attribute_name", "area_code").put("operator", "eq").put("attribute_value", "99111"));
        ObjectNode second = predicate.addObject().put("seq_num", 2);
        second.set("expression1", JSON.createObjectNode().put("attribute_name", "poverty_status")
                .put("operator", "eq").put("attribute_value", "POOR"));
        second.put("condition", "and");
        second.set("expression2", JSON.createObjectNode().put("attribute_name", "review_year")
                .put("operator", "ge").put("attribute_value", "2025"));
        ObjectNode byPredicate = searchMessage("predicate", predicate, "SOCIAL_POLICY_LOAN");
        ((ObjectNode) byPredicate.path("search_request").get(0).path("search_criteria")).putObject("pagination")
                .put("page_size", 500).put("page_number", 1);
        JsonNode list = post("/registry/sync/search", envelope("search", byPredicate), 200);
        JsonNode listed = list.path("message").path("search_response").get(0);
        assertThat(listed.path("pagination").path("total_count").asInt()).isPositive();
        List<String> ids = new ArrayList<>();
        listed.path("data").path("reg_records").forEach(r -> {
            ids.add(r.path("identifier").get(0).path("identifier_value").asText());
            assertThat(r.path("area_code").asText()).isEqualTo("99111");
            assertThat(r.path("poverty_status").asText()).isEqualTo("POOR");
        });
        assertThat(ids).contains(household);

        // a transaction's status, by its reference ids (a string attribute_value — a transaction or correlation id —
        // matches two branches of the standard's oneOf, so no request of that kind can validate; the registry
        // takes it all the same, see docs/dci-profile.md)
        ObjectNode status = JSON.createObjectNode().put("transaction_id", "st-" + UUID.randomUUID());
        status.putObject("txnstatus_request").put("reference_id", "s-1").put("txn_type", "search")
                .put("attribute_type", "reference_id_list").putArray("attribute_value").add("r-1");
        JsonNode txn = post("/registry/sync/txn/status", envelope("txn-status", status), 200);
        verifyRegistrySignature(txn);
        assertThat(txn.path("header").path("status").asText()).isEqualTo("succ");
        assertThat(txn.path("message").path("txnstatus_response").path("txn_status").path("search_response").get(0)
                .path("data").path("reg_records").get(0).path("area_code").asText()).isEqualTo("99111");
        ObjectNode byTransaction = JSON.createObjectNode().put("transaction_id", "st-" + UUID.randomUUID());
        byTransaction.putObject("txnstatus_request").put("reference_id", "s-2").put("txn_type", "search")
                .put("attribute_type", "transaction_id")
                .put("attribute_value", byId.path("message").path("transaction_id").asText());
        JsonNode found = JSON.readTree(given().contentType(ContentType.JSON)
                .body(envelope("txn-status", byTransaction).toString()).post("/api/v1/dci/registry/sync/txn/status")
                .then().statusCode(200).extract().asString());
        assertThat(found.path("message").path("txnstatus_response").path("txn_status").path("search_response").get(0)
                .path("data").path("reg_records").get(0).path("poverty_status").asText()).isEqualTo("POOR");

    }

    @Test
    @Order(3)
    @TestSecurity(user = "service-account-partner-dci", roles = "partner")
    @OidcSecurity(claims = {@Claim(key = "area_codes", value = "[\"99\"]", type = ClaimType.JSON_ARRAY),
            @Claim(key = "purposes", value = "[\"SOCIAL_POLICY_LOAN\"]", type = ClaimType.JSON_ARRAY)})
    void unsignedForgedOrForeignEnvelopesAreRefused() throws Exception {
        ObjectNode good = envelope("search", searchMessage("idtype-value",
                JSON.createObjectNode().put("type", "VN-CCCD").put("value", citizen), "SOCIAL_POLICY_LOAN"));
        ObjectNode unsigned = good.deepCopy();
        unsigned.remove("signature");
        given().contentType(ContentType.JSON).body(unsigned.toString()).post("/api/v1/dci/registry/sync/search")
                .then().statusCode(400).body("detail", containsString("err.signature.missing"));
        ObjectNode forged = good.deepCopy();
        ((ObjectNode) forged.path("message").path("search_request").get(0).path("search_criteria").path("query"))
                .put("value", HouseholdServiceTest.citizenId(1980, "MALE"));
        given().contentType(ContentType.JSON).body(forged.toString()).post("/api/v1/dci/registry/sync/search")
                .then().statusCode(400).body("detail", containsString("err.signature.invalid"));
        ObjectNode otherKey = good.deepCopy();
        sign(otherKey, KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), "k1");
        given().contentType(ContentType.JSON).body(otherKey.toString()).post("/api/v1/dci/registry/sync/search")
                .then().statusCode(400);
        ObjectNode wrongAction = envelope("subscribe", (ObjectNode) good.path("message"));
        given().contentType(ContentType.JSON).body(wrongAction.toString()).post("/api/v1/dci/registry/sync/search")
                .then().statusCode(422).body("errors[0].field", equalTo("header.action"));
        ObjectNode stranger = good.deepCopy();
        ((ObjectNode) stranger.path("header")).put("sender_id", "not-registered");
        given().contentType(ContentType.JSON).body(stranger.toString()).post("/api/v1/dci/registry/sync/search")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body("[]").post("/api/v1/dci/registry/sync/search").then()
                .statusCode(422);
        // text PostgreSQL cannot store, even signed by the sender: 422 naming where it is, never a 500
        ObjectNode nul = envelope("search", searchMessage("idtype-value",
                JSON.createObjectNode().put("type", "VN-CCCD").put("value", citizen), "SOCIAL_POLICY_LOAN"));
        ((ObjectNode) nul.path("message")).put("transaction_id", "t\u0000x");
        sign(nul, keys, "k1");
        given().contentType(ContentType.JSON).body(nul.toString()).post("/api/v1/dci/registry/sync/search")
                .then().statusCode(422).body("errors[0].field", equalTo("message.transaction_id"));
        ((ObjectNode) nul.path("message")).remove("transaction_id");
        ((ObjectNode) nul.path("message")).put("t\u0000x", "key");
        given().contentType(ContentType.JSON).body(nul.toString()).post("/api/v1/dci/registry/search")
                .then().statusCode(422);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "service-account-partner-dci", roles = "partner")
    @OidcSecurity(claims = {@Claim(key = "area_codes", value = "[\"99\"]", type = ClaimType.JSON_ARRAY),
            @Claim(key = "purposes", value = "[\"SOCIAL_POLICY_LOAN\"]", type = ClaimType.JSON_ARRAY)})
    void anAsynchronousSearchAndASubscriptionAnswerByCallback() throws Exception {
        CALLBACKS.clear();
        ObjectNode search = envelope("search", searchMessage("idtype-value",
                JSON.createObjectNode().put("type", "VN-CCCD").put("value", citizen), "SOCIAL_POLICY_LOAN"));
        ((ObjectNode) search.path("header")).put("sender_uri", callbackBase() + "/registry/on-search");
        sign(search, keys, "k1");
        JsonNode ack = post("/registry/search", search, 200);
        assertThat(ack.path("message").path("ack_status").asText()).isEqualTo("ACK");
        String correlation = ack.path("message").path("correlation_id").asText();
        JsonNode onSearch = callback("/dci/registry/on-search");
        DciContract.request("/registry/on-search", onSearch.toString());
        verifyRegistrySignature(onSearch);
        assertThat(onSearch.path("message").path("correlation_id").asText()).isEqualTo(correlation);
        assertThat(onSearch.path("message").path("search_response").get(0).path("data").path("reg_records").get(0)
                .path("poverty_status").asText()).isEqualTo("POOR");

        ObjectNode subscribe = JSON.createObjectNode().put("transaction_id", "sub-" + UUID.randomUUID());
        ObjectNode request = subscribe.putArray("subscribe_request").addObject().put("reference_id", "sub-1")
                .put("timestamp", now());
        ObjectNode criteria = request.putObject("subscribe_criteria").put("version", "1.0.0")
                .put("reg_type", "ns:vn:RegistryType:SocialRegistry").put("reg_event_type", "REGISTER")
                .put("filter_type", "predicate").put("notify_record_type", "ns:vn:RegistryRecordType:Household");
        criteria.putArray("filter").addObject().put("seq_num", 1).set("expression1", JSON.createObjectNode()
                .put("attribute_name", "area_code").put("operator", "eq").put("attribute_value", "99111"));
        criteria.putObject("authorize").putObject("purpose").put("code", "SOCIAL_POLICY_LOAN");
        JsonNode subscribed = post("/registry/subscribe", envelope("subscribe", subscribe), 200);
        assertThat(subscribed.path("message").path("ack_status").asText()).isEqualTo("ACK");
        JsonNode onSubscribe = callback("/dci/registry/on-subscribe");
        DciContract.request("/registry/on-subscribe", onSubscribe.toString());
        verifyRegistrySignature(onSubscribe);
        JsonNode made = onSubscribe.path("message").path("subscribe_response").get(0);
        assertThat(made.path("status").asText()).isEqualTo("succ");
        subscriptionCode = made.path("subscriptions").get(0).path("code").asText();
        assertThat(subscriptionCode).startsWith("SUB-");
    }

    @Test
    @Order(5)
    @TestSecurity(user = "admin", roles = "admin")
    void aRecognitionIsNotifiedToTheSubscriber() throws Exception {
        String another = given().contentType(ContentType.JSON)
                .body(HouseholdServiceTest.household("99111", "Vàng Thị Báo", null)).post("/api/v1/households")
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("status", "NEAR_POOR", "reviewYear", 2025,
                        "recognizedOn", "2025-12-16", "decisionNo", "202/QĐ-UBND"))
                .post("/api/v1/households/" + another + "/status-recognitions").then().statusCode(201);
        JsonNode notify = callback("/dci/registry/notify");
        DciContract.request("/registry/notify", notify.toString());
        verifyRegistrySignature(notify);
        assertThat(notify.path("message").path("transaction_id").asText()).isEqualTo(subscriptionCode);
        JsonNode record = notify.path("message").path("notify_event").get(0).path("data").path("reg_records");
        assertThat(record.path("identifier").get(0).path("identifier_value").asText()).isEqualTo(another);
        assertThat(record.path("poverty_status").asText()).isEqualTo("NEAR_POOR");
        assertThat(notify.toString()).doesNotContain("Vàng Thị Báo");
    }

    @Test
    @Order(6)
    @TestSecurity(user = "service-account-partner-dci", roles = "partner")
    @OidcSecurity(claims = {@Claim(key = "area_codes", value = "[\"99\"]", type = ClaimType.JSON_ARRAY),
            @Claim(key = "purposes", value = "[\"SOCIAL_POLICY_LOAN\"]", type = ClaimType.JSON_ARRAY)})
    void thePartnerUnsubscribes() throws Exception {
        ObjectNode unsubscribe = JSON.createObjectNode().put("transaction_id", "unsub-" + UUID.randomUUID())
                .put("timestamp", now());
        unsubscribe.putArray("subscription_codes").add(subscriptionCode);
        unsubscribe.putArray("sunscription_codes").add(subscriptionCode); // the standard's schema requires this name
        JsonNode ack = post("/registry/unsubscribe", envelope("unsubscribe", unsubscribe), 200);
        assertThat(ack.path("message").path("ack_status").asText()).isEqualTo("ACK");
        JsonNode onUnsubscribe = callback("/dci/registry/on-unsubscribe");
        DciContract.request("/registry/on-unsubscribe", onUnsubscribe.toString());
        assertThat(onUnsubscribe.path("message").path("status").asText()).isEqualTo("succ");
        assertThat(onUnsubscribe.path("message").path("subscription_status").get(0).path("status").asText())
                .isEqualTo("unsubscribe");
        given().get("/api/v1/subscriptions").then().statusCode(200)
                .body("find { it.kind == 'DCI' }.active", equalTo(false));
    }

    @Test
    @Order(7)
    @TestSecurity(user = "auditor", roles = "auditor")
    void theLookUpsAreInTheAccessLogWithTheirSubjectsHashed() {
        String today = java.time.LocalDate.now(vn.vnn.kit.time.VietnamClock.ZONE).toString();
        Response log = given().get("/api/v1/verifications/log?client=service-account-partner-dci&from=" + today
                + "&to=" + today + "&size=100");
        log.then().statusCode(200);
        List<Map<String, Object>> lines = log.path("items");
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).containsEntry("channel", "DCI"));
        assertThat(lines).extracting(line -> line.get("subjectKind")).contains("CITIZEN_ID", "PREDICATE");
        assertThat(lines).filteredOn(line -> "PREDICATE".equals(line.get("subjectKind")))
                .allSatisfy(line -> assertThat(line).containsEntry("result", "LIST"));
        assertThat(log.asString()).doesNotContain(citizen);
    }

    // --- a partner's side of the protocol, written here independently of the registry's code ---

    private static JsonNode post(String path, ObjectNode envelope, int status) throws Exception {
        DciContract.request(path, envelope.toString());
        Response response = given().contentType(ContentType.JSON).body(envelope.toString())
                .post("/api/v1/dci" + path);
        response.then().statusCode(status);
        DciContract.response(path, status, response.asString());
        return JSON.readTree(response.asString());
    }

    private static JsonNode callback(String path) {
        await().atMost(Duration.ofSeconds(20)).until(() -> CALLBACKS.stream().anyMatch(c -> c.getKey().equals(path)));
        return CALLBACKS.stream().filter(c -> c.getKey().equals(path)).map(c -> {
            try {
                return JSON.readTree(c.getValue());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
    }

    private static String callbackBase() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/dci";
    }

    private static ObjectNode searchMessage(String queryType, JsonNode query, String purpose) {
        ObjectNode message = JSON.createObjectNode().put("transaction_id", "t-" + UUID.randomUUID());
        ObjectNode request = message.putArray("search_request").addObject().put("reference_id", "r-1")
                .put("timestamp", now());
        ObjectNode criteria = request.putObject("search_criteria").put("version", "1.0.0")
                .put("query_type", queryType);
        criteria.set("query", query);
        criteria.putObject("authorize").putObject("purpose").put("code", purpose);
        request.put("locale", "vie");
        return message;
    }

    private static ObjectNode envelope(String action, ObjectNode message) throws Exception {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.putObject("header").put("version", "1.0.0").put("message_id", UUID.randomUUID().toString())
                .put("message_ts", now()).put("action", action).put("sender_id", SENDER)
                .put("receiver_id", "vnn-social-registry").put("total_count", 1).put("is_msg_encrypted", false);
        envelope.set("message", message);
        sign(envelope, keys, "k1");
        return envelope;
    }

    /** Signs {header, message} as docs/dci-profile.md says: SHA-256 of the sorted-key JSON, Ed25519. */
    private static void sign(ObjectNode envelope, KeyPair pair, String kid) throws Exception {
        long created = OffsetDateTime.now(ZoneOffset.UTC).toEpochSecond();
        long expires = created + 600;
        Signature ed = Signature.getInstance("Ed25519");
        ed.initSign(pair.getPrivate());
        ed.update(signingText(envelope, created, expires).getBytes(StandardCharsets.UTF_8));
        envelope.put("signature", "Signature: namespace=\"dci\", kidId=\"" + SENDER + "|" + kid + "|ed25519\", "
                + "algorithm=\"ed25519\", created=\"" + created + "\", expires=\"" + expires + "\", "
                + "headers=\"(created) (expires) digest\", signature=\""
                + Base64.getEncoder().encodeToString(ed.sign()) + "\"");
    }

    private static String signingText(JsonNode envelope, long created, long expires) throws Exception {
        Map<String, Object> signed = new TreeMap<>();
        signed.put("header", JSON.convertValue(envelope.path("header"), Object.class));
        signed.put("message", envelope.has("message") ? JSON.convertValue(envelope.path("message"), Object.class)
                : null);
        byte[] canonical = SORTED.writeValueAsBytes(sortedDeep(signed));
        String digest = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(canonical));
        return "(created): " + created + "\n(expires): " + expires + "\ndigest: SHA-256=" + digest;
    }

    @SuppressWarnings("unchecked")
    private static Object sortedDeep(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put((String) k, sortedDeep(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DciTest::sortedDeep).toList();
        }
        return value;
    }

    /** Checks the registry's signature with the key its public JWKS names. */
    private static void verifyRegistrySignature(JsonNode envelope) throws Exception {
        Matcher m = Pattern.compile("kidId=\"([^|]+)\\|([^|]+)\\|ed25519\".*created=\"(\\d+)\".*expires=\"(\\d+)\".*"
                + "signature=\"([^\"]+)\"").matcher(envelope.path("signature").asText());
        assertThat(m.find()).as("signature " + envelope.path("signature")).isTrue();
        assertThat(m.group(1)).isEqualTo("vnn-social-registry");
        JsonNode jwks = JSON.readTree(given().get("/api/v1/public/dci/jwks.json").then().statusCode(200)
                .extract().asString());
        JsonNode jwk = null;
        for (JsonNode key : jwks.path("keys")) {
            if (key.path("kid").asText().equals(m.group(2))) {
                jwk = key;
            }
        }
        assertThat(jwk).as("the signing key in the registry's JWKS").isNotNull();
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(
                HexFormat.of().parseHex("302a300506032b6570032100"),
                Base64.getUrlDecoder().decode(jwk.path("x").asText()))));
        Signature ed = Signature.getInstance("Ed25519");
        ed.initVerify(key);
        ed.update(signingText(envelope, Long.parseLong(m.group(3)), Long.parseLong(m.group(4)))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(ed.verify(Base64.getDecoder().decode(m.group(5)))).as("the registry's signature verifies").isTrue();
    }

    private static String raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String now() {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC));
    }
}
