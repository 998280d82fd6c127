package vn.vnn.fund.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.kit.Ids;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The audit trail of the fund: who did what to which donor, donation, disbursement or fund, and when. */
@ApplicationScoped
public class FundAudit {

    private final EntityManager entityManager;

    FundAudit(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String entity, UUID entityId, String action, String actor, String detail) {
        entityManager.createNativeQuery("""
                        INSERT INTO fund_audit (id, entity, entity_id, action, actor, at, detail)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, Ids.newId()).setParameter(2, entity).setParameter(3, entityId)
                .setParameter(4, action).setParameter(5, actor).setParameter(6, OffsetDateTime.now())
                .setParameter(7, detail).executeUpdate();
    }
}
