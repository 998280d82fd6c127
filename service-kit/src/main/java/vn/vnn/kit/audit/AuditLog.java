package vn.vnn.kit.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.MDC;
import vn.vnn.kit.security.Caller;

import java.util.Collection;
import java.util.Map;

/**
 * Writes the audit trail ({@code audit_log}) in the caller's transaction: changes with what the record was and
 * became, and reads of unmasked personal data. Snapshots are stored as given: callers mask personal data in them
 * first ({@link vn.vnn.kit.security.PersonalData}), so that the trail never holds a citizen ID or a phone in full.
 */
@ApplicationScoped
public class AuditLog {

    /** A read of unmasked personal data (citizen IDs, phones, contact data). */
    public static final String PERSONAL_DATA_READ = "PERSONAL_DATA_READ";

    private final EntityManager entityManager;
    private final ObjectMapper json;

    AuditLog(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** A change made by {@code actor} (a user, or a background job acting for one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String entity, Object entityId, String action, String actor, String detail) {
        change(entity, entityId, action, actor, detail, null, null);
    }

    /** A change with the record's state before and after it (personal data already masked). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void change(String entity, Object entityId, String action, String actor, String detail,
                       Map<String, ?> before, Map<String, ?> after) {
        entityManager.createNativeQuery("""
                        INSERT INTO audit_log (actor, client, action, entity, entity_id, detail, before, after,
                                               request_id)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), CAST(?8 AS jsonb), ?9)""")
                .setParameter(1, actor).setParameter(2, client()).setParameter(3, action).setParameter(4, entity)
                .setParameter(5, entityId == null ? null : entityId.toString()).setParameter(6, detail)
                .setParameter(7, toJson(before)).setParameter(8, toJson(after)).setParameter(9, requestId())
                .executeUpdate();
    }

    /** One change per record, in one statement (a chunk of a bulk import, say): record id → detail. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordEach(String entity, String action, String actor, Map<?, String> detailById) {
        if (detailById.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("""
                        INSERT INTO audit_log (actor, client, action, entity, entity_id, detail, request_id)
                        SELECT ?1, ?2, ?3, ?4, i, d, ?7
                        FROM unnest(CAST(?5 AS text[]), CAST(?6 AS text[])) AS t (i, d)""")
                .setParameter(1, actor).setParameter(2, client()).setParameter(3, action).setParameter(4, entity)
                .setParameter(5, detailById.keySet().stream().map(Object::toString).toArray(String[]::new))
                .setParameter(6, detailById.values().toArray(String[]::new)).setParameter(7, requestId())
                .executeUpdate();
    }

    /** The caller read these records with personal data unmasked; one row per record, in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void personalDataRead(String entity, Collection<?> entityIds, String actor, String what) {
        if (entityIds.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("""
                        INSERT INTO audit_log (actor, client, action, entity, entity_id, detail, request_id)
                        SELECT ?1, ?2, ?3, ?4, i, ?6, ?7 FROM unnest(CAST(?5 AS text[])) AS t (i)""")
                .setParameter(1, actor).setParameter(2, client()).setParameter(3, PERSONAL_DATA_READ)
                .setParameter(4, entity)
                .setParameter(5, entityIds.stream().map(Object::toString).distinct().toArray(String[]::new))
                .setParameter(6, what).setParameter(7, requestId()).executeUpdate();
    }

    private String toJson(Map<String, ?> snapshot) {
        if (snapshot == null) {
            return null;
        }
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit snapshot", e);
        }
    }

    /** The token's client ({@code azp}) when a request is being served; none for background work. */
    private static String client() {
        var requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return null;
        }
        return Arc.container().instance(Caller.class).get().client();
    }

    private static String requestId() {
        Object id = MDC.get("requestId");
        return id == null ? null : id.toString();
    }
}
