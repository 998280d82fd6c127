package vn.vnn.gateway;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.vertx.ext.web.RoutingContext;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * W3C Trace Context. With tracing on (OpenTelemetry), the gateway's span of the request is passed on. Without it, a
 * valid incoming {@code traceparent} is passed on as it came; otherwise the gateway starts a trace, so that every call
 * reaching a service carries one. The trace id is logged with the request id.
 */
final class TraceContext {

    static final String HEADER = "traceparent";
    private static final String KEY = "vnn.traceparent";
    private static final String TRACED_KEY = "vnn.traced";
    /** version 00: 32 hex trace id, 16 hex parent id, 2 hex flags; all-zero ids are invalid. */
    private static final Pattern VALID = Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceContext() {
    }

    static String of(RoutingContext ctx) {
        String traceparent = ctx.get(KEY);
        if (traceparent == null) {
            traceparent = tracedSpan();
            ctx.put(TRACED_KEY, traceparent != null);
            if (traceparent == null) {
                traceparent = ctx.request().getHeader(HEADER);
                if (traceparent == null || !VALID.matcher(traceparent).matches()) {
                    traceparent = "00-" + hex(16) + "-" + hex(8) + "-01";
                }
            }
            ctx.put(KEY, traceparent);
        }
        return traceparent;
    }

    /**
     * With tracing on, the gateway's own span for this request (a child of the caller's traceparent, if any): the
     * service's span becomes its child. Null when tracing is off.
     */
    private static String tracedSpan() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex()
                : null;
    }

    /**
     * Whether OpenTelemetry traces this request: then its HTTP client instrumentation writes the {@code traceparent}
     * of the call to the service (a child of the gateway's span), and the gateway must not send a second one.
     */
    static boolean traced(RoutingContext ctx) {
        of(ctx);
        return Boolean.TRUE.equals(ctx.get(TRACED_KEY));
    }

    /** The trace id part of a traceparent. */
    static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
