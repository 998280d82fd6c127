package vn.vnn.kit;

import org.junit.jupiter.api.Test;
import vn.vnn.kit.security.AreaScope;
import vn.vnn.kit.security.Reach;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access rule as a table: every role alone and every combination of two roles, on endpoints that admit one of
 * them, both, or any caller, with areas in the token, without any, and with the national grant {@code VN}.
 */
class ReachTest {

    /** The documented reach of each role alone in each service (README, "Security model"); "-" is nothing. */
    private static final String TABLE = """
            role               household  fund      emulation
            admin              NATIONAL   NATIONAL  NATIONAL
            auditor            NATIONAL   NATIONAL  NATIONAL
            province-officer   AREAS      -         -
            commune-officer    AREAS      -         -
            commune-chairman   AREAS      -         AREAS
            province-chairman  AREAS      -         AREAS
            fund-officer       AREAS      AREAS     AREAS
            fund-approver      AREAS      AREAS     -
            emulation-officer  AREAS      -         AREAS
            council-member     AREAS      -         AREAS
            partner            AREAS      -         AREAS
            """;
    private static final List<String> SERVICES = List.of(Reach.HOUSEHOLD, Reach.FUND, Reach.EMULATION);
    private static final Map<String, Map<String, String>> EXPECTED = new LinkedHashMap<>();

    static {
        TABLE.lines().skip(1).map(String::strip).filter(l -> !l.isEmpty()).forEach(line -> {
            String[] cells = line.split("\\s+");
            Map<String, String> byService = new HashMap<>();
            for (int i = 0; i < SERVICES.size(); i++) {
                byService.put(SERVICES.get(i), cells[i + 1]);
            }
            EXPECTED.put(cells[0], byService);
        });
    }

    private static final Set<String> AREAS = Set.of("99111", "46");

    @Test
    void theTableInTheCodeIsTheDocumentedOne() {
        for (String service : SERVICES) {
            for (String role : EXPECTED.keySet()) {
                String expected = EXPECTED.get(role).get(service);
                String actual = Reach.of(service, role).map(k -> k == Reach.Kind.NATIONAL ? "NATIONAL" : "AREAS")
                        .orElse("-");
                assertThat(actual).as(role + " in " + service).isEqualTo(expected);
            }
        }
    }

    @Test
    void everyRoleAloneWithAndWithoutAreas() {
        for (String service : SERVICES) {
            for (String role : EXPECTED.keySet()) {
                for (Set<String> endpoint : Arrays.asList(Set.of(role), null)) {
                    String why = role + " in " + service + " on " + (endpoint == null ? "any" : endpoint);
                    assertThat(Reach.scope(service, Set.of(role), endpoint, AREAS)).as(why + " with areas")
                            .isEqualTo(expected(service, List.of(role), endpoint, AREAS));
                    assertThat(Reach.scope(service, Set.of(role), endpoint, Set.of())).as(why + " without areas")
                            .isEqualTo(expected(service, List.of(role), endpoint, Set.of()));
                    assertThat(Reach.scope(service, Set.of(role), endpoint, Set.of("VN"))).as(why + " with VN")
                            .isEqualTo(expected(service, List.of(role), endpoint, Set.of("VN")));
                }
                // An endpoint that does not admit the role: nothing, whatever the token says.
                assertThat(Reach.scope(service, Set.of(role), Set.of("some-other-role"), Set.of("VN")))
                        .isEqualTo(AreaScope.NOTHING);
            }
        }
    }

    @Test
    void everyCombinationOfTwoRolesOnEndpointsAdmittingEitherBothOrAny() {
        List<String> roles = new ArrayList<>(EXPECTED.keySet());
        int checked = 0;
        for (String service : SERVICES) {
            for (int i = 0; i < roles.size(); i++) {
                for (int j = i + 1; j < roles.size(); j++) {
                    List<String> pair = List.of(roles.get(i), roles.get(j));
                    for (Set<String> endpoint : Arrays.asList(Set.of(pair.get(0)), Set.of(pair.get(1)),
                            Set.copyOf(pair), null)) {
                        for (Set<String> areas : List.of(AREAS, Set.<String>of(), Set.of("VN", "46"))) {
                            assertThat(Reach.scope(service, Set.copyOf(pair), endpoint, areas))
                                    .as(pair + " in " + service + " on " + endpoint + " with " + areas)
                                    .isEqualTo(expected(service, pair, endpoint, areas));
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(3 * 55 * 4 * 3);
    }

    @Test
    void aCommuneOfficerWhoSitsOnACouncilOrKeepsAFundReachesOnlyTheirCommunesHouseholds() {
        Set<String> householdReaders = Set.of("commune-officer", "commune-chairman", "province-officer", "admin",
                "auditor");
        for (String other : List.of("fund-officer", "fund-approver", "emulation-officer", "council-member")) {
            AreaScope scope = Reach.scope(Reach.HOUSEHOLD, Set.of("commune-officer", other), householdReaders,
                    Set.of("99111"));
            assertThat(scope.national()).as(other).isFalse();
            assertThat(scope.areas()).as(other).containsExactly("99111");
            assertThat(scope.covers("99112", "99")).isFalse();
        }
    }

    @Test
    void missingAreasNeverMeanNational() {
        for (String service : SERVICES) {
            for (String role : List.of("fund-officer", "fund-approver", "emulation-officer", "council-member",
                    "commune-officer", "partner")) {
                AreaScope scope = Reach.scope(service, Set.of(role), null, Set.of());
                assertThat(scope.nothing()).as(role + " in " + service).isTrue();
                assertThat(scope.covers("99", "99111", "VN")).isFalse();
            }
        }
    }

    @Test
    void scopesSurviveBeingStoredWithABackgroundJob() {
        assertThat(AreaScope.decode(AreaScope.NATIONAL.encode())).isEqualTo(AreaScope.NATIONAL);
        assertThat(AreaScope.decode(AreaScope.NOTHING.encode())).isEqualTo(AreaScope.NOTHING);
        AreaScope some = AreaScope.of(Set.of("99", "99111"));
        assertThat(AreaScope.decode(some.encode())).isEqualTo(some);
    }

    /** The rule, as the oracle: the widest reach among the caller's roles that the endpoint admits. */
    private static AreaScope expected(String service, List<String> roles, Set<String> endpoint, Set<String> areas) {
        boolean national = false;
        boolean areaBound = false;
        for (String role : roles) {
            if (endpoint != null && !endpoint.contains(role)) {
                continue;
            }
            String reach = EXPECTED.get(role).get(service);
            national |= reach.equals("NATIONAL");
            areaBound |= reach.equals("AREAS");
        }
        if (national || areaBound && areas.contains("VN")) {
            return AreaScope.NATIONAL;
        }
        return areaBound ? AreaScope.of(areas) : AreaScope.NOTHING;
    }
}
