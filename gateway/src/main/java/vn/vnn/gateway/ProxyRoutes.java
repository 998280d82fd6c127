package vn.vnn.gateway;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.Map;

/**
 * Mounts the routing table on Quarkus's router: {@code /api/...} prefixes to their service, and each service's
 * OpenAPI document at {@code /openapi/<service>} for the one Swagger UI.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    private final GatewayConfig config;
    private final Vertx vertx;

    ProxyRoutes(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    void mount(@Observes Router router) {
        router.route().order(-200).failureHandler(ProxyRoutes::failure);
        router.route().order(-100).handler(ctx -> {
            String id = RequestIds.of(ctx);
            ctx.request().headers().set(RequestIds.HEADER, id);
            // Set once at the end: a proxied response already carries the service's copy of the same id.
            ctx.addHeadersEndHandler(v -> ctx.response().headers().set(RequestIds.HEADER, id));
            ctx.next();
        });
        // The edge check: an API call needs a valid token (a bad one already failed authentication).
        router.route("/api/*").order(-90).handler(ctx -> {
            if (config.publicPrefixes().stream().anyMatch(prefix -> ctx.normalizedPath().equals(prefix)
                    || ctx.normalizedPath().startsWith(prefix + "/"))) {
                ctx.next();
            } else if (ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
                ctx.next();
            } else {
                Problems.send(ctx, 401, "unauthorized", "Authentication is required",
                        "A valid bearer token is required");
            }
        });
        for (Map.Entry<String, GatewayConfig.Route> entry : config.routes().entrySet()) {
            URI upstream = URI.create(entry.getValue().url());
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setDefaultHost(upstream.getHost())
                    .setDefaultPort(upstream.getPort() > 0 ? upstream.getPort() : 80)
                    .setConnectTimeout(5_000)
                    .setIdleTimeout((int) config.requestTimeout().toSeconds()));
            HttpProxy api = HttpProxy.reverseProxy(client).origin(upstream.getPort(), upstream.getHost());
            api.addInterceptor(new Forwarded());
            for (String prefix : entry.getValue().prefixes()) {
                router.route(prefix).handler(ProxyHandler.create(api));
                router.route(prefix + "/*").handler(ProxyHandler.create(api));
            }
            HttpProxy openApi = HttpProxy.reverseProxy(client).origin(upstream.getPort(), upstream.getHost());
            openApi.addInterceptor(new OpenApiDocument());
            router.route("/openapi/" + entry.getKey()).handler(ProxyHandler.create(openApi));
            LOG.infof("Route %s %s -> %s", entry.getKey(), entry.getValue().prefixes(), upstream);
        }
        router.route("/api/*").order(Integer.MAX_VALUE - 1)
                .handler(ctx -> Problems.send(ctx, 404, "not-found", "Not found", "No API at this path"));
    }

    /** Failures before a request reaches a service (no token, bad token, no route) as problem responses. */
    static void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status = ctx.statusCode();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || status == 401) {
            Problems.send(ctx, 401, "unauthorized", "Authentication is required", "A valid bearer token is required");
        } else if (failure instanceof ForbiddenException || status == 403) {
            Problems.send(ctx, 403, "forbidden", "You are not allowed to do this",
                    "Your roles do not allow this operation");
        } else if (status == 404) {
            Problems.send(ctx, 404, "not-found", "Not found", "No API at this path");
        } else {
            LOG.errorf(failure, "Gateway failure in request %s", RequestIds.of(ctx));
            Problems.send(ctx, status >= 400 && status < 600 ? status : 502, "bad-gateway", "Bad gateway",
                    "The request could not be passed on; quote traceId when reporting it");
        }
    }

    /** Passes the request id and the original host and scheme to the service. */
    private static final class Forwarded implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            var request = context.request();
            var original = request.proxiedRequest();
            request.headers().set("X-Forwarded-Host", String.valueOf(original.authority()));
            request.headers().set("X-Forwarded-Proto", original.scheme());
            return context.sendRequest();
        }
    }

    /** {@code /openapi/<service>} is the service's {@code /q/openapi}, as JSON. */
    private static final class OpenApiDocument implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            context.request().setURI("/q/openapi?format=json");
            context.request().headers().remove("Authorization");
            return context.sendRequest();
        }
    }
}
