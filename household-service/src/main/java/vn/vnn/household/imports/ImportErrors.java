package vn.vnn.household.imports;

import vn.vnn.kit.sql.TableOwner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import vn.vnn.kit.upload.RowError;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;

/**
 * The error report of imports ({@code household_import_error}): the one owner of that table, written in JDBC batches
 * (a bad file may have a million errors) and read back in file order.
 */
@ApplicationScoped
@TableOwner({"household_import_error"})
public class ImportErrors {

    private final EntityManager entityManager;

    ImportErrors(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Appends errors after those already stored for the import, in file order. */
    void add(UUID importId, List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        int first = ((Number) entityManager.createNativeQuery(
                        "SELECT coalesce(max(seq), 0) FROM household_import_error WHERE import_id = ?1")
                .setParameter(1, importId).getSingleResult()).intValue();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO household_import_error (import_id, seq, row_number, column_name, message)
                    VALUES (?, ?, ?, ?, ?)""")) {
                int seq = first;
                for (RowError error : errors) {
                    insert.setObject(1, importId);
                    insert.setInt(2, ++seq);
                    insert.setInt(3, error.row());
                    insert.setString(4, error.column());
                    insert.setString(5, error.message().length() > 500 ? error.message().substring(0, 500)
                            : error.message());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    List<RowError> page(UUID id, int limit, int offset) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT row_number, column_name, message FROM household_import_error
                        WHERE import_id = ?1 ORDER BY seq""")
                .setParameter(1, id).setFirstResult(offset).setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new RowError(((Number) r[0]).intValue(), (String) r[1], (String) r[2]))
                .toList();
    }

    long count(UUID id) {
        return ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM household_import_error WHERE import_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
    }
}
