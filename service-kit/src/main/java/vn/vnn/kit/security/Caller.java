package vn.vnn.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.vnn.kit.problem.ProblemException;

import java.security.Principal;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling and which areas this call reaches. Users bound to areas carry the codes in the {@code area_codes}
 * token claim; a partner agency carries the areas granted to its client (on the client's service account). What the
 * call reaches is decided by {@link Reach} from the roles the endpoint admits ({@link EndpointRoles}).
 */
@RequestScoped
public class Caller {

    public static final String AREA_CLAIM = "area_codes";

    private final SecurityIdentity identity;
    private final String service;
    /** The roles the called endpoint admits; null when it admits any authenticated caller. */
    private Set<String> endpointRoles;
    private AreaScope scope;

    Caller(SecurityIdentity identity,
           @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.application.name") String service) {
        this.identity = identity;
        this.service = service;
    }

    /** Set once per request, before the resource method runs. */
    void endpointRoles(Set<String> roles) {
        this.endpointRoles = roles;
        this.scope = null;
    }

    /** The name recorded as the actor of a change: the username, else the token subject. */
    public String actor() {
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken jwt) {
            String username = jwt.getClaim("preferred_username");
            if (username != null) {
                return username;
            }
            return jwt.getSubject();
        }
        return principal == null || identity.isAnonymous() ? "anonymous" : principal.getName();
    }

    /** The client the token was issued to ({@code azp}); null without a token. */
    public String client() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object azp = jwt.getClaim("azp");
            return azp == null ? null : unquote(azp.toString());
        }
        return null;
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /**
     * The areas the caller would reach on an endpoint admitting {@code endpointRoles}: what a background job started by
     * this call may do on the caller's behalf elsewhere (which households an import may tell its uploader about).
     */
    public AreaScope scopeFor(Set<String> endpointRoles) {
        return identity.isAnonymous() ? AreaScope.NOTHING
                : Reach.scope(service, identity.getRoles(), endpointRoles, areaCodes());
    }

    /** The areas this call reaches (see {@link Reach}). */
    public AreaScope scope() {
        if (scope == null) {
            scope = identity.isAnonymous() ? AreaScope.NOTHING
                    : Reach.scope(service, identity.getRoles(), endpointRoles, areaCodes());
        }
        return scope;
    }

    /** The area codes in the caller's token; empty when none. */
    public Set<String> areaCodes() {
        return claimValues(AREA_CLAIM);
    }

    /**
     * The values of a claim of the caller's token, one or many (a partner client's granted purposes, say), also as
     * set on the identity by a test; empty when none.
     */
    public Set<String> claimValues(String name) {
        Set<String> codes = new TreeSet<>();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(name);
            if (claim instanceof Collection<?> values) {
                values.forEach(value -> codes.add(unquote(value.toString())));
            } else if (claim != null) {
                codes.add(unquote(claim.toString()));
            }
        }
        Object attribute = identity.getAttribute(name);
        if (attribute instanceof Collection<?> values) {
            values.forEach(value -> codes.add(value.toString()));
        }
        return codes;
    }

    /**
     * Fails with 404 (not 403) when the record lies outside the areas this call reaches, so that ids of other areas
     * reveal nothing. Any of {@code areaCodes} (a commune and its province, say) will do.
     */
    public void requireArea(String what, Object id, String... areaCodes) {
        if (!scope().covers(areaCodes)) {
            throw ProblemException.notFound(what, id);
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
