package vn.vnn.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** RFC 9457 problem bodies for what the gateway itself answers (the services answer their own). */
final class Problems {

    private Problems() {
    }

    static void send(RoutingContext ctx, int status, String slug, String title, String detail) {
        if (ctx.response().ended()) {
            return;
        }
        JsonObject body = new JsonObject()
                .put("type", "/problems/" + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.request().path())
                .put("traceId", RequestIds.of(ctx));
        if (status == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .putHeader(RequestIds.HEADER, RequestIds.of(ctx))
                .end(body.encode());
    }
}
