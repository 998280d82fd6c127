package vn.vnn.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * One route of the table: passes a request to its service and the answer back, both bodies streamed. A call that
 * cannot be answered in time is 504; a service that cannot be reached is retried (idempotent calls without a body only,
 * with a short backoff) and then 503, and after {@code failures} such calls in a row its circuit opens: every call is
 * 503 at once until one test call gets through. Each call is timed per route, method and status.
 */
final class UpstreamProxy {

    private static final Logger LOG = Logger.getLogger(UpstreamProxy.class);
    /** Hop-by-hop headers (RFC 9110 §7.6.1) are the connection's, not the message's: never passed on. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "proxy-connection");

    private final String name;
    private final URI upstream;
    private final HttpClient client;
    private final CircuitBreaker breaker;
    private final Duration timeout;
    private final long maxBodyBytes;
    private final int retries;
    private final Set<String> retryMethods;
    private final Duration openFor;
    private final MeterRegistry meters;
    private final Vertx vertx;
    private final Map<String, Map<Integer, Timer>> timers = new ConcurrentHashMap<>();

    UpstreamProxy(String name, GatewayConfig.Route route, GatewayConfig config, Vertx vertx, MeterRegistry meters) {
        this.name = name;
        this.vertx = vertx;
        this.meters = meters;
        this.upstream = URI.create(route.url());
        this.timeout = route.timeout().orElse(config.requestTimeout());
        this.maxBodyBytes = route.maxBodySize().orElse(config.maxBodySize()).asLongValue();
        this.retries = config.retries();
        this.retryMethods = config.retryMethods();
        this.openFor = config.circuitBreaker().openFor();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setDefaultHost(upstream.getHost())
                .setDefaultPort(upstream.getPort() > 0 ? upstream.getPort() : 80)
                .setConnectTimeout((int) Math.min(timeout.toMillis(), 5_000))
                .setKeepAlive(true)
                .setMaxPoolSize(64));
        this.breaker = CircuitBreaker.create("gateway-" + name, vertx, new CircuitBreakerOptions()
                .setMaxFailures(config.circuitBreaker().failures())
                .setResetTimeout(openFor.toMillis())
                .setTimeout(-1) // each attempt has its own timeout
                .setNotificationAddress(null));
        breaker.openHandler(v -> LOG.warnf("Circuit of route %s opened: %s is failing", name, upstream))
                .closeHandler(v -> LOG.infof("Circuit of route %s closed: %s answers again", name, upstream));
    }

    String name() {
        return name;
    }

    URI upstream() {
        return upstream;
    }

    String circuitState() {
        return breaker.state().name();
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        long declared = contentLength(in);
        if (declared > maxBodyBytes) {
            Problems.send(ctx, 413, "payload-too-large", "Request body too large",
                    "This API takes at most " + maxBodyBytes + " bytes per request");
            return;
        }
        in.pause();
        Timer.Sample sample = Timer.start(meters);
        boolean hasBody = declared > 0 || in.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        boolean retryable = !hasBody && retryMethods.contains(in.method().name());
        LimitedBody body = hasBody ? new LimitedBody(in, maxBodyBytes) : null;
        breaker.<HttpClientResponse>execute(promise -> attempt(ctx, body, retryable ? retries : 0, promise))
                .onSuccess(response -> relay(ctx, response, sample))
                .onFailure(failure -> fail(ctx, failure, body, sample));
    }

    /** One call to the service, again after a short pause while it cannot be reached and attempts are left. */
    private void attempt(RoutingContext ctx, LimitedBody body, int attemptsLeft, Promise<HttpClientResponse> promise) {
        HttpServerRequest in = ctx.request();
        RequestOptions options = new RequestOptions().setMethod(in.method()).setURI(in.uri())
                .setTimeout(timeout.toMillis());
        client.request(options).compose(out -> {
            copyHeaders(in.headers(), out.headers());
            out.headers().set(HttpHeaders.HOST, in.authority() == null ? upstream.getAuthority()
                    : in.authority().toString());
            forwardedHeaders(ctx, out.headers());
            return body == null ? out.send() : out.send(body);
        }).onComplete(result -> {
            if (result.succeeded()) {
                result.result().pause(); // held until relayed: the circuit breaker answers on a later tick
            }
            boolean unreachable = result.failed() && isUnreachable(result.cause());
            boolean busy = result.succeeded() && (result.result().statusCode() == 502
                    || result.result().statusCode() == 503);
            if ((unreachable || busy) && attemptsLeft > 0) {
                if (busy) {
                    result.result().resume().body(); // drained: the connection goes back to the pool
                }
                long pause = 100L * (retries - attemptsLeft + 1);
                vertx.setTimer(pause, t -> attempt(ctx, body, attemptsLeft - 1, promise));
            } else if (result.failed()) {
                promise.fail(result.cause());
            } else if (busy || result.result().statusCode() == 504) {
                // The answer is passed on, but it counts against the service's circuit.
                promise.fail(new UpstreamBusy(result.result()));
            } else {
                promise.complete(result.result());
            }
        });
    }

