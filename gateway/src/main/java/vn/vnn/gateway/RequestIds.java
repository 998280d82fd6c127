package vn.vnn.gateway;

import io.vertx.ext.web.RoutingContext;

import java.util.UUID;
import java.util.regex.Pattern;

/** The gateway gives every request an {@code X-Request-Id} and passes it to the services. */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final String KEY = "vnn.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestIds() {
    }

    static String of(RoutingContext ctx) {
        String id = ctx.get(KEY);
        if (id == null) {
            id = ctx.request().getHeader(HEADER);
            if (id == null || !SANE.matcher(id).matches()) {
                id = UUID.randomUUID().toString();
            }
            ctx.put(KEY, id);
        }
        return id;
    }
}
