package vn.vnn.kit.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.List;
import java.util.regex.Pattern;

/**
 * W3C {@code traceparent} values, the form in which a trace crosses what OpenTelemetry does not instrument by itself
 * here: the outbox table (written in a request's transaction, published later by the relay) and the Kafka record
 * that carries the event to the consumer in another service.
 */
public final class TraceParents {

    /** The header (HTTP and Kafka alike) and the CloudEvents distributed-tracing extension attribute. */
    public static final String HEADER = "traceparent";
    private static final Pattern VALID = Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

    private static final TextMapGetter<String> SINGLE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };

    private TraceParents() {
    }

    /** The current span as a traceparent, or null when there is none (tracing off, or outside a request). */
    public static String current() {
        return of(Span.current().getSpanContext());
    }

    /** A span context as a traceparent, or null when it is not valid. */
    public static String of(SpanContext context) {
        if (context == null || !context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    /** Whether a value is a well-formed version-00 traceparent. */
    public static boolean isValid(String traceparent) {
        return traceparent != null && VALID.matcher(traceparent).matches();
    }

    /** The context whose parent is {@code traceparent}; the root context when it is missing or malformed. */
    public static Context parent(String traceparent) {
        if (!isValid(traceparent)) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, SINGLE);
    }
}
