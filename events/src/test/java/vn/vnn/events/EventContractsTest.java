package vn.vnn.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.vnn.events.emulation.AwardDecidedV1;
import vn.vnn.events.fund.DisbursementPaidV1;
import vn.vnn.events.fund.DonationCancelledV1;
import vn.vnn.events.fund.DonationReceivedV1;
import vn.vnn.events.household.HouseholdStatusRecognizedV1;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EventContractsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** One fully populated sample per event; the fixtures on disk must read back to exactly these. */
    private static final Map<EventType, Record> SAMPLES = Map.of(
            EventType.HOUSEHOLD_STATUS_RECOGNIZED, new HouseholdStatusRecognizedV1(
                    "0192f3a4-6b1e-7c2d-8e9f-0a1b2c3d4e5f", "HN-00027-0042", "00027", "01", "RURAL", "POOR",
                    "NEAR_POOR", "NEWLY_POOR", "VN-MPS-2022", 2025, LocalDate.of(2025, 12, 15), "125/QĐ-UBND", 4,
                    "commune.officer"),
            EventType.COMMUNE_POVERTY_RATE, new vn.vnn.events.household.CommunePovertyRateV1("00027",
                    LocalDate.of(2025, 7, 1), "01", 2026, 4120, 37, "REGISTRY", LocalDate.of(2026, 12, 1)),
            EventType.DONATION_RECEIVED, new DonationReceivedV1(
                    "0192f3a4-7000-7c2d-8e9f-0a1b2c3d4e60", "0192f3a4-7000-7c2d-8e9f-0a1b2c3d4e61",
                    "Công ty Cổ phần Đường sắt Hà Nội", "ORGANISATION", false, "CASH", 150_000_000L,
                    LocalDate.of(2025, 10, 17), "01", null, "BL-2025-000123", "fund.officer"),
            EventType.DONATION_CANCELLED, new DonationCancelledV1(
                    "0192f3a4-7000-7c2d-8e9f-0a1b2c3d4e60", "0192f3a4-7000-7c2d-8e9f-0a1b2c3d4e61", "CASH",
                    150_000_000L, LocalDate.of(2025, 10, 17), LocalDate.of(2025, 10, 20), "01", "BL-2025-000123",
                    "Ngân hàng hoàn trả giao dịch chuyển khoản", "fund.officer"),
            EventType.DISBURSEMENT_PAID, new DisbursementPaidV1(
                    "0192f3a4-8000-7c2d-8e9f-0a1b2c3d4e70", "0192f3a4-6b1e-7c2d-8e9f-0a1b2c3d4e5f", "00027",
                    "HOUSING", 60_000_000L, LocalDate.of(2026, 1, 20), "0192f3a4-8000-7c2d-8e9f-0a1b2c3d4e71",
                    "12/QĐ-MTTQ", "fund.officer", null),
            EventType.STATEMENT_RECONCILED, new vn.vnn.events.fund.StatementReconciledV1(
                    "0192f3a4-8000-7c2d-8e9f-0a1b2c3d4e90", "Q99", "99", LocalDate.of(2026, 11, 1),
                    LocalDate.of(2026, 11, 30), 1_250_000_000L, 300_000_000L, 60_000_000L, 418,
                    LocalDate.of(2026, 12, 1)),
            EventType.AWARD_DECIDED, new AwardDecidedV1(
                    "0192f3a4-9000-7c2d-8e9f-0a1b2c3d4e80", "0192f3a4-7000-7c2d-8e9f-0a1b2c3d4e61",
                    "Công ty Cổ phần Đường sắt Hà Nội", "COLLECTIVE", "CERTIFICATE_OF_MERIT", "PROVINCE", "01",
                    "3456/QĐ-UBND", LocalDate.of(2026, 1, 10), 2025, "emulation.officer"));

    @ParameterizedTest
    @EnumSource(EventType.class)
    void payloadSurvivesJsonRoundTrip(EventType type) throws IOException {
        Record sample = SAMPLES.get(type);
        String json = MAPPER.writeValueAsString(sample);
        assertThat(MAPPER.readValue(json, type.payloadClass())).isEqualTo(sample);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void envelopeSurvivesJsonRoundTrip(EventType type) throws IOException {
        EventEnvelope<Record> envelope = EventEnvelope.of("42", "/test", type, "agg-1",
                OffsetDateTime.of(2025, 10, 17, 9, 30, 0, 0, ZoneOffset.ofHours(7)), SAMPLES.get(type));
        String json = MAPPER.writeValueAsString(envelope);
        EventEnvelope<?> read = MAPPER.readValue(json,
                MAPPER.getTypeFactory().constructParametricType(EventEnvelope.class, type.payloadClass()));
        assertThat(read.specversion()).isEqualTo("1.0");
        assertThat(read.type()).isEqualTo("vn.vnn." + type.topic());
        assertThat(read.time()).isEqualTo(envelope.time());
        assertThat(read.data()).isEqualTo(envelope.data());
    }

    /** Fixtures are frozen v1 messages: every later version of the code must still read them the same way. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void frozenFixtureStillReads(EventType type) throws IOException {
        String fixture = resource("fixtures/" + type.topic() + ".json");
        assertThat(MAPPER.readValue(fixture, type.payloadClass())).isEqualTo(SAMPLES.get(type));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void fixtureAndSerializedPayloadMatchTheSchema(EventType type) throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(resource(type.schemaResource()));
        assertThat(schema.validate(resource("fixtures/" + type.topic() + ".json"), InputFormat.JSON)).isEmpty();
        assertThat(schema.validate(MAPPER.writeValueAsString(SAMPLES.get(type)), InputFormat.JSON)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaRejectsAPayloadWithoutItsRequiredFields(EventType type) throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(resource(type.schemaResource()));
        assertThat(schema.validate("{}", InputFormat.JSON)).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void readerIgnoresFieldsAddedByALaterVersion(EventType type) throws IOException {
        ObjectNode node = (ObjectNode) MAPPER.readTree(resource("fixtures/" + type.topic() + ".json"));
        node.put("fieldAddedInV1_1", "ignored");
        assertThat(MAPPER.treeToValue(node, type.payloadClass())).isEqualTo(SAMPLES.get(type));
    }

    @Test
    void everyTopicBelongsToTheServiceThatWritesIt() {
        assertThat(EventType.HOUSEHOLD_STATUS_RECOGNIZED.source()).isEqualTo("/household-service");
        assertThat(EventType.DONATION_RECEIVED.source()).isEqualTo("/fund-service");
        assertThat(EventType.DONATION_CANCELLED.source()).isEqualTo("/fund-service");
        assertThat(EventType.DISBURSEMENT_PAID.source()).isEqualTo("/fund-service");
        assertThat(EventType.AWARD_DECIDED.source()).isEqualTo("/emulation-service");
    }

    @Test
    void everyEventTypeHasASample() {
        assertThat(SAMPLES).containsOnlyKeys(EventType.values());
    }

    @Test
    void asyncApiNamesEveryTopicWithKeyAndPayload() throws IOException {
        var doc = new YAMLMapper().readTree(resource("asyncapi.yaml"));
        Set<String> addresses = new HashSet<>();
        doc.get("channels").forEach(channel -> addresses.add(channel.get("address").asText()));
        Set<String> payloads = new HashSet<>();
        doc.get("components").get("messages").forEach(message -> {
            assertThat(message.at("/bindings/kafka/key").isMissingNode()).isFalse();
            payloads.add(message.at("/payload/$ref").asText());
        });
        for (EventType type : EventType.values()) {
            assertThat(addresses).contains(type.topic());
            assertThat(payloads).contains(type.schemaResource());
            assertThat(EventType.fromType(type.type())).contains(type);
            assertThat(EventType.fromPayload(type.payloadClass())).contains(type);
        }
        assertThat(addresses).hasSize(EventType.values().length);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EventContractsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
