package vn.vnn.kit.problem;

import java.util.List;

/** Thrown by use cases to answer with a problem; the mapper turns it into {@code application/problem+json}. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;
    private Long retryAfterSeconds;

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
