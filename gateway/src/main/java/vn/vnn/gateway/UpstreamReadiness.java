package vn.vnn.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The gateway can do its job while at least one service it routes to answers: a service that is down makes only its
 * routes answer 503 (with Retry-After), so the gateway stays ready and names the degraded routes in the details.
 */
@Readiness
@ApplicationScoped
public class UpstreamReadiness implements HealthCheck {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final GatewayConfig config;

    UpstreamReadiness(GatewayConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstream services");
        java.util.List<String> down = new java.util.ArrayList<>();
        config.routes().forEach((name, route) -> {
            boolean up = isUp(route.url() + "/q/health/live");
            builder.withData(name, up ? "UP" : "DOWN");
            if (!up) {
                down.add(name);
            }
        });
        builder.withData("degraded", String.join(",", down));
        return builder.status(down.size() < config.routes().size()).build();
    }

    private static boolean isUp(String url) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
