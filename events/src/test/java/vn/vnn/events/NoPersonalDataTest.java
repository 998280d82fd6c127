package vn.vnn.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events on Kafka carry no personal data: no field of any event's schema may be named like a citizen ID, a phone,
 * an e-mail address, an address, a birth date or a person's name. A name that is published anyway (the donor as the
 * public statement prints them, an award on the public honours board) must say so in its schema
 * ({@code "x-public-display-name": true} with a description), so that no name slips in unnoticed.
 */
class NoPersonalDataTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern PERSONAL = Pattern.compile("(?i).*(citizen|cccd|cmnd|nationalid|identity|idnumber"
            + "|passport|phone|mobile|telephone|email|e_mail|address|street|birth|\\bdob\\b|ethnic|insurance"
            + "|disabilit).*");
    private static final Pattern NAME = Pattern.compile("(?i).*name.*");

    @Test
    void noEventSchemaHasAFieldNamedLikePersonalData() throws IOException {
        List<String> offending = new ArrayList<>();
        for (EventType type : EventType.values()) {
            JsonNode schema = read(type.schemaResource());
            collect(type.topic(), schema, offending);
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void theRuleCatchesWhatItIsMeantTo() {
        List<String> offending = new ArrayList<>();
        JsonNode schema = MAPPER.valueToTree(Map.of("properties", Map.of(
                "headCitizenId", Map.of("type", "string"),
                "contactPhone", Map.of("type", "string"),
                "memberName", Map.of("type", "string"),
                "address", Map.of("type", "string"),
                "nested", Map.of("type", "object", "properties", Map.of("fullName", Map.of("type", "string"))),
                "householdId", Map.of("type", "string"))));
        collect("sample", schema, offending);
        assertThat(offending).containsExactlyInAnyOrder("sample: headCitizenId", "sample: contactPhone",
                "sample: memberName", "sample: address", "sample: nested.fullName");
    }

    private static void collect(String where, JsonNode schema, List<String> offending) {
        collect(where, "", schema, offending);
    }

    private static void collect(String where, String path, JsonNode schema, List<String> offending) {
        JsonNode properties = schema.get("properties");
        if (properties == null) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode definition = field.getValue();
            boolean publicName = definition.path("x-public-display-name").asBoolean(false)
                    && definition.hasNonNull("description");
            if (PERSONAL.matcher(name).matches() || NAME.matcher(name).matches() && !publicName) {
                offending.add(where + ": " + path + name);
            }
            collect(where, path + name + ".", definition, offending);
            if (definition.has("items")) {
                collect(where, path + name + "[].", definition.get("items"), offending);
            }
        }
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = NoPersonalDataTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return MAPPER.readTree(in);
        }
    }
}
