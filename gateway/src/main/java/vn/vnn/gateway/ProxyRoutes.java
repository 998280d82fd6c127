package vn.vnn.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Mounts the edge on Quarkus's router, in this order: request id and trace context (kept or created, logged, passed
 * on, returned) and security headers; the token check for {@code /api/*} outside the public prefixes; the rate limit;
 * then the routing table ({@code /api/...} prefixes to their service) and each service's OpenAPI document.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    /** The donors' pages: their own style sheet and images (QR codes) only, forms posted back to the site. */
    private static final String PAGES_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final GatewayConfig config;
    private final Vertx vertx;
    private final MeterRegistry meters;
    private final OpenApiDocuments documents;
    private final VerifiedTokens tokens;
    private final RateLimits rateLimits;
    private final List<UpstreamProxy> proxies = new ArrayList<>();
    /** Prefix → route, longest first, so that the most specific prefix wins. */
    private final List<Prefix> table = new ArrayList<>();
    /** The prefixes that need no token. */
    private final List<Prefix> publicPrefixes = new ArrayList<>();
    private static final String ROUTE = "vnn.route";

    /** A path prefix, with its form followed by "/" made once rather than on every call. */
    private record Prefix(String path, String withSlash, UpstreamProxy proxy) {
        Prefix(String path, UpstreamProxy proxy) {
            this(path, path + "/", proxy);
        }

        boolean matches(String requested) {
            return requested.startsWith(path) && (requested.length() == path.length()
                    || requested.startsWith(withSlash));
        }
    }

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.limits.max-body-size")
    io.quarkus.runtime.configuration.MemorySize serverBodyLimit;

    ProxyRoutes(GatewayConfig config, Vertx vertx, MeterRegistry meters, OpenApiDocuments documents,
                VerifiedTokens tokens) {
        this.config = config;
        this.tokens = tokens;
        this.vertx = vertx;
        this.meters = meters;
        this.documents = documents;
        this.rateLimits = new RateLimits(BucketStore.from(config.rateLimit()));
    }

    void mount(@Observes Router router) {
        checkBodyLimits();
        router.route().order(-200).failureHandler(this::failure);
        router.route().order(-100).handler(this::edge);
        router.route("/api/*").order(-90).handler(this::requireToken);
        router.route("/api/*").order(-80).handler(this::rateLimit);
        // One route for the whole table: the router would otherwise try two patterns per prefix on every call.
        router.route("/api/*").order(-70).handler(this::pass);
        config.publicPrefixes().forEach(prefix -> publicPrefixes.add(new Prefix(prefix, null)));
        for (Map.Entry<String, GatewayConfig.Route> entry : config.routes().entrySet()) {
            UpstreamProxy proxy = new UpstreamProxy(entry.getKey(), entry.getValue(), config, vertx, meters);
            proxies.add(proxy);
            for (String prefix : entry.getValue().prefixes()) {
                boolean pages = entry.getValue().pages();
                if (prefix.startsWith("/api/") == pages) {
                    throw new IllegalStateException("Route " + entry.getKey() + ": prefix " + prefix
                            + (pages ? " of pages is under /api/" : " is not under /api/"));
                }
                table.add(new Prefix(prefix, proxy));
                if (pages) {
                    // pages ask no token: only the route's limit per address, then the site itself
                    for (String path : List.of(prefix, prefix + "/*")) {
                        router.route(path).order(-80).handler(this::rateLimit);
                        router.route(path).order(-70).handler(this::pass);
                    }
                }
            }
            if (entry.getValue().openapi()) {
                router.get("/openapi/" + entry.getKey()).handler(ctx -> documents.serve(ctx, proxy));
            }
            LOG.infof("Route %s %s -> %s", entry.getKey(), entry.getValue().prefixes(), proxy.upstream());
        }
        table.sort(Comparator.comparing((Prefix p) -> p.path().length()).reversed());
        router.get("/openapi").handler(ctx -> documents.index(ctx, proxies.stream()
                .filter(proxy -> config.routes().get(proxy.name()).openapi()).toList()));
        router.route("/api/*").order(Integer.MAX_VALUE - 1)
                .handler(ctx -> Problems.send(ctx, 404, "not-found", "Not found", "No API at this path"));
    }

    /**
     * The HTTP server refuses a body over {@code quarkus.http.limits.max-body-size} before any route sees it (with an
     * empty 413): a route that allows more could never receive it, so the gateway does not start that way.
     */
    private void checkBodyLimits() {
        long server = serverBodyLimit.asLongValue();
        for (Map.Entry<String, GatewayConfig.Route> route : config.routes().entrySet()) {
            long limit = route.getValue().maxBodySize().orElse(config.maxBodySize()).asLongValue();
            if (limit > server) {
                throw new IllegalStateException("Route " + route.getKey() + " takes bodies of " + limit
                        + " bytes but the gateway's HTTP server stops at " + server
                        + " (quarkus.http.limits.max-body-size, GATEWAY_SERVER_MAX_BODY_SIZE): raise it");
            }
        }
    }

    /** Request id and trace context for every request, in the log lines and the answer; security headers. */
    private void edge(RoutingContext ctx) {
        String id = RequestIds.of(ctx);
        String traceparent = TraceContext.of(ctx);
        MDC.put("requestId", id);
        MDC.put("traceId", TraceContext.traceId(traceparent));
        ctx.request().headers().set(RequestIds.HEADER, id);
        ctx.request().headers().set(TraceContext.HEADER, traceparent);
        boolean swaggerUi = ctx.normalizedPath().startsWith("/q/swagger-ui");
        // Set once at the end: a proxied response already carries the service's copy of the same id.
        ctx.addHeadersEndHandler(v -> {
            var headers = ctx.response().headers();
            headers.set(RequestIds.HEADER, id);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            // A page's forms post back to the site: with "no-referrer" a browser would send "Origin: null", which
            // the CORS check refuses; "same-origin" still tells no other site where a visitor came from.
            headers.set("Referrer-Policy", pages(ctx) ? "same-origin" : "no-referrer");
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            headers.set("Content-Security-Policy", swaggerUi ? documents.swaggerUiPolicy()
                    : pages(ctx) ? PAGES_CSP : API_CSP);
        });
        ctx.next();
    }

    /** Whether the call is for a website's pages (a {@code pages} route). */
    private boolean pages(RoutingContext ctx) {
        UpstreamProxy route = route(ctx);
        return route != null && config.routes().get(route.name()).pages();
    }

    /** The edge check: an API call needs a valid token (a bad one already failed authentication). */
    private void requireToken(RoutingContext ctx) {
        SecurityIdentity identity = identity(ctx);
        if (identity != null) {
            tokens.remember(ctx, identity);
            ctx.next();
        } else if (isPublic(ctx.normalizedPath())) {
            ctx.next();
        } else {
            rejected(ctx, "unauthenticated");
            Problems.send(ctx, 401, "unauthorized", "Authentication is required", "A valid bearer token is required");
        }
    }

    /** Per route, per client and user with a token, per IP without; 429 with Retry-After past the limit. */
    private void rateLimit(RoutingContext ctx) {
        UpstreamProxy route = route(ctx);
        GatewayConfig.Route routeConfig = route == null ? null : config.routes().get(route.name());
        SecurityIdentity identity = identity(ctx);
        GatewayConfig.Limit limit = routeConfig != null && routeConfig.rateLimit().isPresent()
                ? routeConfig.rateLimit().get()
                : identity != null ? config.rateLimit().authenticated() : config.rateLimit().anonymous();
        String routeName = route == null ? "-" : route.name();
        String caller = caller(ctx, identity);
        if (!rateLimits.blocking()) {
            applyVerdict(ctx, limit, rateLimits.take(routeName, caller, limit));
            return;
        }
        // The shared store is a database: asked off the event loop, the request paused until the verdict.
        ctx.request().pause();
        vertx.<RateLimits.Verdict>executeBlocking(() -> rateLimits.take(routeName, caller, limit), false)
                .onComplete(result -> {
                    ctx.request().resume();
                    if (result.succeeded()) {
                        applyVerdict(ctx, limit, result.result());
                    } else {
                        // The store is out of reach: the API stays open rather than refusing everyone.
                        meters.counter("gateway.rate_limit.store_failures").increment();
                        LOG.warnf("Rate-limit store unreachable (%s); request %s passes unlimited",
                                result.cause().getClass().getSimpleName(), RequestIds.of(ctx));
                        applyVerdict(ctx, limit, RateLimits.Verdict.unlimited(limit));
                    }
                });
    }

    private void applyVerdict(RoutingContext ctx, GatewayConfig.Limit limit, RateLimits.Verdict verdict) {
        ctx.response().putHeader("RateLimit-Limit", String.valueOf(verdict.limit()));
        ctx.response().putHeader("RateLimit-Remaining", String.valueOf(verdict.remaining()));
        if (verdict.allowed()) {
            ctx.next();
            return;
        }
        rejected(ctx, "rate-limited");
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(verdict.retryAfterSeconds()));
        Problems.send(ctx, 429, "too-many-requests", "Too many requests", "At most " + limit.requests()
                + " requests per " + limit.period().toSeconds() + " s; try again in " + verdict.retryAfterSeconds()
                + " s");
    }

    /** Passes the call to its route's service; a path of no route goes on to the "not found" answer. */
    private void pass(RoutingContext ctx) {
        UpstreamProxy proxy = route(ctx);
        if (proxy == null) {
            ctx.next();
        } else {
            proxy.handle(ctx);
        }
    }

    /** The call's route, looked up once per call. */
    private UpstreamProxy route(RoutingContext ctx) {
        Object known = ctx.get(ROUTE);
        if (known != null) {
            return known instanceof UpstreamProxy proxy ? proxy : null;
        }
        UpstreamProxy found = route(ctx.normalizedPath());
        ctx.put(ROUTE, found == null ? Boolean.FALSE : found);
        return found;
    }

    private UpstreamProxy route(String path) {
        for (Prefix prefix : table) {
            if (prefix.matches(path)) {
                return prefix.proxy();
            }
        }
        return null;
    }

    /** The client and user of a token ({@code azp}, {@code sub}); the IP address without one. */
    private static String caller(RoutingContext ctx, SecurityIdentity identity) {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken token) {
            Object client = token.getClaim("azp");
            return "client:" + client + "/" + token.getSubject();
        }
        if (identity != null) {
            return "user:" + identity.getPrincipal().getName();
        }
        return "ip:" + (ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress());
    }

    private static SecurityIdentity identity(RoutingContext ctx) {
        return ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()
                ? user.getSecurityIdentity() : null;
    }

    private boolean isPublic(String path) {
        for (Prefix prefix : publicPrefixes) {
            if (prefix.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private void rejected(RoutingContext ctx, String reason) {
        UpstreamProxy route = route(ctx);
        meters.counter("gateway.rejections", "route", route == null ? "-" : route.name(), "reason", reason)
                .increment();
    }

    /** Failures before a request reaches a service (no token, bad token, no route) as problem responses. */
    private void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status = ctx.statusCode();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || status == 401) {
            rejected(ctx, "unauthenticated");
            Problems.send(ctx, 401, "unauthorized", "Authentication is required", "A valid bearer token is required");
        } else if (failure instanceof ForbiddenException || status == 403) {
            Problems.send(ctx, 403, "forbidden", "You are not allowed to do this",
                    "Your roles do not allow this operation");
        } else if (status == 404) {
            Problems.send(ctx, 404, "not-found", "Not found", "No API at this path");
        } else if (status == 413) {
            Problems.send(ctx, 413, "payload-too-large", "Request body too large",
                    "The request body is larger than this API takes");
        } else {
            LOG.errorf(failure, "Gateway failure in request %s", RequestIds.of(ctx));
            Problems.send(ctx, status >= 400 && status < 600 ? status : 502, "bad-gateway", "Bad gateway",
                    "The request could not be passed on; quote traceId when reporting it");
        }
    }

    void close(@Observes ShutdownEvent event) {
        proxies.forEach(UpstreamProxy::close);
        rateLimits.close();
    }
}
