package vn.vnn.localstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sends seeded, mutated requests built from a running service's own OpenAPI document and collects every answer
 * that is the server's fault: a 5xx, a dropped connection or no answer in time. Each request is derived from
 * {@code seed} and its number only, so a failure printed as "seed S #n" is sent again by running with the same seed.
 *
 * <p>Every operation is visited in turn. About a third of the requests are valid as the schema describes them (so
 * that the deeper rules run too, and ids the service hands out are harvested for later paths); the rest break one
 * thing: a hostile string or number in a field, a parameter or a path segment, a header of odd shape, a body that is
 * empty, truncated, not UTF-8, deeply nested or huge.
 */
public final class ApiFuzzer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** Strings a careless or hostile client sends: control characters, lone surrogates, bidi marks, injections. */
    static final List<String> HOSTILE_STRINGS = List.of("", " ", "\u0000", "a\u0000b", "x\u0001y", "\u0007",
            "line\nbreak", "tab\there", "\r\n", "\u0085next", "\u009b", "\ud800", "a\udc00b", "\u202eabc",
            "\u200f\u200e", "\ufeff", "\uffff", "😀", "Nguye\u0302\u0303n Va\u0306n A", "' OR 1=1 --",
            "\"; DROP TABLE x; --", "../../etc/passwd", "%00", "=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(A1)",
            "null", "true", "[]", "{}", "0", "-0", "1e400", "NaN", "<script>alert(1)</script>", "${jndi:x}",
            "x".repeat(300), "Đ".repeat(5000), "y".repeat(70_000));
    static final List<String> HOSTILE_NUMBERS = List.of("9223372036854775808", "-9223372036854775809",
            "9223372036854775807", "-9223372036854775808", "2147483648", "-2147483649", "1e308", "-1e308", "1e-400",
            "1.5", "0.0000001", "-1", "0", "\"12\"", "\"abc\"", "true", "null", "[]", "{}",
            "123456789012345678901234567890123456789012345678901234567890");
    static final List<String> HOSTILE_DATES = List.of("0000-01-01", "9999-12-31", "2025-02-30", "2025-13-01",
            "2025-00-10", "-000001-01-01", "+999999999-12-31", "2025-1-1", "01/02/2025", "", "2025-02-29",
            "2024-02-29T25:61:00Z", "1899-12-31");
    private static final List<String> HOSTILE_SEGMENTS = List.of("%00", "%C0%AF", "%ED%A0%80", "%E2%80%AE", "..",
            "%2e%2e", "-1", "0", "9223372036854775808", "1e308", "null", "%20", "a%0Ab", "%FF%FE", "%25",
            "x".repeat(5000), UUID.randomUUID().toString().toUpperCase(), "00000000-0000-0000-0000-000000000000",
            "not-a-uuid", "%F0%9F%98%80", "%22%3E%3Cscript%3E");
    private static final List<String> LANGUAGES = List.of("vi", "en", "vi-VN,vi;q=0.9,en;q=0.8", "*", "",
            "xx-INVALID-TAG-@@", ";;;", "vi;q=abc", "en;q=2", "q=0.5", "-", "zh-Hant-TW", ",,,",
            "vi;q=0.5;q=0.6", "a".repeat(9000), "en-US;q=", "de;q=1.0000001");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "text/plain", "",
            "application/json; charset=ISO-8859-1", "application/json; charset=nope", "application/xml",
            "multipart/form-data", "multipart/form-data; boundary=", "application/x-www-form-urlencoded",
            "*/*", "application/json;;;", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml"
                    + ".sheet", "invalid", "application/json; charset=UTF-8; x=\"unterminated");
    private static final List<String> ACCEPTS = List.of("*/*", "application/json", "application/problem+json",
            "text/html", "application/xml", "", "invalid", "application/pdf", "text/csv;q=abc", "*/*;q=0",
            "image/*", "application/json;q=0.1, text/plain;q=0.9");

    private final URI base;
    private final long seed;
    private final List<String> tokens = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, List<String>> harvested = new ConcurrentHashMap<>();
    private final Map<String, String> fixedValues = new LinkedHashMap<>();
    private final Map<String, String> onlyValues = new LinkedHashMap<>();
    private JsonNode document;
    private List<Operation> operations;

    public ApiFuzzer(String baseUrl, long seed) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        this.seed = seed;
    }

    /** Bearer tokens to send; most requests carry one of them (so that they reach the rules), some none or junk. */
    public ApiFuzzer tokens(List<String> bearerTokens) {
        tokens.addAll(bearerTokens);
        return this;
    }

    /** Known good values for parameters or fields of this name (e.g. an area code the tokens reach). */
    public ApiFuzzer value(String name, String value) {
        fixedValues.put(name, value);
        harvested.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>()).add(value);
        return this;
    }

    /**
     * The one well-formed value for parameters or fields of this name (hostile ones are still sent): for values that
     * change shared state other tests rely on, e.g. the date a new base salary takes effect.
     */
    public ApiFuzzer only(String name, String value) {
        onlyValues.put(name, value);
        return this;
    }

    /** The seed from {@code -Dvnn.fuzz.seed}, or this default: a run is reproducible from the seed it printed. */
    public static long seedOr(long fallback) {
        String configured = System.getProperty("vnn.fuzz.seed");
        return configured == null || configured.isBlank() ? fallback : Long.parseLong(configured.trim());
    }

    public List<Operation> operations() {
        load();
        return operations;
    }

    /** Sends {@code count} requests (at least one valid one per operation first) and reports what came back. */
    public Report run(int count) {
        load();
        Report report = new Report(seed);
        for (int i = 0; i < operations.size(); i++) {
            send(report, i, build(i, true));
        }
        for (int i = operations.size(); i < count; i++) {
            send(report, i, build(i, false));
        }
        return report;
    }

    // ---- the document

    public record Param(String name, String in, JsonNode schema, boolean required) {
    }

    public record Operation(String method, String path, List<Param> params, String bodyType, JsonNode bodySchema) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private void load() {
        if (operations != null) {
            return;
        }
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            document = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("could not read the OpenAPI document of " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<Operation> found = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                List<Param> params = new ArrayList<>();
                for (JsonNode p : concat(path.getValue().path("parameters"), op.path("parameters"))) {
                    JsonNode resolved = resolve(p);
                    params.add(new Param(resolved.path("name").asText(), resolved.path("in").asText(),
                            resolve(resolved.path("schema")), resolved.path("required").asBoolean(false)));
                }
                String bodyType = null;
                JsonNode bodySchema = null;
                Iterator<Map.Entry<String, JsonNode>> content = resolve(op.path("requestBody")).path("content")
                        .fields();
                if (content.hasNext()) {
                    Map.Entry<String, JsonNode> first = content.next();
                    bodyType = first.getKey();
                    bodySchema = resolve(first.getValue().path("schema"));
                }
                found.add(new Operation(method, path.getKey(), params, bodyType, bodySchema));
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("the OpenAPI document of " + base + " has no /api operation");
        }
        operations = List.copyOf(found);
    }

    private static List<JsonNode> concat(JsonNode a, JsonNode b) {
        List<JsonNode> all = new ArrayList<>();
        a.forEach(all::add);
        b.forEach(all::add);
        return all;
    }

    private JsonNode resolve(JsonNode node) {
        for (int i = 0; i < 20 && node != null && node.has("$ref"); i++) {
            String ref = node.get("$ref").asText();
            node = document.at(ref.substring(1));
        }
        return node == null ? NODES.missingNode() : node;
    }

    // ---- building requests

    /** One request, as sent; {@link #toString()} prints it so that a failure can be reproduced by hand. */
    public record Sent(int number, String method, String uri, Map<String, String> headers, byte[] body) {
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("#").append(number).append(' ').append(method.toUpperCase())
                    .append(' ').append(abbreviate(uri, 400));
            headers.forEach((k, v) -> out.append("\n  ").append(k).append(": ").append(abbreviate(v, 200)));
            if (body != null) {
                out.append("\n  body (").append(body.length).append(" bytes): ")
                        .append(abbreviate(new String(body, StandardCharsets.UTF_8), 600));
            }
            return out.toString();
        }
    }

    Sent build(int number, boolean valid) {
        Random random = new Random(seed * 1_000_003L + number);
        Operation op = operations.get(number % operations.size());
        boolean breakPath = !valid && random.nextInt(6) == 0;
        boolean breakQuery = !valid && random.nextInt(4) == 0;
        boolean breakHeaders = !valid && random.nextInt(4) == 0;
        boolean breakBody = !valid && op.bodyType() != null && !breakPath && !breakQuery && !breakHeaders
                || !valid && random.nextInt(8) == 0;
        String path = op.path();
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new TreeMap<>();
        for (Param p : op.params()) {
            switch (p.in()) {
                case "path" -> path = path.replace("{" + p.name() + "}", breakPath && random.nextBoolean()
                        ? pick(random, HOSTILE_SEGMENTS) : encode(valueFor(random, p.name(), p.schema())));
                case "query" -> {
                    if (p.required() || random.nextInt(3) > 0) {
                        String value = breakQuery && random.nextBoolean() ? hostileScalar(random, p.schema())
                                : valueFor(random, p.name(), p.schema());
                        query.append(query.length() == 0 ? '?' : '&').append(encode(p.name())).append('=')
                                .append(encode(value));
                    }
                }
                case "header" -> {
                    if (p.required() || random.nextBoolean()) {
                        headers.put(p.name(), breakHeaders && random.nextBoolean() ? pick(random, HOSTILE_STRINGS)
                                : valueFor(random, p.name(), p.schema()));
                    }
                }
                default -> {
                }
            }
        }
        if (breakPath && path.equals(op.path())) {
            path = path + "/" + pick(random, HOSTILE_SEGMENTS);
        }
        if (breakQuery && random.nextInt(3) == 0) {
            query.append(query.length() == 0 ? '?' : '&').append(pick(random, List.of("page=-1", "size=100000000",
                    "page=9223372036854775808", "size=abc", "from=0000-01-01&to=9999-12-31", "%zz=1", "a=%00",
                    "cursor=%ED%A0%80", "q=" + "x".repeat(10_000), "sort=;drop", "x&&&y==")));
        }
        int auth = random.nextInt(20);
        if (!tokens.isEmpty() && auth > 2) {
            headers.put("Authorization", "Bearer " + tokens.get(random.nextInt(tokens.size())));
        } else if (auth == 1) {
            headers.put("Authorization", pick(random, List.of("Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=",
                    "Bearer a.b.c", "Bearer " + "x".repeat(9000), "bearer \u00e9", "Bearer e30.e30.", "Digest x")));
        }
        headers.put("Accept-Language", pick(random, breakHeaders ? LANGUAGES : List.of("vi", "en", "vi-VN")));
        if (breakHeaders) {
            headers.put("Accept", pick(random, ACCEPTS));
            headers.put("X-Request-Id", pick(random, List.of("", "x".repeat(5000), "abc", "ü", "\t", "a b c",
                    "00000000-0000-0000-0000-000000000000")));
            headers.put("traceparent", pick(random, List.of("", "00-zz-zz-01", "ff-" + "0".repeat(32) + "-"
                    + "0".repeat(16) + "-00", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "x".repeat(3000),
                    "00-4bf92f3577b34da6a3ce929d0e0e4736")));
            headers.put("Idempotency-Key", pick(random, List.of("", " ", "x".repeat(5000), "ý", "a/b", "key",
                    UUID.randomUUID().toString())));
        } else if (op.bodyType() != null && !headers.containsKey("Idempotency-Key")) {
            headers.put("Idempotency-Key", new UUID(random.nextLong(), random.nextLong()).toString());
        }
        byte[] body = null;
        if (op.bodyType() != null) {
            headers.put("Content-Type", breakHeaders && random.nextBoolean() ? pick(random, CONTENT_TYPES)
                    : op.bodyType());
            body = breakBody ? brokenBody(random, op) : validBody(random, op);
        }
        return new Sent(number, op.method(), base + path + query, headers, body);
    }

    private byte[] validBody(Random random, Operation op) {
        if (op.bodyType().contains("json")) {
            return write(generate(random, "body", op.bodySchema(), 0));
        }
        if (op.bodyType().contains("csv") || op.bodyType().startsWith("text/")) {
            return ("household_ref,full_name\nR1,Nguyễn Văn A\n").getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] brokenBody(Random random, Operation op) {
        switch (random.nextInt(14)) {
            case 0:
                return new byte[0];
            case 1: {
                byte[] whole = validBody(random, op);
                return java.util.Arrays.copyOf(whole, whole.length / 2);
            }
            case 2:
                return new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
            case 3:
                return ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.US_ASCII);
            case 4:
                return ("{\"a\":".repeat(3000) + "1" + "}".repeat(3000)).getBytes(StandardCharsets.US_ASCII);
            case 5: {
                StringBuilder array = new StringBuilder("[");
                for (int i = 0; i < 300_000; i++) {
                    array.append(i == 0 ? "" : ",").append('1');
                }
                return array.append(']').toString().getBytes(StandardCharsets.US_ASCII);
            }
            case 6:
                return pick(random, List.of("null", "[]", "\"text\"", "42", "true", "{", "}", "{}}", "{\"a\":}"))
                        .getBytes(StandardCharsets.UTF_8);
            case 7: {
                byte[] bytes = new byte[random.nextInt(2000) + 1];
                random.nextBytes(bytes);
                return bytes;
            }
            default: {
                if (op.bodySchema() == null || !op.bodyType().contains("json")) {
                    byte[] bytes = new byte[random.nextInt(5000)];
                    random.nextBytes(bytes);
                    return bytes;
                }
                // Valid except one field: a hostile value, the wrong type, or a field gone or added.
                JsonNode body = generate(random, "body", op.bodySchema(), 0);
                String text = new String(write(mutate(random, body, op.bodySchema())), StandardCharsets.UTF_8);
                if (random.nextInt(6) == 0) {
                    text = text.replaceFirst(":\"", ":\"" + pick(random, List.of("\\u0000", "\\ud800", "\\udc00x",
                            "\\u001f", "\\u0085", "\\u202e")));
                }
                if (random.nextInt(8) == 0) {
                    text = text.replaceFirst(":\"", ":\"" + "z".repeat(2_100_000));
                }
                return text.getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private JsonNode mutate(Random random, JsonNode body, JsonNode schema) {
        if (!(body instanceof ObjectNode object) || object.isEmpty()) {
            return hostileNode(random, schema);
        }
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String name = pick(random, names);
        JsonNode fieldSchema = resolve(resolve(schema).path("properties").path(name));
        switch (random.nextInt(5)) {
            case 0 -> object.remove(name);
            case 1 -> object.put("unexpected" + random.nextInt(3), pick(random, HOSTILE_STRINGS));
            case 2 -> object.set(name, mutate(random, object.get(name), fieldSchema));
            default -> object.set(name, hostileNode(random, fieldSchema));
        }
        return object;
    }

    private JsonNode hostileNode(Random random, JsonNode schema) {
        String type = typeOf(schema);
        if (type.equals("array") && random.nextBoolean()) {
            ArrayNode array = NODES.arrayNode();
            int size = pick(random, List.of(0, 1, 1000, 20_000));
            JsonNode item = generate(random, "item", resolve(schema.path("items")), 1);
            for (int i = 0; i < size; i++) {
                array.add(item);
            }
            return array;
        }
        return rawJson(hostileScalar(random, schema), random);
    }

    private static JsonNode rawJson(String value, Random random) {
        if (random.nextBoolean()) {
            try {
                return JSON.readTree(value);
            } catch (IOException e) {
                // not JSON by itself: send it as a string
            }
        }
        return NODES.textNode(value);
    }

    private String hostileScalar(Random random, JsonNode schema) {
        String type = typeOf(schema);
        String format = resolve(schema).path("format").asText("");
        if ((type.equals("integer") || type.equals("number")) && random.nextInt(4) > 0) {
            return pick(random, HOSTILE_NUMBERS).replace("\"", "");
        }
        if (format.startsWith("date") && random.nextInt(4) > 0) {
            return pick(random, HOSTILE_DATES);
        }
        return pick(random, HOSTILE_STRINGS);
    }

    private String typeOf(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        String type = resolved.path("type").asText("");
        if (type.isEmpty() && resolved.has("properties")) {
            return "object";
        }
        if (type.isEmpty() && resolved.has("allOf")) {
            return typeOf(resolved.get("allOf").get(0));
        }
        return type;
    }

    JsonNode generate(Random random, String name, JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("allOf") && s.get("allOf").size() > 0) {
            s = resolve(s.get("allOf").get(0));
        }
        if (s.has("oneOf") || s.has("anyOf")) {
            JsonNode options = s.has("oneOf") ? s.get("oneOf") : s.get("anyOf");
            s = resolve(options.get(random.nextInt(options.size())));
        }
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(random.nextInt(s.get("enum").size()));
        }
        switch (typeOf(s)) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                if (depth > 4) {
                    return object;
                }
                List<String> required = new ArrayList<>();
                s.path("required").forEach(r -> required.add(r.asText()));
                s.path("properties").fields().forEachRemaining(property -> {
                    if (required.contains(property.getKey()) || random.nextInt(10) < 7) {
                        object.set(property.getKey(), generate(random, property.getKey(), property.getValue(),
                                depth + 1));
                    }
                });
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                int size = depth > 4 ? 0 : random.nextInt(3) + s.path("minItems").asInt(0);
                for (int i = 0; i < size; i++) {
                    array.add(generate(random, name, s.path("items"), depth + 1));
                }
                return array;
            }
            case "integer":
            case "number": {
                long min = s.has("minimum") ? s.get("minimum").asLong() : 0;
                long max = s.has("maximum") ? s.get("maximum").asLong() : min + 1_000_000;
                if (name.toLowerCase().contains("year")) {
                    return NODES.numberNode(2020 + random.nextInt(7));
                }
                return NODES.numberNode(min + (long) (random.nextDouble() * Math.max(1, Math.min(max - min, 10_000_000))));
            }
            case "boolean":
                return NODES.booleanNode(random.nextBoolean());
            default:
                return NODES.textNode(valueFor(random, name, s));
        }
    }

    private String valueFor(Random random, String name, JsonNode schema) {
        if (onlyValues.containsKey(name)) {
            return onlyValues.get(name);
        }
        List<String> known = harvested.get(name);
        if (fixedValues.containsKey(name) && random.nextInt(3) > 0) {
            return fixedValues.get(name);
        }
        if (known != null && !known.isEmpty() && random.nextInt(4) > 0) {
            return known.get(random.nextInt(known.size()));
        }
        JsonNode s = resolve(schema);
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(random.nextInt(s.get("enum").size())).asText();
        }
        String format = s.path("format").asText("");
        String type = typeOf(s);
        if (format.equals("uuid") || name.equals("id") || name.endsWith("Id")) {
            List<String> ids = harvested.getOrDefault(name.equals("id") ? "id" : name, harvested.get("id"));
            return ids != null && !ids.isEmpty() && random.nextBoolean() ? ids.get(random.nextInt(ids.size()))
                    : new UUID(random.nextLong(), random.nextLong()).toString();
        }
        if (format.equals("date")) {
            return LocalDate.of(2022 + random.nextInt(5), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString();
        }
        if (format.equals("date-time")) {
            return "2025-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T10:00:00Z";
        }
        if (type.equals("integer") || type.equals("number")) {
            long min = s.has("minimum") ? s.get("minimum").asLong() : 0;
            return Long.toString(name.toLowerCase().contains("year") ? 2020 + random.nextInt(7)
                    : min + random.nextInt(100));
        }
        if (type.equals("boolean")) {
            return Boolean.toString(random.nextBoolean());
        }
        String sample = pick(random, List.of("Nguyễn Thị Hoà", "Xã Minh Hoạ", "99111", "99", "VN", "Q99", "ghi chú",
                "0912345678", "001085012345", "HH-" + random.nextInt(1000), "Quỹ Vì người nghèo"));
        int maxLength = s.path("maxLength").asInt(Integer.MAX_VALUE);
        return sample.length() > maxLength ? sample.substring(0, maxLength) : sample;
    }

    // ---- sending

    private void send(Report report, int number, Sent sent) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(sent.uri())).timeout(Duration.ofSeconds(20));
        } catch (IllegalArgumentException e) {
            report.skipped++;
            return;
        }
        HttpRequest.BodyPublisher publisher = sent.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(sent.body());
        request.method(sent.method().toUpperCase(), publisher);
        Map<String, String> headers = new LinkedHashMap<>();
        sent.headers().forEach((k, v) -> {
            try {
                request.header(k, v);
                headers.put(k, v);
            } catch (IllegalArgumentException e) {
                // a value no HTTP client can put on the wire (e.g. a control character): not sent
            }
        });
        Sent actual = new Sent(sent.number(), sent.method(), sent.uri(), headers, sent.body());
        try {
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException stale) {
                // A kept-alive connection the server had closed after its previous answer is the client pool's
                // race, not this request's fault: sent once more on a new connection, a second failure counts.
                report.resent++;
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            }
            report.count(response.statusCode());
            if (response.statusCode() >= 500) {
                report.failures.add(new Failure(actual, response.statusCode() + " "
                        + abbreviate(new String(response.body(), StandardCharsets.UTF_8), 500)));
            } else if (response.statusCode() < 300) {
                harvest(response);
            }
        } catch (IOException e) {
            if (sent.uri().length() > LONGEST_REQUEST_LINE && sent.body() != null) {
                // The server refuses an over-long request line at once (414) and closes the connection; a client
                // still writing a body may not read that answer. Counted apart, never as a server failure.
                report.closedEarly++;
            } else {
                report.failures.add(new Failure(actual, "no answer: " + e));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        report.sent++;
    }

    private void harvest(HttpResponse<byte[]> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.contains("json") || response.body().length > 1_000_000) {
            return;
        }
        try {
            harvestNode(JSON.readTree(response.body()), 0);
        } catch (IOException e) {
            // not JSON after all
        }
    }

    private void harvestNode(JsonNode node, int depth) {
        if (depth > 6 || node == null) {
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < Math.min(node.size(), 5); i++) {
                harvestNode(node.get(i), depth + 1);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String key = field.getKey();
                if (field.getValue().isValueNode() && (key.equals("id") || key.endsWith("Id") || key.equals("code")
                        || key.endsWith("Code") || key.endsWith("Ref") || key.equals("year"))) {
                    List<String> values = harvested.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
                    if (values.size() < 50) {
                        values.add(field.getValue().asText());
                    }
                } else {
                    harvestNode(field.getValue(), depth + 1);
                }
            });
        }
    }

    // ---- helpers

    private static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T pick(Random random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** Percent-encodes as a careful client would (lone surrogates become the bytes of U+FFFD). */
    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text, int max) {
        String visible = text.replaceAll("\\p{Cntrl}", "?");
        return visible.length() <= max ? visible : visible.substring(0, max) + "… (" + text.length() + " chars)";
    }

    public record Failure(Sent request, String outcome) {
        @Override
        public String toString() {
            return outcome + "\n" + request;
        }
    }

    /** The request line the services accept (Vert.x's default); longer ones are answered 414 and closed. */
    private static final int LONGEST_REQUEST_LINE = 4096;

    public static final class Report {
        private int closedEarly;
        private final long seed;
        private final List<Failure> failures = new ArrayList<>();
        private final Map<Integer, Integer> statuses = new TreeMap<>();
        private int sent;
        private int skipped;
        private int resent;

        Report(long seed) {
            this.seed = seed;
        }

        void count(int status) {
            statuses.merge(status, 1, Integer::sum);
        }

        public List<Failure> failures() {
            return failures;
        }

        public int sent() {
            return sent;
        }

        public Map<Integer, Integer> statuses() {
            return statuses;
        }

        /**
         * Prints the summary and fails (AssertionError) on any server failure, or when fewer than
         * {@code minimumSent} requests could be sent at all.
         */
        public void requireNoServerFailures(int minimumSent) {
            String description = describe();
            System.out.println(description);
            if (!failures.isEmpty() || sent < minimumSent) {
                throw new AssertionError(sent < minimumSent ? "only " + sent + " requests could be sent, "
                        + minimumSent + " expected\n" + description : description);
            }
        }

        /** A summary line, then every failure with the request that caused it. */
        public String describe() {
            StringBuilder out = new StringBuilder("fuzz seed ").append(seed).append(": ").append(sent)
                    .append(" requests sent, ").append(skipped).append(" not sendable, ").append(resent).append(" sent again after a closed connection, ").append(closedEarly)
                    .append(" over-long request lines closed before their 414 was read, answers ").append(statuses)
                    .append(", ").append(failures.size()).append(" server failures");
            for (Failure failure : failures) {
                out.append("\n\n").append(failure);
            }
            return out.toString();
        }
    }
}
