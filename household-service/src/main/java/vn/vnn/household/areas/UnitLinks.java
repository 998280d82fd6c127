package vn.vnn.household.areas;

import vn.vnn.kit.sql.TableOwner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The dated successor links (admin_unit_successor) and the {@link UnitHistory} they make with the unit versions: the
 * one place that reads and writes the links.
 */
@ApplicationScoped
@TableOwner({"admin_unit_successor"})
public class UnitLinks {

    private final EntityManager entityManager;
    private final UnitTrees trees;

    UnitLinks(EntityManager entityManager, UnitTrees trees) {
        this.entityManager = entityManager;
        this.trees = trees;
    }

    /** Records that {@code code} became (part of) {@code successor} on {@code effectiveOn}; repeating it is a no-op. */
    void link(String code, String successor, LocalDate effectiveOn) {
        entityManager.createNativeQuery("""
                        INSERT INTO admin_unit_successor (code, successor_code, effective_on) VALUES (?1, ?2, ?3)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, code).setParameter(2, successor).setParameter(3, effectiveOn).executeUpdate();
    }

    /** The links of {@code code}: those it is the old unit of, or the successor of. */
    public List<UnitHistory.Link> of(String code) {
        return links("WHERE code = ?1 OR successor_code = ?1", code);
    }

    /**
     * Every province, district and commune version with all links, and the versions of the given villages and of the
     * villages linked to them: what {@link UnitHistory#locate} needs for households in those villages.
     */
    public UnitHistory history(Collection<String> villageCodes) {
        String[] villages = villageCodes.stream().filter(java.util.Objects::nonNull).distinct()
                .toArray(String[]::new);
        UnitHistory base = trees.derived("history", () -> new UnitHistory(versions("level <> 'VILLAGE'", null),
                links("", null)));
        if (villages.length == 0) {
            return base;
        }
        List<UnitHistory.Version> versions = new java.util.ArrayList<>(base.versions());
        versions.addAll(versions("""
                level = 'VILLAGE' AND (code = ANY(?1)
                   OR code IN (SELECT successor_code FROM admin_unit_successor WHERE code = ANY(?1))
                   OR code IN (SELECT code FROM admin_unit_successor WHERE successor_code = ANY(?1)))""", villages));
        return new UnitHistory(versions, base.links());
    }

    private List<UnitHistory.Version> versions(String where, String[] villages) {
        var query = entityManager.createNativeQuery(
                "SELECT code, level, parent_code, valid_from, valid_to FROM admin_unit WHERE " + where);
        if (villages != null) {
            query.setParameter(1, villages);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new UnitHistory.Version((String) r[0], AdminLevel.valueOf((String) r[1]),
                (String) r[2], date(r[3]), date(r[4]))).toList();
    }

    private List<UnitHistory.Link> links(String where, String code) {
        var query = entityManager.createNativeQuery(
                "SELECT code, successor_code, effective_on FROM admin_unit_successor " + where
                        + " ORDER BY code, successor_code, effective_on");
        if (code != null) {
            query.setParameter(1, code);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new UnitHistory.Link((String) r[0], (String) r[1], date(r[2]))).toList();
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }
}
