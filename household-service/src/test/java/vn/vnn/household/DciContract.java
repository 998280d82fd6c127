package vn.vnn.household;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DCI Social Registry's OpenAPI document (src/test/resources/dci/social_api_v1.0.0.yaml, from spdci/standards):
 * every request the tests send and every answer and callback the registry makes is validated against its schemas.
 */
final class DciContract {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(spec()).withBasePathOverride("/")
            // JSON Schema's own rule: properties a schema does not name are allowed unless it says otherwise
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE).build())
            .build();

    private DciContract() {
    }

    /** A request to {@code path} (the standard's path, e.g. /registry/sync/search) conforms. */
    static void request(String path, String body) {
        ValidationReport report = VALIDATOR.validateRequest(SimpleRequest.Builder.post(path)
                .withContentType("application/json").withHeader("Authorization", "Bearer token").withBody(body)
                .build());
        assertThat(report.getMessages()).as("request to " + path + " against the DCI standard: " + body).isEmpty();
    }

    /** An answer of {@code path} conforms. */
    static void response(String path, int status, String body) {
        ValidationReport report = VALIDATOR.validateResponse(path, Request.Method.POST,
                SimpleResponse.Builder.status(status).withContentType("application/json").withBody(body).build());
        assertThat(report.getMessages()).as("answer of " + path + " against the DCI standard: " + body).isEmpty();
    }

    private static String spec() {
        try (InputStream in = DciContract.class.getResourceAsStream("/dci/social_api_v1.0.0.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
