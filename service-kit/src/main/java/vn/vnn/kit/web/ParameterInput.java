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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

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
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(value -> {
                try {
                    return Dates.parse(value);
                } catch (TextInput.Refused e) {
                    throw ProblemException.invalid(name, e.getMessage());
                }
            });
        }
        // JAX-RS answers a query value it cannot convert with a bare 404, as if the resource were missing: say
        // which parameter is wrong instead. A path id that is no UUID stays "not found".
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(value -> (int) whole(name, value, Integer.MIN_VALUE,
                    Integer.MAX_VALUE));
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(value -> whole(name, value, Long.MIN_VALUE, Long.MAX_VALUE));
        }
        if (!isQuery(annotations)) {
            return null;
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(value -> {
                try {
                    return UUID.fromString(value.strip());
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid(name, "must be an id (UUID)");
                }
            });
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            return (ParamConverter<T>) converter(value -> {
                for (Enum constant : type.getEnumConstants()) {
                    if (constant.name().equals(value.strip())) {
                        return constant;
                    }
                }
                throw ProblemException.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
            });
        }
        return null;
    }

    private static long whole(String name, String value, long min, long max) {
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(name, "must be a whole number from " + min + " to " + max);
    }

    /** A converter that leaves an absent or empty value absent, and writes values back as text. */
    private static <V> ParamConverter<V> converter(Function<String, V> parse) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                return value == null || value.isEmpty() ? null : parse.apply(value);
            }

            @Override
            public String toString(V value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static boolean isQuery(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam) {
                    return true;
                }
            }
        }
        return false;
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
        return "parameter";
    }
}
