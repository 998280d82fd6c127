package vn.vnn.kit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.vnn.events.fund.DonationReceivedV1;
import vn.vnn.kit.outbox.Outbox;
import vn.vnn.localstack.testing.InfrastructureTestResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "kit"))
class ServiceKitTest {

    @Inject
    EntityManager entityManager;
    @Inject
    Outbox outbox;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter spans;

    // ---- problem responses -------------------------------------------------------------------------------

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void invalidBodyIs422WithFieldErrorsAndTraceId() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .header("X-Request-Id", "req-422-test")
                .body("{\"name\":\" \",\"amountVnd\":-5,\"tags\":[\"ok\",\"\"]}")
                .post("/test/things")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .header("X-Request-Id", "req-422-test")
                .body("type", equalTo("/problems/validation"))
                .body("status", equalTo(422))
                .body("traceId", equalTo("req-422-test"))
                .body("instance", equalTo("/test/things"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("amountVnd"))
                .body("errors.field", hasItem("tags[1]"));
        assertThat(count("SELECT count(*) FROM thing WHERE amount_vnd = -5")).isZero();
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void unparseableBodyIs400() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k-400")
                .body("{\"name\": \"x\", ").post("/test/things")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/bad-request"))
                .body("traceId", notNullValue());
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void wrongTypeIs422NamingTheField() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k-type")
                .body("{\"name\": \"x\", \"amountVnd\": \"một triệu\"}").post("/test/things")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("amountVnd"));
    }

    @Test
    void notFoundIsAProblemInVietnameseWhenAsked() {
        given().header("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.5")
                .get("/test/things/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Không tìm thấy"))
                .body("type", equalTo("/problems/not-found"));
        given().get("/test/things/" + UUID.randomUUID())
                .then().statusCode(404).body("title", equalTo("Not found"));
    }

    @Test
    void unexpectedErrorIs500WithoutInternals() {
        String body = given().get("/test/things/boom")
                .then().statusCode(500).contentType("application/problem+json")
                .body("type", equalTo("/problems/internal"))
                .body("traceId", notNullValue())
                .extract().asString();
        assertThat(body).doesNotContain("IllegalStateException", "org.example", "secret", "at vn.");
    }

    @Test
    void aDatabaseOutageIs503WithRetryAfterNot500() {
        given().get("/test/things/database-away")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("/problems/service-unavailable"))
                .body("detail", containsString("nothing was changed"));
    }

    @Test
    void missingTokenIs401Problem() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k-401")
                .body("{\"name\":\"x\",\"amountVnd\":1}").post("/test/things")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("/problems/unauthorized"));
    }

    @Test
    @TestSecurity(user = "reader1", roles = "reader")
    void wrongRoleIs403Problem() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k-403")
                .body("{\"name\":\"x\",\"amountVnd\":1}").post("/test/things")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/forbidden"));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void staleVersionIs409() {
        String id = create("stale-" + UUID.randomUUID(), 1000, UUID.randomUUID().toString()).path("id");
        given().contentType(ContentType.JSON).body("{\"name\":\"renamed\",\"version\":0}")
                .put("/test/things/" + id).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"name\":\"again\",\"version\":0}")
                .put("/test/things/" + id).then().statusCode(409)
                .body("type", equalTo("/problems/conflict"));
    }

    // ---- Idempotency-Key ---------------------------------------------------------------------------------

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void sameKeySameBodyReplaysTheFirstResponse() {
        String key = UUID.randomUUID().toString();
        String name = "idem-" + key;
        Response first = create(name, 250_000, key);
        Response second = create(name, 250_000, key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(count("SELECT count(*) FROM thing WHERE name = '" + name + "'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = '" + first.path("id") + "'"))
                .isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void sameKeyDifferentBodyIs422() {
        String key = UUID.randomUUID().toString();
        create("first-" + key, 1, key);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("name", "other-" + key, "amountVnd", 2)).post("/test/things")
                .then().statusCode(422).body("type", equalTo("/problems/idempotency-key-reused"));
        assertThat(count("SELECT count(*) FROM thing WHERE name = 'other-" + key + "'")).isZero();
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void missingKeyIs400() {
        given().contentType(ContentType.JSON).body(Map.of("name", "no-key", "amountVnd", 2)).post("/test/things")
                .then().statusCode(400).body("detail", containsString("Idempotency-Key"));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void sameKeyWhileTheFirstIsInFlightIs409() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", "slow-" + key, "amountVnd", 7);
        CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key).header("X-Delay-Ms", 2000).body(body)
                .post("/test/things").statusCode());
        // Wait until the slow request holds its key's advisory lock (the relay's own lock, "outbox", excluded).
        await().atMost(Duration.ofSeconds(5)).until(() -> count("SELECT count(*) FROM pg_locks WHERE locktype = "
                + "'advisory' AND granted AND NOT (classid = 28533 AND objid = 1952608120)") > 0);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/test/things")
                .then().statusCode(409).body("type", equalTo("/problems/idempotency-in-flight"));
        assertThat(slow.get()).isEqualTo(201);
        assertThat(count("SELECT count(*) FROM thing WHERE name = 'slow-" + key + "'")).isEqualTo(1);
    }

    // ---- paging ------------------------------------------------------------------------------------------

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void listsArePagedWithLinkHeaders() {
        for (int i = 0; i < 3; i++) {
            create("page-" + UUID.randomUUID(), 10, UUID.randomUUID().toString());
        }
        long total = count("SELECT count(*) FROM thing");
        Response page = given().get("/test/things?page=0&size=2");
        page.then().statusCode(200)
                .body("items", hasSize(2))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("totalItems", equalTo((int) total))
                .body("totalPages", equalTo((int) ((total + 1) / 2)));
        assertThat(String.join(", ", page.headers().getValues("Link"))).contains("rel=\"next\"", "rel=\"last\"", "rel=\"first\"", "page=1&size=2")
                .doesNotContain("rel=\"prev\"");
        given().get("/test/things?size=101").then().statusCode(422).body("errors[0].field", equalTo("size"));
        given().get("/test/things?page=-1").then().statusCode(422).body("errors[0].field", equalTo("page"));
    }

    // ---- outbox, relay and inbox -------------------------------------------------------------------------

    /**
     * One trace from the caller's traceparent through the request, the outbox event (its traceparent is kept with
     * the row and sent as the record's header) and the broker into the consumer's transaction.
     */
    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void aRequestsTraceGoesThroughTheOutboxAndKafkaIntoTheConsumer() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String name = "traced-" + UUID.randomUUID();
        String id = given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(Map.of("name", name, "amountVnd", 7_000)).post("/test/things")
                .then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> credits("donor-" + name) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> traced(traceId, io.opentelemetry.api.trace.SpanKind.CONSUMER)
                != null);
        var server = traced(traceId, io.opentelemetry.api.trace.SpanKind.SERVER);
        var producer = traced(traceId, io.opentelemetry.api.trace.SpanKind.PRODUCER);
        var consumer = traced(traceId, io.opentelemetry.api.trace.SpanKind.CONSUMER);
        assertThat(server).as("the request's span, child of the caller's").isNotNull();
        assertThat(server.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(producer.getName()).isEqualTo("publish vn.vnn.fund.donation-received.v1");
        assertThat(producer.getParentSpanId()).as("published as part of the request's trace")
                .isEqualTo(server.getSpanId());
        assertThat(consumer.getParentSpanId()).as("consumed as a child of the publication")
                .isEqualTo(producer.getSpanId());
        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = '" + id
                + "' AND traceparent LIKE '00-" + traceId + "-%'")).isEqualTo(1);
    }

    private io.opentelemetry.sdk.trace.data.SpanData traced(String traceId, io.opentelemetry.api.trace.SpanKind kind) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId) && span.getKind() == kind)
                .findFirst().orElse(null);
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void outboxEventReachesKafkaAsCloudEventAndIsCreditedOnce() {
        String name = "kafka-" + UUID.randomUUID();
        String id = create(name, 1_500_000, UUID.randomUUID().toString()).path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> credits("donor-" + name) == 1);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = '" + id
                + "' AND sent_at IS NOT NULL")).isEqualTo(1);

        ConsumerRecord<String, String> record = consume("fund.donation-received.v1", id, 1).get(0);
        assertThat(record.key()).isEqualTo(id);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_type")).isEqualTo("vn.vnn.fund.donation-received.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/fund-service");
        assertThat(header(record, "ce_subject")).isEqualTo(id);
        assertThat(header(record, "ce_time")).isNotBlank();
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        String eventId = header(record, "ce_id");
        assertThat(count("SELECT count(*) FROM outbox_event WHERE id = '" + eventId + "'")).isEqualTo(1);
        assertThat(record.value()).contains("\"amountVnd\":1500000", "\"donorName\":\"" + name + "\"");

        // The broker delivers the same event again: the inbox keeps the effect single.
        try (KafkaProducer<String, String> producer = producer()) {
            ProducerRecord<String, String> again = new ProducerRecord<>(record.topic(), record.key(), record.value());
            record.headers().forEach(h -> again.headers().add(h));
            producer.send(again).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "SELECT count(*) FROM inbox_message WHERE event_id = '" + eventId + "'") == 1
                && consume("fund.donation-received.v1", id, 2).size() == 2);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> credits("donor-" + name) == 1);
        assertThat(amountCredited("donor-" + name)).isEqualTo(1_500_000);
    }

    @Test
    void aMalformedEventIsDeadLetteredAloneAndItsNeighboursInTheBatchAreCredited() throws Exception {
        String name = "batch-" + UUID.randomUUID();
        String topic = "fund.donation-received.v1";
        try (KafkaProducer<String, String> producer = producer()) {
            // Sent back to back, so that the consumer most likely polls them as one batch. The 2nd is not JSON;
            // the 4th is well formed but claims to come from another service than the topic's owner.
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                String value = i == 2 ? "{not json" : "{\"donationId\":\"" + name + i + "\",\"donorId\":\"donor-" + name
                        + "\",\"donorName\":\"Nhà hảo tâm\",\"donorType\":\"INDIVIDUAL\",\"anonymous\":false,"
                        + "\"kind\":\"CASH\",\"amountVnd\":" + (i * 1000) + ",\"receivedOn\":\"2025-11-01\","
                        + "\"fundAreaCode\":\"01\",\"actor\":\"tester\"}";
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, name + i, value);
                record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                        .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                        .add("ce_type", "vn.vnn.fund.donation-received.v1".getBytes(StandardCharsets.UTF_8))
                        .add("ce_source", (i == 4 ? "/emulation-service" : "/fund-service")
                                .getBytes(StandardCharsets.UTF_8))
                        .add("ce_subject", (name + i).getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(record));
            }
            for (var future : sent) {
                future.get();
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> credits("donor-" + name) == 2);
        assertThat(amountCredited("donor-" + name)).isEqualTo(4000);
        assertThat(consume(topic + ".dlq.kit-test", name + "2", 1)).singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo("{not json"));
        // Read the dead-letter topic again, to its end: the good neighbours are not in it.
        assertThat(consume(topic + ".dlq.kit-test", name + "2", Integer.MAX_VALUE, Duration.ofSeconds(3)))
                .singleElement();
        assertThat(consume(topic + ".dlq.kit-test", name + "1", Integer.MAX_VALUE, Duration.ofSeconds(1))).isEmpty();
        assertThat(consume(topic + ".dlq.kit-test", name + "4", 1)).singleElement();
    }

    @Test
    void aTransientFailureIsRetriedUntilItPassesAndNothingIsDeadLettered() throws Exception {
        String name = "flaky-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            ProducerRecord<String, String> record = new ProducerRecord<>("fund.donation-received.v1", name,
                    "{\"donationId\":\"" + name + "\",\"donorId\":\"donor-" + name + "\",\"donorName\":\"" + name
                            + "\",\"donorType\":\"INDIVIDUAL\",\"anonymous\":false,\"kind\":\"CASH\","
                            + "\"amountVnd\":7000,\"receivedOn\":\"2025-11-01\",\"actor\":\"tester\"}");
            record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                    .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                    .add("ce_type", "vn.vnn.fund.donation-received.v1".getBytes(StandardCharsets.UTF_8))
                    .add("ce_source", "/fund-service".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> credits("donor-" + name) == 1);
        assertThat(vn.vnn.kit.testapp.DonationCreditConsumer.FLAKY_FAILURES.get()).isEqualTo(2);
        assertThat(consume("fund.donation-received.v1.dlq.kit-test", name, Integer.MAX_VALUE, Duration.ofSeconds(2)))
                .isEmpty();
    }

    @Test
    void eventsOfOneAggregateArePublishedInOrder() {
        String aggregate = "order-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 1; i <= 5; i++) {
                outbox.publish("thing", aggregate, donation(aggregate, i));
            }
        });
        List<ConsumerRecord<String, String>> records = consume("fund.donation-received.v1", aggregate, 5);
        List<String> amounts = records.stream()
                .map(r -> r.value().replaceAll(".*\"amountVnd\":(\\d+).*", "$1")).toList();
        assertThat(amounts).containsExactly("1", "2", "3", "4", "5");
    }

    /**
     * An event the broker refuses for good (here: larger than a request may be) is parked after a few attempts with
     * its reason; the event after it of the same aggregate waits, another aggregate's flows; health and metrics say so.
     */
    @Test
    void anEventRefusedForGoodIsParkedAndOnlyItsAggregateWaits() {
        String stuck = "parked-" + UUID.randomUUID();
        String flowing = "flowing-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                            INSERT INTO outbox_event (id, aggregate_type, aggregate_id, event_type, topic, payload,
                                                      occurred_at)
                            VALUES (gen_random_uuid(), 'thing', ?1, 'vn.vnn.fund.donation-received.v1',
                                    'fund.donation-received.v1', CAST(?2 AS json), now())""")
                    .setParameter(1, stuck).setParameter(2, "{\"note\":\"" + "x".repeat(1_200_000) + "\"}")
                    .executeUpdate();
            outbox.publish("thing", stuck, donation(stuck, 1));
            outbox.publish("thing", flowing, donation(flowing, 2));
        });
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM outbox_event WHERE "
                    + "aggregate_id = '" + stuck + "' AND parked_at IS NOT NULL") == 1);
            assertThat(consume("fund.donation-received.v1", flowing, 1)).hasSize(1);
            assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = '" + stuck
                    + "' AND parked_at IS NOT NULL AND attempts = 5 AND last_error LIKE 'RecordTooLargeException%'"))
                    .isEqualTo(1);
            assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = '" + stuck
                    + "' AND sent_at IS NULL AND parked_at IS NULL")).as("the next event of the aggregate waits")
                    .isEqualTo(1);
            assertThat(consume("fund.donation-received.v1", stuck, Integer.MAX_VALUE, Duration.ofSeconds(3)))
                    .as("nothing of the parked aggregate overtook it").isEmpty();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/health/ready").then()
                    .body("checks.find { it.name == 'outbox' }.data.parked", org.hamcrest.Matchers.greaterThan(0)));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/metrics").then()
                    .body(containsString("outbox_parked_events")));
        } finally {
            // what an operator's discard does: the parked event set aside for good, its aggregate's next one flows
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                            "UPDATE outbox_event SET sent_at = now() WHERE aggregate_id = ?1 AND parked_at IS NOT NULL")
                    .setParameter(1, stuck).executeUpdate());
        }
        assertThat(consume("fund.donation-received.v1", stuck, 1)).hasSize(1);
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void whileKafkaIsDownNothingIsLostAndPublishingResumes() {
        InfrastructureTestResource.stopKafka();
        String name = "outage-" + UUID.randomUUID();
        String id;
        try {
            id = create(name, 42_000, UUID.randomUUID().toString()).path("id");
            String unsentAfterAFailedAttempt = "SELECT count(*) FROM outbox_event WHERE aggregate_id = '" + id
                    + "' AND sent_at IS NULL AND attempts > 0 AND last_error IS NOT NULL";
            await().atMost(Duration.ofSeconds(30)).until(() -> count(unsentAfterAFailedAttempt) == 1);
            assertThat(credits("donor-" + name)).isZero();
            // Still ready: writes go on into the outbox; the broker is reported as degraded, not as a failure.
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/q/health/ready")
                    .then().statusCode(200)
                    .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'kafka' }.data.degraded", equalTo(true)));
            assertThat(given().get("/q/metrics").asString())
                    .contains("dependency_degraded{dependency=\"kafka\"} 1.0");
        } finally {
            InfrastructureTestResource.startKafka();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> credits("donor-" + name) == 1);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = '" + id
                + "' AND sent_at IS NOT NULL")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/q/health/ready")
                .then().statusCode(200).body("checks.find { it.name == 'kafka' }.data.degraded", equalTo(false)));
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static Response create(String name, long amount, String key) {
        Response response = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("name", name, "amountVnd", amount)).post("/test/things");
        response.then().statusCode(201).header("Location", containsString("/test/things/"))
                .body("id", not(equalTo(null)));
        return response;
    }

    private static DonationReceivedV1 donation(String id, long amount) {
        return new DonationReceivedV1(id, "donor-order", "Nhà hảo tâm", "INDIVIDUAL", false, "CASH", amount,
                LocalDate.of(2025, 11, 1), "01", null, null, "tester");
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private long credits(String donorId) {
        return count("SELECT coalesce(sum(credits), 0) FROM thing_credit WHERE donor_id = '" + donorId + "'");
    }

    private long amountCredited(String donorId) {
        return count("SELECT coalesce(sum(total_vnd), 0) FROM thing_credit WHERE donor_id = '" + donorId + "'");
    }

    private List<ConsumerRecord<String, String>> consume(String topic, String key, int atLeast) {
        return consume(topic, key, atLeast, Duration.ofSeconds(30));
    }

    private List<ConsumerRecord<String, String>> consume(String topic, String key, int atLeast, Duration wait) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            long deadline = System.currentTimeMillis() + wait.toMillis();
            while (found.size() < atLeast && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
            return found;
        }
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new StringSerializer());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
