package vn.vnn.fund;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.Claim;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.vnn.events.EventType;
import vn.vnn.events.household.HouseholdStatusRecognizedV1;
import vn.vnn.kit.outbox.CloudEventRecords;
import vn.vnn.localstack.testing.InfrastructureTestResource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(LedgerBalanced.class)
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "fund"))
class FundServiceTest {

    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper objectMapper;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    vn.vnn.fund.funds.FundService funds;
    @Inject
    vn.vnn.kit.time.VietnamClock clock;

    /** The Hà Nội fund (area 01) the donations here go to. */
    @org.junit.jupiter.api.BeforeEach
    void haNoiFund() {
        openFund(funds, "01");
    }

    static void openFund(vn.vnn.fund.funds.FundService funds, String area) {
        if (vn.vnn.fund.funds.Fund.count("areaCode = ?1 and validTo is null", area) == 0) {
            funds.open(new vn.vnn.fund.funds.FundOpening("Q" + area, "Quỹ \"Vì người nghèo\" " + area,
                    vn.vnn.fund.funds.FundLevel.PROVINCE, area, LocalDate.of(2020, 1, 1)), "test", false);
        }
    }

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void recordingADonationStoresItAndWritesItsEventOnce() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = donation("Công ty Điện lực Thái Nguyên", 120_000_000L);
        Response first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/donations");
        first.then().statusCode(201)
                .body("donorName", equalTo("Công ty Điện lực Thái Nguyên"))
                .body("amountVnd", equalTo(120_000_000))
                .body("recordedBy", equalTo("fund.officer"))
                .body("receiptNo", org.hamcrest.Matchers.startsWith("Q01/2025/"))
                .body("channel", equalTo("BANK_TRANSFER"));
        String id = first.path("id");
        assertThat(first.header("Location")).endsWith("/api/v1/donations/" + id);

