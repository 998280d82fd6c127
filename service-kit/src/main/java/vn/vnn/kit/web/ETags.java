package vn.vnn.kit.web;

import jakarta.ws.rs.core.Response;
import vn.vnn.kit.problem.ProblemException;

import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Entity tags for records with an optimistic {@code version}: the ETag is the version in quotes, so a client may send
 * either back — {@code If-Match: "7"} or {@code "version": 7} in the body. {@code If-None-Match} answers 304 when the
 * client's copy is current; a stale {@code If-Match} answers 412 with the current state (RFC 9110 §13.1).
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** 200 with the body and its ETag, or 304 (no body) when {@code ifNoneMatch} names the current version or is *. */
    public static Response ok(String ifNoneMatch, long version, Object body) {
        String etag = of(version);
        if (ifNoneMatch != null && !ifNoneMatch.isBlank()) {
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.strip();
                // If-None-Match compares weakly: W/"7" names the same version as "7"
                if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                    return Response.notModified().header("ETag", etag).build();
                }
            }
        }
        return Response.ok(body).header("ETag", etag).build();
    }

    /** The body with its ETag, for the answers of changes. */
    public static Response with(long version, Object body) {
        return Response.ok(body).header("ETag", of(version)).build();
    }

    /**
     * The version an {@code If-Match} header names: null when absent or {@code *} (any version). Weak tags never match
     * (RFC 9110 §13.1.1: If-Match compares strongly), so they are refused like anything that is not one of our tags.
     */
    public static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (tag.length() >= 3 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                return Long.parseLong(tag.substring(1, tag.length() - 1));
            } catch (NumberFormatException e) {
                // falls through to the problem below
            }
        }
        throw ProblemException.invalid("If-Match", "must be one ETag this service gave, e.g. \"7\"");
    }

    /**
     * The version the client read, from {@code If-Match} or else from the body's {@code version}: 412 with the current
     * state when the header names a stale version, 422 when the header and the body disagree.
     */
    public static <T> Long expectedVersion(String ifMatch, Long bodyVersion, String what, Object id,
                                           Supplier<T> current, ToLongFunction<T> versionOf) {
        Long expected = ifMatch(ifMatch);
        if (expected == null) {
            return bodyVersion;
        }
        if (bodyVersion != null && !bodyVersion.equals(expected)) {
            throw ProblemException.invalid("version", "differs from If-Match; give one of them");
        }
        T now = current.get();
        long version = versionOf.applyAsLong(now);
        if (version != expected) {
            throw ProblemException.preconditionFailed(what, id, version, now);
        }
        return expected;
    }
}
