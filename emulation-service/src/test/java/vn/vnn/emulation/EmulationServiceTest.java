package vn.vnn.emulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.Claim;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.vnn.events.EventType;
import vn.vnn.events.fund.DonationReceivedV1;
import vn.vnn.kit.outbox.CloudEventRecords;
import vn.vnn.localstack.testing.InfrastructureTestResource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "emulation"))
class EmulationServiceTest {

    @Inject
    ObjectMapper objectMapper;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    @TestSecurity(user = "emulation.officer", roles = "emulation-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void donationsCreditTheDonorOncePerEvent() throws Exception {
        String donor = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        send(first, donation(donor, "Hợp tác xã Hoà Bình", 5_000_000, false));
        send(first, donation(donor, "Hợp tác xã Hoà Bình", 5_000_000, false));
        // An anonymous gift never counts towards the donor's named achievement.
        send(UUID.randomUUID().toString(), donation(donor, "Nhà hảo tâm ẩn danh", 2_500_000, true));
        send(UUID.randomUUID().toString(), donation(donor, "Hợp tác xã Hoà Bình", 1_000_000, false));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/achievements/" + donor)
                .then().statusCode(200)
                .body("totalDonatedVnd", equalTo(6_000_000))
                .body("donationCount", equalTo(2))
                .body("participantName", equalTo("Hợp tác xã Hoà Bình"))
                .body("participantType", equalTo("COLLECTIVE")));
        given().get("/api/v1/achievements?size=100").then().statusCode(200)
                .body("items.participantId", hasItem(donor));
    }

    @Test
    @TestSecurity(user = "partner-demo", roles = "partner")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void partnersReadAggregatesOnly() {
        given().get("/api/v1/achievements/summary").then().statusCode(200);
        given().get("/api/v1/achievements/" + UUID.randomUUID()).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "emulation.officer", roles = "emulation-officer")
    @OidcSecurity(claims = @Claim(key = "area_codes", value = "[\"VN\"]", type = ClaimType.JSON_ARRAY))
    void unknownParticipantsAre404() {
        given().get("/api/v1/achievements/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "commune.officer", roles = "commune-officer")
    void otherRolesAreForbidden() {
        given().get("/api/v1/achievements").then().statusCode(403);
    }

    @Test
    void anonymousCallersGet401() {
        given().get("/api/v1/achievements").then().statusCode(401);
    }

    private void send(String eventId, DonationReceivedV1 event) throws Exception {
        sendDonation(bootstrapServers, objectMapper, eventId, event);
    }

    /** Publishes a donation the way fund-service's outbox does (binary-mode CloudEvent). */
    static void sendDonation(String bootstrapServers, ObjectMapper objectMapper, String eventId,
                             DonationReceivedV1 event) throws Exception {
        publish(bootstrapServers, EventType.DONATION_RECEIVED, eventId, event.donationId(),
                objectMapper.writeValueAsString(event));
    }

    static void publish(String bootstrapServers, EventType type, String eventId, String key, String json)
            throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new StringSerializer())) {
            producer.send(CloudEventRecords.of(type.topic(), eventId, type.source(), type.type(), key,
                    OffsetDateTime.now(), json)).get();
        }
    }

    private static DonationReceivedV1 donation(String donor, String name, long amount, boolean anonymous) {
        return new DonationReceivedV1(UUID.randomUUID().toString(), donor, name, "ORGANISATION", anonymous, "CASH",
                amount, LocalDate.of(2025, 10, 1), "01", null, null, "fund.officer");
    }
}
