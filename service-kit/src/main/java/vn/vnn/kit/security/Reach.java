package vn.vnn.kit.security;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The one access rule of the suite: which areas a call reaches, from the caller's roles, the roles the endpoint
 * admits and the areas in the caller's token.
 *
 * <ul>
 *   <li>Reach is decided <b>per role for the endpoint being called</b>: only the caller's roles that the endpoint
 *       admits count, so a role held for another service (a commune officer who also sits on an emulation council)
 *       never widens what the other role reaches.</li>
 *   <li>Each service has its own table of role → reach. A role missing from a service's table reaches nothing
 *       there.</li>
 *   <li>National reach is an explicit grant: a role that is national in the table ({@code admin},
 *       {@code auditor}), or an area-bound role whose token's {@code area_codes} contain {@link #NATIONAL_AREA}
 *       (the central committee's officers).</li>
 *   <li>Missing {@code area_codes} never means national: an area-bound role without areas reaches nothing.</li>
 * </ul>
 */
public final class Reach {

    /** The area code that grants national reach to an area-bound role (Việt Nam, the central level). */
    public static final String NATIONAL_AREA = "VN";

    public static final String HOUSEHOLD = "household-service";
    public static final String FUND = "fund-service";
    public static final String EMULATION = "emulation-service";

    /** How far one role reaches in one service. */
    public enum Kind {
        /** Every area, whatever the token says. */
        NATIONAL,
        /** The areas of the token's {@code area_codes}; all of them with {@link #NATIONAL_AREA}; none without. */
        AREA_BOUND
    }

    /**
     * Role → reach, per service. Household data (members, citizen IDs) is reached by the registry's own roles; the
     * other roles read statistics only, within their areas. Partners act in the areas granted to their client.
     */
    private static final Map<String, Map<String, Kind>> TABLE = Map.of(
            HOUSEHOLD, Map.ofEntries(
                    Map.entry(Roles.ADMIN, Kind.NATIONAL),
                    Map.entry(Roles.AUDITOR, Kind.NATIONAL),
                    Map.entry(Roles.PROVINCE_OFFICER, Kind.AREA_BOUND),
                    Map.entry(Roles.COMMUNE_OFFICER, Kind.AREA_BOUND),
                    Map.entry(Roles.COMMUNE_CHAIRMAN, Kind.AREA_BOUND),
                    Map.entry(Roles.PROVINCE_CHAIRMAN, Kind.AREA_BOUND),
                    Map.entry(Roles.PARTNER, Kind.AREA_BOUND),
                    Map.entry(Roles.FUND_OFFICER, Kind.AREA_BOUND),
                    Map.entry(Roles.FUND_APPROVER, Kind.AREA_BOUND),
                    Map.entry(Roles.EMULATION_OFFICER, Kind.AREA_BOUND),
                    Map.entry(Roles.COUNCIL_MEMBER, Kind.AREA_BOUND)),
            FUND, Map.of(
                    Roles.ADMIN, Kind.NATIONAL,
                    Roles.AUDITOR, Kind.NATIONAL,
                    Roles.FUND_OFFICER, Kind.AREA_BOUND,
                    Roles.FUND_APPROVER, Kind.AREA_BOUND),
            EMULATION, Map.of(
                    Roles.ADMIN, Kind.NATIONAL,
                    Roles.AUDITOR, Kind.NATIONAL,
                    Roles.EMULATION_OFFICER, Kind.AREA_BOUND,
                    Roles.COUNCIL_MEMBER, Kind.AREA_BOUND,
                    Roles.PROVINCE_CHAIRMAN, Kind.AREA_BOUND,
                    Roles.COMMUNE_CHAIRMAN, Kind.AREA_BOUND,
                    Roles.FUND_OFFICER, Kind.AREA_BOUND,
                    Roles.PARTNER, Kind.AREA_BOUND));

    private Reach() {
    }

    /** The services that have a table. */
    public static Set<String> services() {
        return TABLE.keySet();
    }

    /** What {@code role} reaches in {@code service}; empty when nothing. */
    public static java.util.Optional<Kind> of(String service, String role) {
        return java.util.Optional.ofNullable(TABLE.getOrDefault(service, Map.of()).get(role));
    }

    /**
     * The areas a call reaches.
     *
     * @param service       the called service ({@link #HOUSEHOLD}, {@link #FUND}, {@link #EMULATION})
     * @param callerRoles   the roles in the caller's token
     * @param endpointRoles the roles the endpoint admits; {@code null} when it admits any authenticated caller
     * @param tokenAreas    the caller's {@code area_codes}
     */
    public static AreaScope scope(String service, Collection<String> callerRoles, Collection<String> endpointRoles,
                                  Collection<String> tokenAreas) {
        boolean areaBound = false;
        for (String role : callerRoles) {
            if (endpointRoles != null && !endpointRoles.contains(role)) {
                continue;
            }
            Kind kind = of(service, role).orElse(null);
            if (kind == Kind.NATIONAL) {
                return AreaScope.NATIONAL;
            }
            areaBound |= kind == Kind.AREA_BOUND;
        }
        if (!areaBound) {
            return AreaScope.NOTHING;
        }
        return tokenAreas.contains(NATIONAL_AREA) ? AreaScope.NATIONAL : AreaScope.of(tokenAreas);
    }
}
