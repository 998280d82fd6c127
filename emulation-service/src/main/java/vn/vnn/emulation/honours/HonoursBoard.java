package vn.vnn.emulation.honours;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.vnn.kit.sql.NativeValues;
import vn.vnn.kit.sql.TableOwner;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The public board read set-wise: decided awards that stand and nominees open for comment, joined with their
 * participants, movements and award forms, handed out as typed records.
 */
@ApplicationScoped
@TableOwner({"nomination (public board)", "participant (public board)"})
public class HonoursBoard {

    private static final String DECIDED = """
            FROM nomination n JOIN participant p ON p.id = n.participant_id
                 JOIN movement m ON m.id = n.movement_id JOIN award_form f ON f.code = n.award_form
            WHERE n.status = 'DECIDED' AND (CAST(?1 AS uuid) IS NULL OR m.id = ?1)
              AND (CAST(?2 AS text) IS NULL OR m.area_code = ?2)""";
    private static final String OPEN = """
            FROM nomination n JOIN participant p ON p.id = n.participant_id
                 JOIN movement m ON m.id = n.movement_id JOIN award_form f ON f.code = n.award_form
            WHERE n.status = 'ANNOUNCED' AND n.announced_on <= ?1 AND n.comments_until >= ?1
              AND (CAST(?2 AS text) IS NULL OR m.area_code = ?2)""";

    private final EntityManager entityManager;

    HonoursBoard(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    long honoursCount(UUID movementId, String areaCode) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) " + DECIDED)
                .setParameter(1, movementId).setParameter(2, areaCode).getSingleResult()).longValue();
    }

    /** Decided awards, newest first. */
    List<Honour> honours(UUID movementId, String areaCode, int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT n.id, p.name, p.kind, n.award_form, f.name, n.decision_no, n.decided_on,
                               n.authority_name, m.id, m.name, m.area_code""" + " " + DECIDED + """

                        ORDER BY n.decided_on DESC, n.decision_no""")
                .setParameter(1, movementId).setParameter(2, areaCode).setFirstResult(offset).setMaxResults(limit)
                .getResultList();
        return rows.stream().map(r -> new Honour((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], NativeValues.localDate(r[6]), (String) r[7], (UUID) r[8],
                (String) r[9], (String) r[10])).toList();
    }

    long openCount(LocalDate today, String areaCode) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) " + OPEN)
                .setParameter(1, today).setParameter(2, areaCode).getSingleResult()).longValue();
    }

    /** Nominees whose comment period is open on {@code today}, the latest posted first. */
    List<Announced> open(LocalDate today, String areaCode, int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT n.id, p.name, p.kind, f.name, n.achievement_summary, m.name, m.area_code,
                               n.announced_on, n.comments_until""" + " " + OPEN + """

                        ORDER BY n.announced_on DESC, n.id""")
                .setParameter(1, today).setParameter(2, areaCode).setFirstResult(offset).setMaxResults(limit)
                .getResultList();
        return rows.stream().map(r -> new Announced((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], NativeValues.localDate(r[7]),
                NativeValues.localDate(r[8]))).toList();
    }
}
