package vn.vnn.household.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.household.api.PovertyStatistics;
import vn.vnn.household.domain.AdminUnit;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.Caller;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Poverty statistics per area and year, rolled up through the tree in force in the period; old units are mapped to
 * new ones through the successor links (the crosswalk), so history before July 2025 counts in today's communes.
 */
@ApplicationScoped
public class StatisticsService {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final EntityManager entityManager;
    private final Caller caller;

    StatisticsService(EntityManager entityManager, Caller caller) {
        this.entityManager = entityManager;
        this.caller = caller;
    }

    @Transactional
    public PovertyStatistics poverty(String areaCode, int year, boolean withChildren) {
        LocalDate today = LocalDate.now(VIETNAM);
        LocalDate treeOn = year >= today.getYear() ? today : LocalDate.of(year, 12, 31);
        List<AdminUnit> tree = AdminUnit.allInForce(treeOn);
        AdminUnit area = tree.stream().filter(u -> u.code.equals(areaCode)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Area", areaCode + " on " + treeOn));
        if (!caller.unrestricted() && !mayRead(area, tree)) {
            throw ProblemException.notFound("Area", areaCode);
        }
        return figures(area, tree, year, treeOn, withChildren);
    }

    private PovertyStatistics figures(AdminUnit area, List<AdminUnit> tree, int year, LocalDate treeOn,
                                      boolean withChildren) {
        String[] communes = communesUnder(area, tree).toArray(String[]::new);
        Object[] counts = (Object[]) entityManager.createNativeQuery("""
                        WITH latest AS (
                          SELECT DISTINCT ON (r.household_id) r.household_id, r.status
                          FROM status_recognition r JOIN household h ON h.id = r.household_id
                          WHERE h.commune_code = ANY(?1) AND r.review_year <= ?2
                          ORDER BY r.household_id, r.review_year DESC, r.recognized_on DESC, r.recorded_at DESC)
                        SELECT count(h.id),
                               count(*) FILTER (WHERE l.status = 'POOR'),
                               count(*) FILTER (WHERE l.status = 'NEAR_POOR'),
                               count(*) FILTER (WHERE l.status = 'AVERAGE_LIVING_STANDARD'),
                               count(*) FILTER (WHERE h.ethnic_minority),
                               count(*) FILTER (WHERE h.ethnic_minority AND l.status = 'POOR'),
                               count(*) FILTER (WHERE h.ethnic_minority AND l.status = 'NEAR_POOR')
                        FROM household h LEFT JOIN latest l ON l.household_id = h.id
                        WHERE h.commune_code = ANY(?1)""")
                .setParameter(1, communes).setParameter(2, year).getSingleResult();
        Map<String, Long> transitions = grouped("""
                        SELECT t, count(*) FROM (
                          SELECT DISTINCT ON (r.household_id) r.transition AS t
                          FROM status_recognition r JOIN household h ON h.id = r.household_id
                          WHERE h.commune_code = ANY(?1) AND r.review_year = ?2
                          ORDER BY r.household_id, r.recognized_on DESC, r.recorded_at DESC) x
                        GROUP BY t ORDER BY t""", communes, year);
        Map<String, Long> indicators = grouped("""
                        SELECT d, count(DISTINCT c.household_id)
                        FROM review_case c JOIN review_round rr ON rr.id = c.round_id
                             JOIN household h ON h.id = c.household_id,
                             unnest(string_to_array(c.deprivations, ',')) AS d
                        WHERE h.commune_code = ANY(?1) AND rr.review_year = ?2 AND d <> ''
                        GROUP BY d ORDER BY d""", communes, year);
        Map<String, Long> causes = grouped("""
                        WITH latest AS (
                          SELECT DISTINCT ON (r.household_id) r.household_id, r.status
                          FROM status_recognition r JOIN household h ON h.id = r.household_id
                          WHERE h.commune_code = ANY(?1) AND r.review_year <= ?2
                          ORDER BY r.household_id, r.review_year DESC, r.recognized_on DESC, r.recorded_at DESC)
                        SELECT cause, count(*)
                        FROM household h JOIN latest l ON l.household_id = h.id AND l.status = 'POOR',
                             unnest(string_to_array(h.causes_of_poverty, ',')) AS cause
                        GROUP BY cause ORDER BY cause""", communes, year);
        long resident = number(counts[0]);
        long poor = number(counts[1]);
        long nearPoor = number(counts[2]);
        List<PovertyStatistics> children = null;
        if (withChildren) {
            children = new ArrayList<>();
            for (AdminUnit child : tree) {
                if (area.code.equals(child.parentCode) && child.level != vn.vnn.household.domain.AdminLevel.VILLAGE) {
                    children.add(figures(child, tree, year, treeOn, false));
                }
            }
        }
        return new PovertyStatistics(area.code, area.name, area.level.name(), year, treeOn, resident, poor, nearPoor,
                number(counts[3]), rate(poor, resident), rate(nearPoor, resident),
                transitions.getOrDefault("ESCAPED_POVERTY", 0L), transitions.getOrDefault("NEWLY_POOR", 0L),
                transitions.getOrDefault("RE_POOR", 0L), number(counts[4]), number(counts[5]), number(counts[6]),
                indicators, causes, children);
    }

    /** Commune codes under {@code area} in the tree, plus every older code that became one of them. */
    private Set<String> communesUnder(AdminUnit area, List<AdminUnit> tree) {
        Set<String> codes = new HashSet<>();
        List<String> frontier = new ArrayList<>(List.of(area.code));
        while (!frontier.isEmpty()) {
            String code = frontier.remove(frontier.size() - 1);
            codes.add(code);
            tree.stream().filter(u -> code.equals(u.parentCode)).forEach(u -> frontier.add(u.code));
        }
        @SuppressWarnings("unchecked")
        List<String> predecessors = entityManager.createNativeQuery("""
                        WITH RECURSIVE back(code) AS (
                          SELECT code FROM admin_unit_successor WHERE successor_code = ANY(?1)
                          UNION SELECT s.code FROM admin_unit_successor s JOIN back b ON s.successor_code = b.code)
                        SELECT code FROM back""")
                .setParameter(1, codes.toArray(String[]::new)).getResultList();
        codes.addAll(predecessors);
        return codes;
    }

    /** Users bound to areas read the statistics of their areas and of the units under them. */
    private boolean mayRead(AdminUnit area, List<AdminUnit> tree) {
        Set<String> mine = caller.areaCodes();
        AdminUnit current = area;
        while (current != null) {
            if (mine.contains(current.code)) {
                return true;
            }
            String parent = current.parentCode;
            current = parent == null ? null : tree.stream().filter(u -> u.code.equals(parent)).findFirst()
                    .orElse(null);
        }
        return false;
    }

    private Map<String, Long> grouped(String sql, String[] communes, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(sql).setParameter(1, communes)
                .setParameter(2, year).getResultList();
        Map<String, Long> map = new LinkedHashMap<>();
        rows.forEach(row -> map.put(String.valueOf(row[0]), number(row[1])));
        return map;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(part * 100L)
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