    private void relay(RoutingContext ctx, HttpClientResponse response, Timer.Sample sample) {
        HttpServerResponse out = ctx.response();
        out.setStatusCode(response.statusCode());
        copyHeaders(response.headers(), out.headers());
        if (!response.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            out.setChunked(true);
        }
        response.pipeTo(out).onComplete(done -> record(ctx, sample, response.statusCode()));
    }

    private void fail(RoutingContext ctx, Throwable failure, LimitedBody body, Timer.Sample sample) {
        if (failure instanceof UpstreamBusy busy) {
            relay(ctx, busy.response, sample);
            return;
        }
        int status;
        if (body != null && body.exceeded()) {
            status = 413;
            Problems.send(ctx, status, "payload-too-large", "Request body too large",
                    "This API takes at most " + maxBodyBytes + " bytes per request");
        } else if (failure instanceof OpenCircuitException) {
            status = 503;
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, openFor.toSeconds())));
            Problems.send(ctx, status, "service-unavailable", "Service unavailable",
                    "The " + name + " service is failing; calls are refused for a while to let it recover");
        } else if (isUnreachable(failure)) {
            status = 503;
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "5");
            Problems.send(ctx, status, "service-unavailable", "Service unavailable",
                    "The " + name + " service cannot be reached; try again shortly");
        } else if (isTimeout(failure)) {
            status = 504;
            Problems.send(ctx, status, "gateway-timeout", "Gateway timeout",
                    "The " + name + " service did not answer within " + timeout.toMillis() + " ms");
        } else {
            status = 502;
            LOG.warnf("Route %s failed: %s", name, failure.toString());
            Problems.send(ctx, status, "bad-gateway", "Bad gateway",
                    "The " + name + " service's answer could not be passed on; quote traceId when reporting it");
        }
        record(ctx, sample, status);
    }

    private void record(RoutingContext ctx, Timer.Sample sample, int status) {
        String method = ctx.request().method().name();
        // Found once per method and status, not built and looked up in the registry on every call.
        sample.stop(timers.computeIfAbsent(method, m -> new ConcurrentHashMap<>()).computeIfAbsent(status,
                s -> Timer.builder("gateway.requests")
                        .description("Calls passed on by the gateway, per route, method and status")
                        .tag("route", name).tag("method", method).tag("status", String.valueOf(s))
                        .publishPercentileHistogram()
                        .register(meters)));
        LOG.infof("%s %s -> %s %d", ctx.request().method(), ctx.request().path(), name, status);
    }

    private static void copyHeaders(MultiMap from, MultiMap to) {
        from.forEach((key, value) -> {
            String lower = key.toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lower) && !lower.equals("host")) {
                to.add(key, value);
            }
        });
    }

    private static void forwardedHeaders(RoutingContext ctx, MultiMap headers) {
        HttpServerRequest in = ctx.request();
        String client = in.remoteAddress() == null ? "unknown" : in.remoteAddress().hostAddress();
        String earlier = in.getHeader("X-Forwarded-For");
        headers.set("X-Forwarded-For", earlier == null ? client : earlier + ", " + client);
        headers.set("X-Forwarded-Host", String.valueOf(in.authority()));
        headers.set("X-Forwarded-Proto", in.scheme());
        headers.set(RequestIds.HEADER, RequestIds.of(ctx));
        if (TraceContext.traced(ctx)) {
            headers.remove(TraceContext.HEADER); // the client span's own, added as the request leaves
        } else {
            headers.set(TraceContext.HEADER, TraceContext.of(ctx));
        }
    }

    private static long contentLength(HttpServerRequest in) {
        String value = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static boolean isUnreachable(Throwable failure) {
        return failure instanceof ConnectException || failure.getCause() instanceof ConnectException
                || failure instanceof io.netty.channel.ConnectTimeoutException;
    }

    /** Vert.x fails a request that outlived its timeout with a (stackless) TimeoutException of its own. */
    private static boolean isTimeout(Throwable failure) {
        return failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout");
    }

    void close() {
        breaker.close();
        client.close();
    }

    /** A 502/503/504 from the service itself: passed on to the caller, counted as a failure by the circuit. */
    private static final class UpstreamBusy extends RuntimeException {
        private final transient HttpClientResponse response;

        UpstreamBusy(HttpClientResponse response) {
            super("upstream answered " + response.statusCode(), null, false, false);
            this.response = response;
        }
    }
}
