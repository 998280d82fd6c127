package vn.vnn.e2e;

import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vnn.localstack.LocalStack;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of a service on one database, as two replicas run: household imports submitted to either are each
 * run exactly once (jobs are claimed from the database), and the outbox relays of two fund-service instances publish
 * every event exactly once (one relay at a time holds the database's advisory lock).
 */
@ExtendWith(SharedStack.class)
class TwoInstancesIT {

    @Test
    void importJobsSubmittedToEitherInstanceRunOnceEach() throws Exception {
        LocalStack stack = SharedStack.stack();
        String partner = Tokens.clientCredentials(stack.realmUrl(), "partner-demo", "partner-demo-secret");
        try (LocalStack.Instance second = stack.startAnotherInstance("household-service")) {
            List<String> instances = List.of(stack.serviceUrl("household-service"), second.baseUrl());
            String header = given().auth().oauth2(partner).get(instances.get(0)
                    + "/api/v1/household-imports/template.csv").then().statusCode(200).extract().asString()
                    .lines().findFirst().orElseThrow().replace("\uFEFF", "");
            String prefix = "TWO-" + UUID.randomUUID().toString().substring(0, 8);
            List<String> jobs = new ArrayList<>();
            for (int file = 0; file < 6; file++) {
                StringBuilder csv = new StringBuilder(header).append('\n');
                for (int household = 0; household < 3; household++) {
                    csv.append(prefix).append('-').append(file).append('-').append(household)
                            .append(",99211,99211-01,Tổ 1,0912000111,không,không,4000000,40,BRICK,CONCRETE,TILE,PIPED,")
                            .append("SEPTIC,có,SMARTPHONE,,Lê Văn Hai ").append(file).append(household)
                            .append(",1980-03-04,MALE,HEAD,,có,FINISHED,UPPER_SECONDARY,UPPER_SECONDARY,không,FULL,")
                            .append("STABLE\n");
                }
                String instance = instances.get(file % 2);
                String location = given().auth().oauth2(partner).contentType("text/csv; charset=UTF-8")
                        .header("Idempotency-Key", prefix + "-" + file)
                        .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                        .post(instance + "/api/v1/household-imports").then().statusCode(202).extract()
                        .header("Location");
                jobs.add(instance + location.substring(location.indexOf("/api/v1/household-imports/")));
            }
            for (int i = 0; i < jobs.size(); i++) {
                // Read through the other instance: both see the same jobs.
                String job = instances.get((i + 1) % 2) + jobs.get(i).substring(jobs.get(i).indexOf("/api/"));
                Map<String, Object> done = await().atMost(Duration.ofSeconds(90)).until(() -> given().auth()
                                .oauth2(partner).get(job).then().statusCode(200).extract().<Map<String, Object>>path(""),
                        j -> "COMPLETED".equals(j.get("status")) || "FAILED".equals(j.get("status")));
                assertThat(done).as(job).containsEntry("status", "COMPLETED").containsEntry("householdsCreated", 3)
                        .containsEntry("householdsRejected", 0);
            }
            try (Connection db = DriverManager.getConnection(stack.jdbcUrl("household"), stack.databaseUser(),
                    stack.databasePassword());
                 PreparedStatement count = db.prepareStatement(
                         "SELECT count(*), count(DISTINCT household_ref) FROM household WHERE household_ref LIKE ?")) {
                count.setString(1, prefix + "-%");
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    assertThat(rows.getInt(1)).as("each household once").isEqualTo(18);
                    assertThat(rows.getInt(2)).isEqualTo(18);
                }
            }
        }
    }

    @Test
    void theRelaysOfTwoInstancesPublishEachEventOnce() throws Exception {
        LocalStack stack = SharedStack.stack();
        String officer = Tokens.password(stack.realmUrl(), "fund.officer");
        String donor = "Công ty Hai Bản Sao " + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> donationIds = new HashMap<>();
        try (LocalStack.Instance second = stack.startAnotherInstance("fund-service")) {
            List<String> instances = List.of(stack.serviceUrl("fund-service"), second.baseUrl());
            for (int i = 0; i < 20; i++) {
                String id = given().auth().oauth2(officer).contentType(ContentType.JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(Map.of("donor", Map.of("name", donor, "type", "ORGANISATION"), "kind", "CASH",
                                "amountVnd", 10_000 + i, "receivedOn", "2025-10-20", "fundAreaCode", "99"))
                        .post(instances.get(i % 2) + "/api/v1/donations").then().statusCode(201).extract().path("id");
                donationIds.put(id, instances.get(i % 2));
            }
            Map<String, Integer> published = new HashMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "two-instances-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("fund.donation-received.v1"));
                // Read on a little after all 20 arrived, to see any second copy.
                long quietUntil = Long.MAX_VALUE;
                while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.value().contains(donor)) {
                            String eventId = new String(record.headers().lastHeader("ce_id").value(),
                                    StandardCharsets.UTF_8);
                            published.merge(eventId, 1, Integer::sum);
                        }
                    }
                    if (published.size() == 20 && quietUntil == Long.MAX_VALUE) {
                        quietUntil = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                    }
                }
            }
            assertThat(published).as("one event per donation").hasSize(20);
            assertThat(published.values()).as("each published once").containsOnly(1);
        }
    }
}
