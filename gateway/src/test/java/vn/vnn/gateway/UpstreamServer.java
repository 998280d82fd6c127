package vn.vnn.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for the services: it echoes what reached it, so tests see what the gateway passed
 * on. It is an upstream, not a mock: the gateway talks to it over TCP like to any service.
 */
public class UpstreamServer implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            server = vertx.createHttpServer().requestHandler(request -> {
                if (request.path().equals("/q/health/live")) {
                    request.response().end("{\"status\":\"UP\"}");
                    return;
                }
                if (request.path().equals("/q/openapi")) {
                    request.response().putHeader("Content-Type", "application/json")
                            .end("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"upstream\"}}");
                    return;
                }
                if (request.path().startsWith("/api/v1/slow") || request.path().endsWith("/slow")) {
                    vertx.setTimer(2_000, t -> request.response().end("{\"late\":true}"));
                    return;
                }
                request.body().onSuccess(body -> {
                    JsonObject echo = new JsonObject()
                            .put("method", request.method().name())
                            .put("path", request.path())
                            .put("query", request.query())
                            .put("requestId", request.getHeader("X-Request-Id"))
                            .put("traceparent", request.getHeader("traceparent"))
                            .put("authorization", request.getHeader("Authorization") != null)
                            .put("forwardedHost", request.getHeader("X-Forwarded-Host"))
                            .put("forwardedFor", request.getHeader("X-Forwarded-For"))
                            .put("bodyLength", body.length());
                    request.response().putHeader("Content-Type", "application/json").end(echo.encode());
                });
            }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        FLAKY_PORT = freePort();
        return Map.of("upstream.port", String.valueOf(server.actualPort()), "flaky.port",
                String.valueOf(FLAKY_PORT));
    }

    /** A port where a "service" is down until {@link #startFlaky} brings it up. */
    static int FLAKY_PORT;
    private static HttpServer flaky;

    static synchronized void startFlaky() throws Exception {
        if (flaky == null) {
            flaky = Vertx.vertx().createHttpServer()
                    .requestHandler(request -> request.response().putHeader("Content-Type", "application/json")
                            .end("{\"back\":true}"))
                    .listen(FLAKY_PORT, "127.0.0.1").toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (flaky != null) {
            flaky.close();
        }
        if (vertx != null) {
            vertx.close();
        }
    }
}
