package vn.vnn.kit.audit;

import vn.vnn.kit.time.VietnamClock;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.Caller;
import vn.vnn.kit.sql.NativeValues;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading the audit trail, for oversight: a page of entries, newest first, filtered by record, actor, action and
 * period. A read states its purpose, and is itself written to the trail with it.
 */
@ApplicationScoped
public class AuditTrail {


    private final EntityManager entityManager;
    private final AuditLog log;
    private final Caller caller;
    private final ObjectMapper json;

    AuditTrail(EntityManager entityManager, AuditLog log, Caller caller, ObjectMapper json) {
        this.entityManager = entityManager;
        this.log = log;
        this.caller = caller;
        this.json = json;
    }

    /** What to look for; every field may be null but the purpose. */
    public record Filter(String purpose, String entity, String entityId, String actor, String action,
                         LocalDate from, LocalDate to) {

        /** From query parameters; a date that is not ISO (yyyy-MM-dd) is a 422 on its field. */
        public static Filter of(String purpose, String entity, String entityId, String actor, String action,
                                String from, String to) {
            return new Filter(purpose, entity, entityId, actor, action, date("from", from), date("to", to));
        }

        private static LocalDate date(String field, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(value.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw ProblemException.invalid(field, "must be a date as yyyy-MM-dd");
            }
        }
    }

    @Transactional
    public Page<AuditEntry> read(Filter filter, PageRequest page) {
        if (filter.purpose() == null || filter.purpose().strip().length() < 10) {
            throw ProblemException.invalid("purpose", "say why you read the audit trail (at least 10 characters),"
                    + " e.g. a complaint or an inspection and its number");
        }
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw ProblemException.invalid("to", "is before from");
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        condition(where, params, "entity", filter.entity());
        condition(where, params, "entity_id", filter.entityId());
        condition(where, params, "actor", filter.actor());
        condition(where, params, "action", filter.action());
        if (filter.from() != null) {
            where.append(" AND at >= :from");
            params.put("from", VietnamClock.startOf(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND at < :to");
            params.put("to", VietnamClock.startOf(filter.to().plusDays(1)));
        }
        long total = ((Number) bind(entityManager.createNativeQuery(
                "SELECT count(*) FROM audit_log WHERE " + where), params).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(entityManager.createNativeQuery("""
                        SELECT id, at, actor, client, action, entity, entity_id, detail, CAST(before AS text),
                               CAST(after AS text), request_id
                        FROM audit_log WHERE %s ORDER BY id DESC""".formatted(where)), params)
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        List<AuditEntry> items = new ArrayList<>();
        for (Object[] r : rows) {
            items.add(new AuditEntry(((Number) r[0]).longValue(), NativeValues.offsetDateTime(r[1]), (String) r[2],
                    (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7], map((String) r[8]),
                    map((String) r[9]), (String) r[10]));
        }
        log.record("AUDIT_LOG", null, "AUDIT_READ", caller.actor(), filter.purpose().strip()
                + " [entity=" + filter.entity() + ", entityId=" + filter.entityId() + ", actor=" + filter.actor()
                + ", action=" + filter.action() + ", from=" + filter.from() + ", to=" + filter.to() + "]");
        return Page.of(items, page, total);
    }

    private Map<String, Object> map(String snapshot) {
        if (snapshot == null) {
            return null;
        }
        try {
            return json.readValue(snapshot, new TypeReference<Map<String, Object>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("audit snapshot", e);
        }
    }

    private static void condition(StringBuilder where, Map<String, Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" AND ").append(column).append(" = :").append(column);
            params.put(column, value.strip());
        }
    }

    private static Query bind(Query query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }
}
