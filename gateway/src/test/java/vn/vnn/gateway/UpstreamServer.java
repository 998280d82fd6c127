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
                JsonObject echo = new JsonObject()
                        .put("path", request.path())
                        .put("query", request.query())
                        .put("requestId", request.getHeader("X-Request-Id"))
                        .put("authorization", request.getHeader("Authorization") != null)
                        .put("forwardedHost", request.getHeader("X-Forwarded-Host"));
                request.response().putHeader("Content-Type", "application/json").end(echo.encode());
            }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("upstream.port", String.valueOf(server.actualPort()));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
