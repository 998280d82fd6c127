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
 * Who is calling and which areas they may see. Users bound to areas carry the codes in the {@code area_codes}
 * token claim; roles that work across areas ({@link #UNRESTRICTED_ROLES}) see everything. A partner agency sees only
 * the areas granted to its client ({@code area_codes} on the client's service account), like an area-bound user.
 */
@RequestScoped
public class Caller {

    public static final String AREA_CLAIM = "area_codes";
    public static final Set<String> UNRESTRICTED_ROLES = Set.of("admin", "auditor", "fund-officer", "fund-approver",
            "emulation-officer", "council-member");

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
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

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** True when the caller's roles reach every area. */
    public boolean unrestricted() {
        return UNRESTRICTED_ROLES.stream().anyMatch(identity::hasRole);
    }

    /** The area codes in the caller's token; empty when none. */
    public Set<String> areaCodes() {
        Set<String> codes = new TreeSet<>();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(AREA_CLAIM);
            if (claim instanceof Collection<?> values) {
                values.forEach(value -> codes.add(unquote(value.toString())));
            } else if (claim != null) {
                codes.add(unquote(claim.toString()));
            }
        }
        Object attribute = identity.getAttribute(AREA_CLAIM);
        if (attribute instanceof Collection<?> values) {
            values.forEach(value -> codes.add(value.toString()));
        }
        return codes;
    }

    public boolean mayAccessArea(String areaCode) {
        return unrestricted() || areaCodes().contains(areaCode);
    }

    /**
     * Fails with 404 (not 403) when the record lies outside the caller's areas, so that ids of other areas reveal
     * nothing.
     */
    public void requireArea(String areaCode, String what, Object id) {
        if (!mayAccessArea(areaCode)) {
            throw ProblemException.notFound(what, id);
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