        Response replay = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/donations");
        replay.then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id))
                .body("receiptNo", equalTo(first.path("receiptNo")));
        assertThat(count("SELECT count(*) FROM donation WHERE receipt_no = '" + first.path("receiptNo") + "'"))
                .isEqualTo(1);

        assertThat(count("SELECT count(*) FROM donation WHERE id = '" + id + "'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = '" + id
                + "' AND event_type = 'vn.vnn.fund.donation-received.v1'")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM outbox_event WHERE aggregate_id = '" + id + "' AND sent_at IS NOT NULL") == 1);

        given().get("/api/v1/donations/" + id).then().statusCode(200).body("kind", equalTo("CASH"));
        given().get("/api/v1/donations?size=5").then().statusCode(200).body("totalItems",
                org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        given().get("/api/v1/donors/" + first.path("donorId") + "/donations").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void invalidDonationIs422AndWritesNothing() {
        long before = count("SELECT count(*) FROM donation");
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("donor", Map.of("name", "", "type", "ORGANISATION"), "kind", "CASH", "amountVnd", 0,
                        "receivedOn", "2025-10-01", "fundAreaCode", "01"))
                .post("/api/v1/donations")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("donor.name"))
                .body("errors.field", hasItem("amountVnd"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(donationOn("Future Co", 1000, LocalDate.now().plusDays(30)))
                .post("/api/v1/donations")
                .then().statusCode(422).body("errors[0].field", equalTo("receivedOn"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"donor\": {\"name\": \"X\", \"type\": \"COMPANY\"}}").post("/api/v1/donations")
                .then().statusCode(422).body("errors[0].field", equalTo("donor.type"));
        assertThat(count("SELECT count(*) FROM donation")).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "emulation.officer", roles = "emulation-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void onlyFundOfficersRecordDonations() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(donation("Ai đó", 1000)).post("/api/v1/donations")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anonymousCallersGet401() {
        given().get("/api/v1/donations").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/eligible-households").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void recognisedStatusesFeedTheEligibilityViewOncePerEventAndInOrder() throws Exception {
        String household = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        send(first, status(household, "POOR", 2025, LocalDate.of(2025, 12, 10)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/eligible-households/" + household)
                .then().statusCode(200).body("status", equalTo("POOR")).body("eligible", equalTo(true)));

        // A redelivery of the same event and an older recognition change nothing.
        send(first, status(household, "POOR", 2025, LocalDate.of(2025, 12, 10)));
        send(UUID.randomUUID().toString(), status(household, "NOT_POOR", 2024, LocalDate.of(2024, 12, 1)));
        // A newer one does.
        String escaped = UUID.randomUUID().toString();
        send(escaped, status(household, "NOT_POOR", 2026, LocalDate.of(2026, 12, 5)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/eligible-households/" + household)
                .then().statusCode(200).body("status", equalTo("NOT_POOR")).body("eligible", equalTo(false))
                .body("reviewYear", equalTo(2026)));
        assertThat(count("SELECT count(*) FROM inbox_message WHERE event_id = '" + first + "'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM inbox_message WHERE consumer = 'fund.eligibility' AND event_id IN ('"
                + first + "', '" + escaped + "')")).isEqualTo(2);
        given().get("/api/v1/eligible-households?communeCode=00004&eligible=false")
                .then().statusCode(200).body("items.householdId", hasItem(household));
    }

    private void send(String eventId, HouseholdStatusRecognizedV1 event) throws Exception {
        sendRecognition(bootstrapServers, objectMapper, eventId, event);
    }

    /** Publishes a recognition the way household-service's outbox does (binary-mode CloudEvent). */
    static void sendRecognition(String bootstrapServers, ObjectMapper objectMapper, String eventId,
                                HouseholdStatusRecognizedV1 event) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new StringSerializer())) {
            producer.send(CloudEventRecords.of(EventType.HOUSEHOLD_STATUS_RECOGNIZED.topic(), eventId,
                    "/household-service", EventType.HOUSEHOLD_STATUS_RECOGNIZED.type(), event.householdId(),
                    OffsetDateTime.now(), objectMapper.writeValueAsString(event))).get();
        }
    }

    static HouseholdStatusRecognizedV1 status(String household, String status, int year, LocalDate on) {
        return new HouseholdStatusRecognizedV1(household, "HH-" + household.substring(0, 8), "00004", "01",
                "RURAL", status, null, "FIRST", "VN-MPS-2022", year, on, "12/QĐ-UBND", 4, "commune.officer");
    }

    /** "Today" is the Vietnamese calendar date: 00:30 on New Year's Day in Hà Nội is still 31 December in UTC. */
    @Test
    @TestSecurity(user = "fund.officer", roles = "fund-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void aDonationDatedTodayInVietnamIsTakenAndOneDatedTomorrowIsRefused() {
        clock.set(java.time.Clock.fixed(java.time.Instant.parse("2025-12-31T17:30:00Z"), java.time.ZoneOffset.UTC));
        try {
            given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(donationOn("Hội Doanh nhân trẻ", 1_000_000L, LocalDate.of(2026, 1, 1)))
                    .post("/api/v1/donations").then().statusCode(201)
                    .body("receiptNo", org.hamcrest.Matchers.startsWith("Q01/2026/"));
            given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(donationOn("Hội Doanh nhân trẻ", 1_000_000L, LocalDate.of(2026, 1, 2)))
                    .post("/api/v1/donations").then().statusCode(422)
                    .body("errors[0].field", equalTo("receivedOn"));
        } finally {
            clock.reset();
        }
    }

    private static Map<String, Object> donation(String donor, long amount) {
        return donationOn(donor, amount, LocalDate.of(2025, 10, 17));
    }

    private static Map<String, Object> donationOn(String donor, long amount, LocalDate on) {
        return Map.of("donor", Map.of("name", donor, "type", "ORGANISATION"), "kind", "CASH", "amountVnd", amount,
                "receivedOn", on.toString(), "fundAreaCode", "01");
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
