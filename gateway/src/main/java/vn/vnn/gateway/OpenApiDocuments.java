package vn.vnn.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.List;

/**
 * Each service's OpenAPI document as the gateway serves it ({@code /openapi/<service>}, JSON, for the one Swagger UI
 * and for client generation), and an index of them at {@code /openapi}. The gateway's version of a document is
 * called at the gateway ({@code servers: /}) and offers a Keycloak login (OAuth2 authorization code with PKCE, the
 * public client {@code vnn-web}) beside a pasted bearer token.
 */
@ApplicationScoped
public class OpenApiDocuments {

    static final String LOGIN_SCHEME = "keycloak";

    private final WebClient client;
    private final String realmUrl;

    OpenApiDocuments(Vertx vertx, GatewayConfig config) {
        this.client = WebClient.create(vertx);
        String realmUrl = config.oidcPublicUrl();
        this.realmUrl = realmUrl.endsWith("/") ? realmUrl.substring(0, realmUrl.length() - 1) : realmUrl;
    }

    void serve(RoutingContext ctx, UpstreamProxy service) {
        URI upstream = service.upstream();
        client.request(HttpMethod.GET, upstream.getPort(), upstream.getHost(), "/q/openapi?format=json")
                .timeout(10_000)
                .send()
                .onSuccess(response -> {
                    if (response.statusCode() != 200) {
                        Problems.send(ctx, 502, "bad-gateway", "Bad gateway",
                                "The " + service.name() + " service gave no API document");
                        return;
                    }
                    JsonObject document = response.bodyAsJsonObject();
                    ctx.response().putHeader("Content-Type", "application/json")
                            .end(forTheGateway(document).encode());
                })
                .onFailure(failure -> Problems.send(ctx, 503, "service-unavailable", "Service unavailable",
                        "The " + service.name() + " service cannot be reached; its API document neither"));
    }

    void index(RoutingContext ctx, List<UpstreamProxy> services) {
        JsonArray list = new JsonArray();
        services.forEach(s -> list.add(new JsonObject().put("name", s.name()).put("url", "/openapi/" + s.name())));
        ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("documents", list)
                .encode());
    }

    /** Calls go to the gateway; every operation that takes a bearer token also takes a Keycloak login. */
    JsonObject forTheGateway(JsonObject document) {
        document.put("servers", new JsonArray().add(new JsonObject().put("url", "/")
                .put("description", "the gateway")));
        JsonObject schemes = document.getJsonObject("components", new JsonObject())
                .getJsonObject("securitySchemes", new JsonObject());
        schemes.put(LOGIN_SCHEME, new JsonObject()
                .put("type", "oauth2")
                .put("description", "Log in with your Keycloak account (authorization code with PKCE, client vnn-web)")
                .put("flows", new JsonObject().put("authorizationCode", new JsonObject()
                        .put("authorizationUrl", realmUrl + "/protocol/openid-connect/auth")
                        .put("tokenUrl", realmUrl + "/protocol/openid-connect/token")
                        .put("scopes", new JsonObject().put("openid", "OpenID Connect")))));
        JsonObject components = document.getJsonObject("components", new JsonObject());
        components.put("securitySchemes", schemes);
        document.put("components", components);
        if (document.containsKey("security")) {
            document.put("security", withLogin(document.getJsonArray("security")));
        }
        JsonObject paths = document.getJsonObject("paths", new JsonObject());
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (item.getValue(method) instanceof JsonObject operation && operation.containsKey("security")) {
                    operation.put("security", withLogin(operation.getJsonArray("security")));
                }
            }
        }
        return document;
    }

    /** A requirement list where each bearer alternative gets a Keycloak-login alternative with the same scopes. */
    private static JsonArray withLogin(JsonArray requirements) {
        if (requirements == null || requirements.isEmpty()) {
            return requirements;
        }
        JsonArray result = requirements.copy();
        for (Object requirement : requirements) {
            if (requirement instanceof JsonObject alternative && !alternative.isEmpty()
                    && !alternative.containsKey(LOGIN_SCHEME)) {
                result.add(new JsonObject().put(LOGIN_SCHEME, new JsonArray()));
                break;
            }
        }
        return result;
    }

    /** The Swagger UI's own scripts and styles, and its calls to the gateway and to Keycloak's token endpoint. */
    String swaggerUiPolicy() {
        URI realm = URI.create(realmUrl);
        String keycloak = realm.getScheme() + "://" + realm.getAuthority();
        return "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; connect-src 'self' " + keycloak + "; form-action 'self' " + keycloak
                + "; frame-ancestors 'none'";
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
