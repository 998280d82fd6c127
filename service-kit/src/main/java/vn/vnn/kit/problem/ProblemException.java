package vn.vnn.kit.problem;

import java.util.List;

/** Thrown by use cases to answer with a problem; the mapper turns it into {@code application/problem+json}. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;
    private Long retryAfterSeconds;
    private Object current;
    private Long currentVersion;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = errors;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " " + id + " was not found");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, "The request is not valid",
                List.of(new Problem.FieldError(field, message)));
    }

    /** 429: the caller may try again after {@code retryAfterSeconds} (sent as {@code Retry-After}). */
    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        ProblemException e = new ProblemException(ProblemType.TOO_MANY_REQUESTS, detail);
        e.retryAfterSeconds = Math.max(1, retryAfterSeconds);
        return e;
    }

    /**
     * 412: the client's {@code If-Match} names a version of {@code what} that is no longer current; the answer carries
     * the resource as it is now, so that nothing is overwritten silently and the client can merge.
     */
    public static ProblemException preconditionFailed(String what, Object id, long version, Object current) {
        ProblemException e = new ProblemException(ProblemType.PRECONDITION_FAILED, what + " " + id
                + " changed since you read it (now version " + version + ", ETag \"" + version + "\"); "
                + "the current state is in 'current'");
        e.current = current;
        e.currentVersion = version;
        return e;
    }

    /** The resource as it is now, for a 412; null otherwise. */
    public Object current() {
        return current;
    }

    /** The current version with a 412 (sent as its {@code ETag}); null otherwise. */
    public Long currentVersion() {
        return currentVersion;
    }

    /** Seconds to wait before trying again; null when the problem says nothing about it. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
