package vn.vnn.household;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.vnn.household.areas.AreaService;
import vn.vnn.household.feeds.PartnerEvents;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Subscriptions (issue 18): a partner subscribes to its area; recognitions are delivered as signed CloudEvents in the
 * order recorded, a failure is retried and holds the later ones back, a rotated secret signs alongside the old one,
 * a replay re-delivers a time range, and the delivery state is visible to the partner only.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubscriptionTest {

    /** A partner's endpoint: what arrived, and the first answers it fails with. */
    record Received(String id, String type, String timestamp, String signature, String ceId, String ceType,
                    String ceSource, String contentType, byte[] body) {
    }

    private static final List<Received> RECEIVED = Collections.synchronizedList(new ArrayList<>());
    private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    private static HttpServer receiver;
    private static String subscription;
    private static String secret;
    private static String narrow;
    private static String firstDecision;
    private static OffsetDateTime since;

    @Inject
    AreaService areas;
    @Inject
    PartnerEvents partnerEvents;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var h = exchange.getRequestHeaders();
            if (FAILURES_LEFT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                RECEIVED.add(new Received(h.getFirst("webhook-id"), h.getFirst("ce-type"),
                        h.getFirst("webhook-timestamp"), h.getFirst("webhook-signature"), h.getFirst("ce-id"),
                        h.getFirst("ce-type"), h.getFirst("ce-source"), h.getFirst("Content-Type"), body));
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @BeforeEach
    void demoProvince() throws Exception {
        HouseholdServiceTest.loadDemoAreas(areas);
    }

    @Test
    @Order(1)
    @TestSecurity(user = "service-account-partner-demo", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"99\"]", type = ClaimType.JSON_ARRAY))
    void aPartnerSubscribesWithinItsAreas() {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        var created = given().contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of(PartnerEvents.STATUS_RECOGNIZED)))
                .post("/api/v1/subscriptions").then().statusCode(201)
                .body("subscription.areaCodes", equalTo(List.of("99"))).body("subscription.active", equalTo(true))
                .body("secret", startsWith("whsec_")).extract();
        subscription = created.path("subscription.id");
        secret = created.path("secret");
        narrow = given().contentType(ContentType.JSON)
                .body(Map.of("url", url + "?narrow", "eventTypes", List.of(PartnerEvents.STATUS_RECOGNIZED),
                        "areaCodes", List.of("99112")))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("subscription.id");
        given().get("/api/v1/subscriptions").then().statusCode(200).body("size()", equalTo(2))
                .body("[0].secret", org.hamcrest.Matchers.nullValue());

        // refused: another's areas, an unknown type, a non-https or non-URL target
        post(Map.of("url", url, "eventTypes", List.of(PartnerEvents.STATUS_RECOGNIZED), "areaCodes", List.of("01")),
                "areaCodes[0]");
        post(Map.of("url", url, "eventTypes", List.of("household.deleted.v9")), "eventTypes[0]");
        post(Map.of("url", "ftp://127.0.0.1/hook", "eventTypes", List.of(PartnerEvents.STATUS_RECOGNIZED)), "url");
        post(Map.of("url", "not a url", "eventTypes", List.of(PartnerEvents.STATUS_RECOGNIZED)), "url");
        post(Map.of("url", "http://10.1.2.3/hook", "eventTypes", List.of(PartnerEvents.STATUS_RECOGNIZED)), "url");
    }

    @Test
    @Order(2)
    @TestSecurity(user = "admin", roles = "admin")
    void recognitionsAreDeliveredSignedInOrderAfterARetry() throws Exception {
        since = OffsetDateTime.now().minusSeconds(1);
        FAILURES_LEFT.set(1);
        String first = register("Đinh Thị Webhook");
        String second = register("Mùa A Webhook");
        firstDecision = "31/QĐ-UBND-" + UUID.randomUUID().toString().substring(0, 4);
        recognise(first, firstDecision);
        recognise(second, "32/QĐ-UBND");
        await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVED.size() >= 2);
        Thread.sleep(1500); // nothing more comes: the 99112 subscription hears nothing of 99111
        assertThat(RECEIVED).hasSize(2);
        assertThat(RECEIVED).extracting(r -> json(r).get("householdId")).containsExactly(first, second);
        for (Received r : RECEIVED) {
            assertThat(r.ceType()).isEqualTo(PartnerEvents.STATUS_RECOGNIZED);
            assertThat(r.ceId()).isEqualTo(r.id());
            assertThat(r.ceSource()).isEqualTo("/vnn/household-service");
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(r.signature().split(" ")).hasSize(1);
            assertThat(verifies(r, secret)).isTrue();
            assertThat(verifies(r, "whsec_" + Base64.getEncoder().encodeToString(new byte[32]))).isFalse();
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("\"communeCode\":\"99111\"")
                    .doesNotContain("Webhook").doesNotContain("headName").doesNotContain("members");
        }
        // the feed tells the same events
        List<String> fed = given().get("/api/v1/feeds/" + PartnerEvents.STATUS_RECOGNIZED + "?limit=500").then()
                .statusCode(200).extract().path("items.id");
        assertThat(fed).contains(RECEIVED.get(0).id(), RECEIVED.get(1).id());
        given().get("/api/v1/feeds/" + PartnerEvents.DISBURSEMENT_PAID).then().statusCode(200);
        given().get("/api/v1/feeds/household.deleted.v9").then().statusCode(404);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "service-account-partner-demo", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"99\"]", type = ClaimType.JSON_ARRAY))
    void thePartnerSeesTheDeliveriesRotatesItsSecretAndReplays() throws Exception {
        List<Map<String, Object>> deliveries = given().get("/api/v1/subscriptions/" + subscription + "/deliveries")
                .then().statusCode(200).extract().path("");
        assertThat(deliveries).hasSize(2).allSatisfy(d -> assertThat(d).containsEntry("state", "DELIVERED"));
        assertThat(deliveries).extracting(d -> d.get("attempts")).contains(2); // the first failed once
        given().get("/api/v1/subscriptions/" + narrow + "/deliveries").then().statusCode(200).body("size()", equalTo(0));
        given().get("/api/v1/subscriptions/" + subscription + "/deliveries?state=LOST").then().statusCode(422);

        String newSecret = given().contentType(ContentType.JSON).body(Map.of("overlapHours", 1))
                .post("/api/v1/subscriptions/" + subscription + "/secret-rotation").then().statusCode(200)
                .body("subscription.previousSecretUntil", org.hamcrest.Matchers.notNullValue()).extract().path("secret");
        assertThat(newSecret).isNotEqualTo(secret);

        RECEIVED.clear();
        given().contentType(ContentType.JSON).body(Map.of("from", since.toString(),
                        "to", OffsetDateTime.now().plusSeconds(1).toString()))
                .post("/api/v1/subscriptions/" + subscription + "/replays").then().statusCode(202)
                .body("queued", equalTo(2));
        await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVED.size() >= 2);
        for (Received r : RECEIVED) {
            assertThat(r.signature().split(" ")).hasSize(2);
            assertThat(verifies(r, newSecret)).isTrue();
            assertThat(verifies(r, secret)).isTrue();
        }
        assertThat(json(RECEIVED.get(0)).get("decisionNo")).isEqualTo(firstDecision);
        given().contentType(ContentType.JSON).body(Map.of("from", "2026-01-02T00:00:00Z", "to", "2026-01-01T00:00:00Z"))
                .post("/api/v1/subscriptions/" + subscription + "/replays").then().statusCode(422);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "service-account-other-partner", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"99\"]", type = ClaimType.JSON_ARRAY))
    void anotherPartnerSeesNoneOfIt() {
        given().get("/api/v1/subscriptions/" + subscription).then().statusCode(404);
        given().get("/api/v1/subscriptions/" + subscription + "/deliveries").then().statusCode(404);
        given().delete("/api/v1/subscriptions/" + subscription).then().statusCode(404);
        given().get("/api/v1/subscriptions").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    @Order(5)
    @TestSecurity(user = "service-account-partner-demo", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"99\"]", type = ClaimType.JSON_ARRAY))
    void anEndedSubscriptionHearsNothingMore() {
        given().delete("/api/v1/subscriptions/" + subscription).then().statusCode(200).body("active", equalTo(false));
        // a recognition in its area recorded now: queued for no ended subscription
        QuarkusTransaction.requiringNew().run(() -> partnerEvents.record(UUID.randomUUID(),
                PartnerEvents.STATUS_RECOGNIZED, OffsetDateTime.now(), "99111", "99",
                Map.of("householdId", UUID.randomUUID().toString(), "communeCode", "99111", "provinceCode", "99",
                        "status", "POOR", "transition", "NEWLY_POOR", "reviewYear", 2025, "recognizedOn", "2025-12-20",
                        "decisionNo", "33/QĐ-UBND")));
        // a support paid (as the inbox records the fund's) is in its feed
        UUID event = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> partnerEvents.record(event, PartnerEvents.DISBURSEMENT_PAID,
                OffsetDateTime.now(), "99111", "99", Map.of("householdId", "x", "amountVnd", 5_000_000)));
        given().get("/api/v1/feeds/" + PartnerEvents.DISBURSEMENT_PAID + "?limit=500").then().statusCode(200)
                .body("items.find { it.id == '" + event + "' }.amountVnd", equalTo(5_000_000));
        given().get("/api/v1/subscriptions/" + subscription + "/deliveries").then().statusCode(200)
                .body("size()", equalTo(4));
    }

    private static void post(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/subscriptions").then().statusCode(422)
                .body("errors[0].field", equalTo(field));
    }

    private static String register(String head) {
        return given().contentType(ContentType.JSON).body(HouseholdServiceTest.household("99111", head, null))
                .post("/api/v1/households").then().statusCode(201).extract().path("id");
    }

    private static void recognise(String household, String decision) {
        given().contentType(ContentType.JSON).body(Map.of("status", "POOR", "reviewYear", 2025,
                        "recognizedOn", "2025-12-15", "decisionNo", decision))
                .post("/api/v1/households/" + household + "/status-recognitions").then().statusCode(201);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Received r) {
        return io.restassured.path.json.JsonPath.from(new String(r.body(), StandardCharsets.UTF_8)).getMap("");
    }

    /** The receiver's own check, as the Standard Webhooks libraries do it. */
    private static boolean verifies(Received r, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((r.id() + "." + r.timestamp() + ".").getBytes(StandardCharsets.UTF_8));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(r.body()));
        for (String signature : r.signature().split(" ")) {
            if (java.security.MessageDigest.isEqual(signature.getBytes(StandardCharsets.UTF_8),
                    expected.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }
}
