package vn.vnn.household.areas;

import vn.vnn.kit.sql.TableOwner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The unit trees and histories the statistics read on every report, kept in memory per revision of the units
 * (unit_tree_revision, bumped by every import in the importing transaction): a report reads one row to know its copy
 * is current, instead of every unit of the country. The units handed out are detached: read them, never change them.
 */
@ApplicationScoped
@TableOwner({"unit_tree_revision"})
public class UnitTrees {

    /** Trees of this many days are kept (a report asks for a few years' reference days). */
    private static final int DAYS_KEPT = 32;

    private final EntityManager entityManager;
    private final Map<LocalDate, Kept<List<AdminUnit>>> trees = new ConcurrentHashMap<>();
    private final Map<String, Kept<Object>> values = new ConcurrentHashMap<>();

    UnitTrees(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    private record Kept<T>(long revision, T value) {
    }

    /** The revision of the units now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long revision() {
        return ((Number) entityManager.createNativeQuery("SELECT revision FROM unit_tree_revision WHERE id = 1")
                .getSingleResult()).longValue();
    }

    /** The provinces, districts and communes in force on the day, ordered by code (villages are not kept). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AdminUnit> inForce(LocalDate day) {
        long revision = revision();
        Kept<List<AdminUnit>> kept = trees.get(day);
        if (kept != null && kept.revision() == revision) {
            return kept.value();
        }
        List<AdminUnit> units = AdminUnit.<AdminUnit>find("validFrom <= ?1 and (validTo is null or validTo >= ?1) "
                        + "and level <> ?2 order by code", day, AdminLevel.VILLAGE)
                .withHint("org.hibernate.readOnly", true).list();
        units.forEach(entityManager::detach);
        List<AdminUnit> tree = List.copyOf(units);
        if (trees.size() >= DAYS_KEPT) {
            trees.clear();
        }
        trees.put(day, new Kept<>(revision, tree));
        return tree;
    }

    /** A value derived from the units, computed again when they changed. */
    @SuppressWarnings("unchecked")
    public <T> T derived(String name, Supplier<T> compute) {
        long revision = revision();
        Kept<Object> kept = values.get(name);
        if (kept != null && kept.revision() == revision) {
            return (T) kept.value();
        }
        T value = compute.get();
        if (values.size() >= 256) {
            values.clear();
        }
        values.put(name, new Kept<>(revision, value));
        return value;
    }

    /** After units or links changed, in the changing transaction. */
    void changed() {
        entityManager.createNativeQuery("UPDATE unit_tree_revision SET revision = nextval('unit_tree_revision_seq') WHERE id = 1")
                .executeUpdate();
    }
}
