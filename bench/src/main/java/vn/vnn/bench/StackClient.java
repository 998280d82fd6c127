package vn.vnn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.vnn.localstack.Component;
import vn.vnn.localstack.LocalStack;
import vn.vnn.localstack.ProcessMemory;
import vn.vnn.localstack.StackConfig;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.EnumSet;

/** A fresh local stack for a benchmark, with real tokens of the demo accounts and its databases. */
final class StackClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final LocalStack stack;

    private StackClient(LocalStack stack) {
        this.stack = stack;
    }

    /** Starts every part in {@code bench/target/stack}, from scratch, with the demo accounts. */
    static StackClient start(boolean demoData) throws Exception {
        Path root = StackConfig.findRepoRoot(Path.of("").toAbsolutePath());
        StackConfig config = new StackConfig(root, root.resolve("bench/target/stack"), true, true, demoData,
                EnumSet.allOf(Component.class), StackConfig.SERVICE_DATABASES, StackConfig.Ports.allFree(),
                StackConfig.External.none(), "admin");
        System.out.println("Starting a fresh local stack ...");
        StackClient client = new StackClient(LocalStack.start(config));
        System.out.printf("Stack ready in %.1f s%n", client.stack.startupTime().toMillis() / 1000.0);
        return client;
    }

    /** One benchmark's run: what it measures on the stack, from the command line's arguments. */
    interface Benchmark {
        void run(StackClient client, String[] args) throws Exception;
    }

    /** Runs one benchmark alone on a fresh stack, then prints the stack's memory and the summary table. */
    static void runAlone(Benchmark benchmark, String[] args) throws Exception {
        try (StackClient client = start(false)) {
            benchmark.run(client, args);
            System.out.printf(java.util.Locale.ROOT, "%nMemory: whole stack RSS %d MB (PostgreSQL, Kafka, Keycloak, "
                    + "the services)%n", ProcessMemory.stackRssMegabytes(client.stack.config().dataDir()));
            Summary.print();
        }
    }

    String service(String module) {
        return stack.serviceUrl(module);
    }

    /** A fresh token of a demo user (password = username), so that long runs never outlive one. */
    String token(String user) throws Exception {
        String form = "grant_type=password&client_id=vnn-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(stack.realmUrl()
                        + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        return json(check(response, 200)).path("access_token").asText();
    }

    Connection database(String name) throws Exception {
        return DriverManager.getConnection(stack.jdbcUrl(name), stack.databaseUser(), stack.databasePassword());
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> check(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    static int option(String[] args, String name, int fallback) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return Integer.parseInt(arg.substring(name.length() + 1).replace("_", ""));
            }
        }
        return fallback;
    }

    @Override
    public void close() {
        stack.close();
    }
}
