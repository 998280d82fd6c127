package vn.vnn.kit.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.vnn.kit.web.JsonInput;
import vn.vnn.kit.web.RequestIds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Turns every failure into an RFC 9457 problem response with a {@code traceId}. Nothing internal leaks: no stack
 * traces, no class names, no SQL; unexpected errors are logged here with the request id and answered with 500.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, ContainerRequestContext request) {
        Response response = e.current() == null ? respond(request, e.type(), e.getMessage(), e.errors())
                : Response.status(e.type().status()).type(Problem.MEDIA_TYPE).entity(new Problem(e.type().uri(),
                        title(e.type(), request), e.type().status(), e.getMessage(),
                        request == null ? null : request.getUriInfo().getPath(), RequestIds.of(request), null,
                        e.current())).header("ETag", vn.vnn.kit.web.ETags.of(e.currentVersion())).build();
        if (e.retryAfterSeconds() != null) {
            return Response.fromResponse(response).header("Retry-After", e.retryAfterSeconds()).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, ContainerRequestContext request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldPath(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        return respond(request, ProblemType.VALIDATION, "The request is not valid", errors);
    }

    @ServerExceptionMapper
    public Response unparseable(JsonParseException e, ContainerRequestContext request) {
        return respond(request, ProblemType.BAD_REQUEST, "The body is not well-formed JSON", null);
    }

    /** A body over a limit of the parser (nesting depth, length of a string or a number), see JsonInput. */
    @ServerExceptionMapper
    public Response overLimit(StreamConstraintsException e, ContainerRequestContext request) {
        return respond(request, ProblemType.PAYLOAD_TOO_LARGE, "The body breaks a limit: at most "
                + JsonInput.MAX_DEPTH + " levels of nesting, " + JsonInput.MAX_TOKEN_LENGTH + " characters in a "
                + "string and " + JsonInput.MAX_NUMBER_LENGTH + " digits in a number", null);
    }

    /** A number that does not fit the field's type (2^63 for a long, 1e400). */
    @ServerExceptionMapper
    public Response outOfRange(InputCoercionException e, ContainerRequestContext request) {
        return respond(request, ProblemType.VALIDATION, "The request is not valid",
                List.of(new Problem.FieldError("body", "holds a number out of the range of its field")));
    }

    /** Any other body the JSON parser could not read (bytes that are not UTF-8, a truncated document...). */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, ContainerRequestContext request) {
        if (e instanceof JsonMappingException mapping) {
            return e instanceof MismatchedInputException mismatch ? mismatched(mismatch, request)
                    : unmappable(mapping, request);
        }
        return respond(request, ProblemType.BAD_REQUEST, "The body is not well-formed JSON", null);
    }

    /** Well-formed JSON with a value of the wrong kind (text for a number, an unknown enum constant...). */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, ContainerRequestContext request) {
        if (brokeALimit(e)) {
            return overLimit(null, request);
        }
        String field = jsonPath(e);
        if (e instanceof JsonInput.UnsafeText unsafe) {
            return respond(request, ProblemType.VALIDATION, "The request is not valid",
                    List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, unsafe.reason())));
        }
        if (field.isEmpty()) {
            return respond(request, ProblemType.BAD_REQUEST, "The body does not have the expected shape", null);
        }
        return respond(request, ProblemType.VALIDATION, "The request is not valid",
                List.of(new Problem.FieldError(field, "has a value of the wrong type or an unknown value")));
    }

    @ServerExceptionMapper
    public Response unmappable(JsonMappingException e, ContainerRequestContext request) {
        if (brokeALimit(e)) {
            return overLimit(null, request);
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InputCoercionException) {
                String field = jsonPath(e);
                return respond(request, ProblemType.VALIDATION, "The request is not valid", List.of(
                        new Problem.FieldError(field.isEmpty() ? "body" : field,
                                "holds a number out of the range of its field")));
            }
        }
        return respond(request, ProblemType.BAD_REQUEST, "The body does not have the expected shape", null);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            io.quarkus.security.AuthenticationCompletionException.class})
    public Response unauthorized(RuntimeException e, ContainerRequestContext request) {
        Response problem = respond(request, ProblemType.UNAUTHORIZED, "A valid bearer token is required", null);
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return respond(request, ProblemType.FORBIDDEN, "Your roles do not allow this operation", null);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response staleWrite(RuntimeException e, ContainerRequestContext request) {
        return respond(request, ProblemType.CONFLICT,
                "Someone else changed this record meanwhile; reload it and try again", null);
    }

    /** A unique or foreign-key constraint caught what a concurrent request slipped past the checks. */
    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e,
                               ContainerRequestContext request) {
        return respond(request, ProblemType.CONFLICT, "The request conflicts with data stored meanwhile; "
                + "reload and try again", null);
    }

    /** A read cut off by its statement timeout (public reads): the client may try again shortly. */
    @ServerExceptionMapper({jakarta.persistence.QueryTimeoutException.class,
            org.hibernate.QueryTimeoutException.class})
    public Response timedOut(RuntimeException e, ContainerRequestContext request) {
        LOG.warnf("Request %s cut off by its statement timeout", RequestIds.of(request));
        Response problem = respond(request, ProblemType.SERVICE_UNAVAILABLE,
                "The read took too long and was stopped; try again in a moment or ask for a shorter period", null);
        return Response.fromResponse(problem).header("Retry-After", 5).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request) {
        // The REST layer wraps what the JSON reader or a parameter converter threw: answer for the cause instead.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                // A parameter converter's refusal, which JAX-RS wraps into 404 for query parameters.
                return problem(problem, request);
            }
            if (cause instanceof StreamConstraintsException) {
                return overLimit(null, request);
            }
            if (cause instanceof InputCoercionException coercion) {
                return outOfRange(coercion, request);
            }
            if (cause instanceof JsonProcessingException json) {
                return unreadable(json, request);
            }
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "Request %s failed", RequestIds.of(request));
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = status >= 500 ? "The server could not complete the request" : e.getMessage();
        Response problem = respond(request, type, detail, null);
        return status == type.status() ? problem : Response.fromResponse(problem).status(status).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        String traceId = RequestIds.of(request);
        if (vn.vnn.kit.sql.TransientFailures.isTransient(e)) {
            // The database is restarting or out of reach: nothing was written, and the same call will pass shortly.
            LOG.warnf("Request %s met a transient database failure: %s", traceId, e.getClass().getSimpleName());
            Response problem = respond(request, ProblemType.SERVICE_UNAVAILABLE,
                    "The service cannot reach its database right now; nothing was changed, try again in a moment",
                    null);
            return Response.fromResponse(problem).header("Retry-After", 5).build();
        }
        LOG.errorf(e, "Unexpected error in request %s", traceId);
        return respond(request, ProblemType.INTERNAL,
                "The server could not complete the request; quote traceId " + traceId + " when reporting it", null);
    }

    static Response respond(ContainerRequestContext request, ProblemType type, String detail,
                            List<Problem.FieldError> errors) {
        Problem body = new Problem(type.uri(), title(type, request), type.status(), detail,
                request == null ? null : request.getUriInfo().getPath(), RequestIds.of(request),
                errors == null || errors.isEmpty() ? null : errors);
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** The title in Vietnamese when the caller prefers it, in English otherwise. */
    static String title(ProblemType type, ContainerRequestContext request) {
        Locale locale = Locale.ENGLISH;
        List<Locale> acceptable;
        try {
            acceptable = request == null ? List.of() : request.getAcceptableLanguages();
        } catch (RuntimeException e) {
            acceptable = List.of(); // an unreadable Accept-Language falls back to the default language
        }
        if (!acceptable.isEmpty()) {
            for (Locale accepted : acceptable) {
                if (accepted.getLanguage().equals("vi")) {
                    locale = Locale.forLanguageTag("vi");
                    break;
                }
                if (accepted.getLanguage().equals("en")) {
                    break;
                }
            }
        }
        try {
            return ResourceBundle.getBundle("vn.vnn.kit.problem.problems", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(type.slug());
        } catch (MissingResourceException e) {
            return type.slug();
        }
    }

    /**
     * {@code create.request.members[0].name} → {@code members[0].name}: the path inside the body as the client
     * sent it; a violation on a plain parameter (a query parameter) is named by the parameter.
     */
    static String fieldPath(Path path) {
        String parameter = null;
        List<String> parts = new ArrayList<>();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                }
                default -> {
                    if (node.isInIterable() && !parts.isEmpty()) {
                        Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                        parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + position + "]");
                    }
                    if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                        parts.add(node.getName());
                    }
                }
            }
        }
        if (parts.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return String.join(".", parts);
    }

    /** The databind layer wraps the parser's limit exceptions. */
    private static boolean brokeALimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException) {
                return true;
            }
        }
        return false;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
