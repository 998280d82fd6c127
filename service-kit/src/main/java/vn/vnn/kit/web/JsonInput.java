package vn.vnn.kit.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import vn.vnn.kit.text.FreeText;
import vn.vnn.kit.text.TextInput;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.time.LocalDate;

/**
 * Limits on every JSON body a service reads, before any of it reaches a use case: nesting depth, the length of one
 * token and of a number, and the rule of {@link TextInput} for every string field (422 naming the field). The limits
 * are in the README; a body over them is a problem response, never a 500 or an exhausted heap.
 */
@Singleton
public class JsonInput implements ObjectMapperCustomizer {

    /** Deepest nesting of objects and arrays; the services' own bodies are at most four deep. */
    public static final int MAX_DEPTH = 32;
    /** Longest string token the parser buffers; longer fields are refused by {@link TextInput} anyway. */
    public static final int MAX_TOKEN_LENGTH = 200_000;
    /** Longest number literal (digits); 2^63 has 19. */
    public static final int MAX_NUMBER_LENGTH = 40;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxStringLength(MAX_TOKEN_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build());
        // 1.5 where a whole number is expected is a mistake, not something to round.
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        SimpleModule module = new SimpleModule("vnn-text-input");
        module.addDeserializer(String.class, new SafeString(false));
        module.addDeserializer(LocalDate.class, new SafeDate());
        // bodies taken as trees (e.g. DCI envelopes) get the same text rules as string fields, names included
        module.addDeserializer(JsonNode.class, new SafeTree<>(JsonNode.class));
        module.addDeserializer(ObjectNode.class, new SafeTree<>(ObjectNode.class));
        mapper.registerModule(module);
    }

    /** Applied after Quarkus's own modules (java.time among them), so that these deserializers win. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** A string field's value that {@link TextInput} refused; the mapper names the field from the path. */
    public static final class UnsafeText extends MismatchedInputException {
        public UnsafeText(JsonParser parser, String reason) {
            super(parser, reason, String.class);
        }

        /** The reason alone, without Jackson's location details. */
        public String reason() {
            return getOriginalMessage();
        }
    }

    /** {@code yyyy-MM-dd}, a real day of the calendar, within {@link Dates#EARLIEST}..{@link Dates#LATEST}. */
    static final class SafeDate extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            try {
                return Dates.parse(parser.getText());
            } catch (TextInput.Refused e) {
                throw new UnsafeText(parser, e.getMessage());
            }
        }
    }

    /**
     * A JSON tree whose every string and field name passes {@link TextInput} as free text (NFC, no control characters
     * but tab and newline, no lone surrogates, no NUL, which PostgreSQL cannot store): refused with the path of the
     * offending value, so that the problem names it as it names a string field.
     */
    static final class SafeTree<T extends JsonNode> extends JsonDeserializer<T> {

        private final Class<T> type;

        SafeTree(Class<T> type) {
            this.type = type;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = JsonNodeDeserializer.getDeserializer(type).deserialize(parser, context);
            List<Object> path = new ArrayList<>();
            try {
                return type.cast(clean(tree, path));
            } catch (TextInput.Refused e) {
                UnsafeText unsafe = new UnsafeText(parser, e.getMessage());
                for (int i = path.size() - 1; i >= 0; i--) {
                    if (path.get(i) instanceof Integer index) {
                        unsafe.prependPath(tree, index);
                    } else {
                        unsafe.prependPath(tree, (String) path.get(i));
                    }
                }
                throw unsafe;
            }
        }

        @Override
        public T getNullValue(DeserializationContext context) {
            return type.isInstance(NullNode.getInstance()) ? type.cast(NullNode.getInstance()) : null;
        }

        /** The node with its text accepted; {@code path} ends at the refused value when {@link TextInput} refuses. */
        private static JsonNode clean(JsonNode node, List<Object> path) {
            if (node.isTextual()) {
                String accepted = TextInput.accept(node.textValue(), true);
                return accepted.equals(node.textValue()) ? node : TextNode.valueOf(accepted);
            }
            if (node.isObject()) {
                ObjectNode cleaned = ((ObjectNode) node).objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    path.add(field.getKey());
                    String name = TextInput.accept(field.getKey(), false);
                    cleaned.set(name, clean(field.getValue(), path));
                    path.remove(path.size() - 1);
                }
                return cleaned;
            }
            if (node.isArray()) {
                ArrayNode cleaned = ((ArrayNode) node).arrayNode();
                for (int i = 0; i < node.size(); i++) {
                    path.add(i);
                    cleaned.add(clean(node.get(i), path));
                    path.remove(path.size() - 1);
                }
                return cleaned;
            }
            return node;
        }
    }

    static final class SafeString extends JsonDeserializer<String> implements ContextualDeserializer {

        private final boolean freeText;

        SafeString(boolean freeText) {
            this.freeText = freeText;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean free = property != null && property.getAnnotation(FreeText.class) != null;
            return free == freeText ? this : new SafeString(free);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_STRING) {
                try {
                    return TextInput.accept(parser.getText(), freeText);
                } catch (TextInput.Refused e) {
                    throw new UnsafeText(parser, e.getMessage());
                }
            }
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
                    || token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                return parser.getText();
            }
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
    }
}
