package vn.vnn.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem details body ({@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "URI reference naming the kind of problem", examples = "/problems/validation")
        String type,
        @Schema(description = "Short summary, in the language asked for by Accept-Language (vi or en)")
        String title,
        int status,
        @Schema(description = "What went wrong with this request")
        String detail,
        @Schema(description = "The request path")
        String instance,
        @Schema(description = "Request id to quote when reporting the problem; also in the X-Request-Id header")
        String traceId,
        @Schema(description = "Field errors of a validation problem")
        List<FieldError> errors,
        @Schema(description = "With 412 Precondition Failed: the resource as it is now (as a GET would answer), so "
                + "that a client that changed it offline can merge and try again with the new ETag")
        Object current) {

    public Problem(String type, String title, int status, String detail, String instance, String traceId,
                   List<FieldError> errors) {
        this(type, title, status, detail, instance, traceId, errors, null);
    }

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: its JSON path in the request and why it is invalid. */
    public record FieldError(String field, String message) {
    }
}
