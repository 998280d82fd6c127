package vn.vnn.kit.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request gets an id: the caller's (or the gateway's) {@code X-Request-Id} when it is sane, a new one
 * otherwise. It is in every log line ({@code %X{requestId}}, with the W3C {@code traceparent}'s trace id as
 * {@code %X{traceId}}), in the response header and in problem bodies.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String PROPERTY = "vnn.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    /** W3C Trace Context, version 00: the trace id goes into the log lines beside the request id. */
    private static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (id == null || !SANE.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
        }
        request.setProperty(PROPERTY, id);
        MDC.put("requestId", id);
        String traceparent = request.getHeaderString("traceparent");
        if (traceparent != null && TRACEPARENT.matcher(traceparent).matches()) {
            MDC.put("traceId", traceparent.substring(3, 35));
        } else {
            MDC.remove("traceId");
        }
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
        MDC.remove("requestId");
        MDC.remove("traceId");
    }

    /** The id of the current request, for problem bodies. */
    public static String of(ContainerRequestContext request) {
        Object id = request == null ? null : request.getProperty(PROPERTY);
        return id == null ? UUID.randomUUID().toString() : id.toString();
    }
}
