package vn.vnn.emulation.nominations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.vnn.kit.Ids;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.sql.TableOwner;

/** The history of each nomination, step by step, kept both with the nomination and in the audit trail. */
@ApplicationScoped
@TableOwner("nomination_step")
public class NominationSteps {

    private final EntityManager entityManager;
    private final AuditLog audit;

    NominationSteps(EntityManager entityManager, AuditLog audit) {
        this.entityManager = entityManager;
        this.audit = audit;
    }

    void record(Nomination nomination, Nomination.Recorded step, String actor) {
        audit.record("NOMINATION", nomination.id, step.step(), actor, step.detail());
        entityManager.createNativeQuery("""
                        INSERT INTO nomination_step (id, nomination_id, step, actor, at, detail)
                        VALUES (?1, ?2, ?3, ?4, now(), ?5)""")
                .setParameter(1, Ids.newId()).setParameter(2, nomination.id).setParameter(3, step.step())
                .setParameter(4, actor).setParameter(5, step.detail()).executeUpdate();
    }
}
