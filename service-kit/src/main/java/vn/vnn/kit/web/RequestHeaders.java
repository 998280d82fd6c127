package vn.vnn.kit.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Headers of any shape, settled before anything reads them (the first handler of every request):
 * <ul>
 * <li>{@code Accept-Language}: replaced by the first language the services speak ({@code vi} or {@code en}); a
 * malformed or unknown one is dropped, so the default language answers. It never fails a request.</li>
 * <li>{@code Accept}: media ranges that do not parse are dropped (none left: any type).</li>
 * <li>{@code Content-Type}: one that does not parse is 415.</li>
 * <li>A JSON body longer than {@code vnn.http.max-json-body-size} is 413 before it is read; uploads (CSV, XLSX)
 * have the larger {@code quarkus.http.limits.max-body-size}.</li>
 * </ul>
 */
@ApplicationScoped
public class RequestHeaders {

    static final List<String> LANGUAGES = List.of("vi", "en");
    /** The most a refused body is read (and dropped) to answer it cleanly; beyond, the connection is closed. */
    static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    @ConfigProperty(name = "vnn.http.max-json-body-size", defaultValue = "1M")
    MemorySize maxJsonBody;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(this::settle);
    }

    private void settle(RoutingContext ctx) {
        try {
            settleHeaders(ctx);
        } catch (RuntimeException e) {
            // A header this code did not foresee: the request goes on as it came, and the JAX-RS layer answers.
            ctx.next();
        }
    }

    private void settleHeaders(RoutingContext ctx) {
        // Answered before the body was read (405, 401, 415...): the rest of the body is not read, so the client
        // must not send another request on this connection.
        ctx.addHeadersEndHandler(v -> {
            if (!ctx.request().isEnded()) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            }
        });
        MultiMap headers = ctx.request().headers();
        String language = acceptLanguage(headers.get(HttpHeaders.ACCEPT_LANGUAGE));
        if (language == null) {
            headers.remove(HttpHeaders.ACCEPT_LANGUAGE);
        } else {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        String accept = headers.get(HttpHeaders.ACCEPT);
        if (accept != null) {
            String usable = accept(accept);
            if (usable == null) {
                headers.remove(HttpHeaders.ACCEPT);
            } else if (!usable.equals(accept)) {
                headers.set(HttpHeaders.ACCEPT, usable);
            }
        }
        String contentType = headers.get(HttpHeaders.CONTENT_TYPE);
        MediaType type = null;
        if (contentType != null) {
            type = mediaType(contentType);
            if (type == null) {
                reject(ctx, 415, "unsupported-media-type", "Unsupported media type",
                        "The Content-Type header is not a media type");
                return;
            }
        }
        String length = headers.get(HttpHeaders.CONTENT_LENGTH);
        if (length != null && type != null && isJson(type)) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = Long.MAX_VALUE;
            }
            if (declared > maxJsonBody.asLongValue()) {
                reject(ctx, 413, "payload-too-large", "The request body is too large",
                        "A JSON body may be at most " + maxJsonBody.asLongValue() + " bytes");
                return;
            }
        } else if (length == null && type != null && isJson(type)
                && headers.contains(HttpHeaders.TRANSFER_ENCODING)) {
            // A JSON body without a declared length: read here, counting, before anything else holds it.
            readBounded(ctx);
            return;
        }
        ctx.next();
    }

    private void readBounded(RoutingContext ctx) {
        long limit = maxJsonBody.asLongValue();
        HttpServerRequest request = ctx.request();
        io.vertx.core.buffer.Buffer body = io.vertx.core.buffer.Buffer.buffer();
        boolean[] over = {false};
        request.handler(chunk -> {
            if (over[0]) {
                return;
            }
            if (body.length() + chunk.length() > limit) {
                over[0] = true;
                request.handler(null);
                reject(ctx, 413, "payload-too-large", "The request body is too large",
                        "A JSON body may be at most " + limit + " bytes");
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(v -> {
            if (!over[0]) {
                ctx.setBody(body);
                ctx.next();
            }
        });
        request.resume();
    }

    /** The first of {@link #LANGUAGES} the header asks for, or null when it asks for none or cannot be read. */
    static String acceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 500) {
            return null;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (RuntimeException e) {
            return null;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String tag = range.getRange();
            String primary = (tag.indexOf('-') < 0 ? tag : tag.substring(0, tag.indexOf('-'))).toLowerCase(Locale.ROOT);
            if (LANGUAGES.contains(primary)) {
                return primary;
            }
        }
        return null;
    }

    /** The ranges of an {@code Accept} header that parse, or null when none does. */
    static String accept(String header) {
        List<String> usable = new ArrayList<>();
        for (String range : header.split(",")) {
            if (!range.isBlank() && mediaType(range.trim()) != null) {
                usable.add(range.trim());
            }
        }
        return usable.isEmpty() ? null : String.join(", ", usable);
    }

    static MediaType mediaType(String text) {
        if (text.isBlank() || text.length() > 300) {
            return null;
        }
        try {
            MediaType type = MediaType.valueOf(text);
            for (var parameter : type.getParameters().entrySet()) {
                if (parameter.getKey() == null || parameter.getKey().isBlank() || parameter.getValue() == null) {
                    return null;
                }
            }
            String q = type.getParameters().get("q");
            if (q != null && !(Double.parseDouble(q) >= 0 && Double.parseDouble(q) <= 1)) {
                return null;
            }
            return type;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean isJson(MediaType type) {
        return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
    }

    /**
     * Answers once the client has sent its body (read and dropped, never kept), so that a client that writes its
     * whole request before it reads sees the problem instead of a broken connection; bodies beyond
     * {@link #DRAIN_LIMIT} are cut off by closing the connection.
     */
    private static void reject(RoutingContext ctx, int status, String slug, String title, String detail) {
        JsonObject problem = new JsonObject().put("type", "/problems/" + slug).put("title", title)
                .put("status", status).put("detail", detail).put("instance", ctx.normalizedPath());
        Runnable answer = () -> {
            if (!ctx.response().ended()) {
                ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                        .end(problem.encode());
            }
        };
        HttpServerRequest request = ctx.request();
        if (request.isEnded()) {
            answer.run();
            return;
        }
        long[] drained = {0};
        request.handler(chunk -> {
            drained[0] += chunk.length();
            if (drained[0] > DRAIN_LIMIT) {
                request.handler(null);
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                answer.run();
            }
        });
        request.endHandler(v -> answer.run());
        request.exceptionHandler(e -> answer.run());
        request.resume();
    }
}
