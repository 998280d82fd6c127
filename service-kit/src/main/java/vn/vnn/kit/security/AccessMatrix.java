package vn.vnn.kit.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntBiFunction;
import java.util.function.ToIntFunction;

/**
 * Who may call what, written out by hand per service, for tests that call every endpoint with every role. A role the
 * table allows must get past security (any status but 401 and 403: the calls are harmless, empty bodies or unknown
 * ids); any other role gets 403; no token gets 401, except on public endpoints. A server error is always wrong.
 */
public final class AccessMatrix {

    /** Any caller with a valid token. */
    public static final String ANY = "any authenticated caller";
    /** Anyone, without a token. */
    public static final String PUBLIC = "anyone";

    /** One harmless call of an endpoint and the roles that may make it. */
    public record Call(String method, String path, String contentType, String body, Set<String> roles) {
    }

    private final Map<String, Call> calls = new LinkedHashMap<>();

    /** {@code endpoint} as {@link EndpointSecurityAudit} names it, without the package: {@code Resource#method}. */
    public AccessMatrix add(String endpoint, String method, String path, String contentType, String body,
                            Set<String> roles) {
        calls.put(endpoint, new Call(method, path, contentType, body, roles));
        return this;
    }

    public Set<String> endpoints() {
        return Collections.unmodifiableSet(calls.keySet());
    }

    /** The endpoints of the audit's list, without packages, to compare with {@link #endpoints()}. */
    public static List<String> simpleNames(List<String> auditedEndpoints) {
        return auditedEndpoints.stream().map(name -> name.substring(name.lastIndexOf('.') + 1)).toList();
    }

    /** What went wrong calling every endpoint without a token. */
    public List<String> withoutToken(ToIntFunction<Call> send) {
        return mismatches(null, send);
    }

    /**
     * What went wrong calling every endpoint with all of {@code roles} in one token ({@code null}: without a token).
     * An endpoint admits the combination when it admits any of its roles.
     */
    public List<String> mismatches(Set<String> roles, ToIntFunction<Call> send) {
        List<String> wrong = new ArrayList<>();
        String who = roles == null ? "no token" : String.join("+", new java.util.TreeSet<>(roles));
        calls.forEach((endpoint, call) -> {
            boolean open = call.roles().contains(PUBLIC);
            boolean allowed = open || roles != null && (call.roles().contains(ANY)
                    || roles.stream().anyMatch(call.roles()::contains));
            int status = send.applyAsInt(call);
            if (status >= 500) {
                wrong.add(endpoint + " failed with " + status + " for " + who);
            } else if (roles == null && !open && status != 401) {
                wrong.add(endpoint + " answered " + status + " without a token, expected 401");
            } else if (roles != null && allowed && (status == 401 || status == 403)) {
                wrong.add(endpoint + " refused " + who + " with " + status);
            } else if (roles != null && !allowed && status != 403) {
                wrong.add(endpoint + " answered " + status + " to " + who + ", expected 403");
            } else if (roles == null && open && (status == 401 || status == 403)) {
                wrong.add(endpoint + " is public but answered " + status);
            }
        });
        return wrong;
    }

    /**
     * What went wrong calling every endpoint with every role alone and every combination of two of them, each
     * combination in one token that {@code tokenFor} makes.
     */
    public List<String> mismatchesOfEveryCombination(List<String> roles, Function<Set<String>, String> tokenFor,
                                                     ToIntBiFunction<Call, String> send) {
        List<String> wrong = new ArrayList<>();
        for (Set<String> combination : singlesAndPairs(roles)) {
            String token = tokenFor.apply(combination);
            wrong.addAll(mismatches(combination, call -> send.applyAsInt(call, token)));
        }
        return wrong;
    }

    /** Every role alone and every combination of two of them. */
    public static List<Set<String>> singlesAndPairs(List<String> roles) {
        List<Set<String>> combinations = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            combinations.add(Set.of(roles.get(i)));
            for (int j = i + 1; j < roles.size(); j++) {
                combinations.add(Set.of(roles.get(i), roles.get(j)));
            }
        }
        return combinations;
    }
}
