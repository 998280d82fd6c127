package vn.vnn.localstack.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The drills' HTTP client: real Keycloak tokens of the demo accounts, JSON calls through the gateway. */
final class DrillClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String gateway;
    private final String realmUrl;

    DrillClient(String gateway, String realmUrl) {
        this.gateway = gateway;
        this.realmUrl = realmUrl;
    }

    /** A demo user's token (password = username); fails when Keycloak cannot issue one. */
    String login(String user) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(realmUrl
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=vnn-cli&username="
                        + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(user, StandardCharsets.UTF_8))).build());
        if (response.statusCode() != 200) {
            throw new IOException("login of " + user + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    HttpResponse<String> get(String token, String path) throws IOException {
        return send(request(token, path).GET().build());
    }

    HttpResponse<String> post(String token, String path, String idempotencyKey, Object body) throws IOException {
        HttpRequest.Builder request = request(token, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    /** A read for the checks: waited out while the gateway says to try again (429, 502–504), for up to a minute. */
    JsonNode read(String token, String path) throws IOException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            HttpResponse<String> response = get(token, path);
            int status = response.statusCode();
            boolean again = status == 429 || (status >= 502 && status <= 504);
            if (!again || System.nanoTime() > deadline) {
                return json(response, 200);
            }
            DonationLoad.sleep(1000);
        }
    }

    JsonNode json(HttpResponse<String> response, int expected) throws IOException {
        if (response.statusCode() != expected) {
            throw new IOException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String token, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : gateway + path))
                .timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
