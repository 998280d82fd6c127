package vn.vnn.kit.web;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.problem.ProblemType;
import vn.vnn.kit.text.TextInput;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The rule of {@link TextInput} for query and path parameters: a value with control characters, lone surrogates,
 * bidirectional controls or bytes that are not UTF-8 is 422 naming the parameter; query values are passed on in NFC.
 * Dates in parameters follow {@link Dates}.
 */
@Provider
public class ParameterInput implements ParamConverterProvider {

    /** Query values are checked and passed on in NFC (before matching, so that every parameter sees them so). */
    @ServerRequestFilter(preMatching = true)
    public void queryParameters(ContainerRequestContext request) {
        MultivaluedMap<String, String> query;
        try {
            query = request.getUriInfo().getQueryParameters();
        } catch (RuntimeException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "The query string is not well-formed");
        }
        if (query.isEmpty()) {
            return;
        }
        boolean changed = false;
        StringBuilder normalised = new StringBuilder();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = checked("query", parameter.getKey());
            changed |= !name.equals(parameter.getKey());
            for (String value : parameter.getValue()) {
                String accepted = checked(name, value);
                changed |= !accepted.equals(value);
                normalised.append(normalised.length() == 0 ? "" : "&").append(encode(name)).append('=')
                        .append(encode(accepted));
            }
        }
        if (changed) {
            request.setRequestUri(UriBuilder.fromUri(request.getUriInfo().getRequestUri())
                    .replaceQuery(normalised.toString()).build());
        }
    }

    @ServerRequestFilter
    public void pathParameters(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getPathParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                checked(parameter.getKey(), value);
            }
        }
    }

    private static String checked(String name, String value) {
        try {
            return TextInput.accept(value, false);
        } catch (TextInput.Refused e) {
            throw ProblemException.invalid(name, e.getMessage());
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != LocalDate.class) {
            return null;
        }
        String name = nameOf(annotations);
        return (ParamConverter<T>) new ParamConverter<LocalDate>() {
            @Override
            public LocalDate fromString(String value) {
                if (value == null || value.isEmpty()) {
                    return null;
                }
                try {
                    return Dates.parse(value);
                } catch (TextInput.Refused e) {
                    throw ProblemException.invalid(name, e.getMessage());
                }
            }

            @Override
            public String toString(LocalDate value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String nameOf(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    return query.value();
                }
                if (annotation instanceof PathParam path) {
                    return path.value();
                }
            }
        }
        return "date";
    }
}
