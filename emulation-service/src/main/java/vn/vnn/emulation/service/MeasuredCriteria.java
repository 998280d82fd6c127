package vn.vnn.emulation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.emulation.domain.Movement;
import vn.vnn.events.fund.DonationReceivedV1;
import vn.vnn.kit.Ids;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Moves the scores of measured criteria as events arrive: a donation adds its amount (and one donation) to its donor's
 * scores in every movement running on its date in the fund's area (or nationwide). Incremental: one update per
 * criterion, never a rescan. Runs in the consumer's transaction after the inbox accepted the event, so once per event.
 */
@ApplicationScoped
public class MeasuredCriteria {

    private final EntityManager entityManager;

    MeasuredCriteria(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onDonation(DonationReceivedV1 donation) {
        @SuppressWarnings("unchecked")
        List<Object[]> criteria = entityManager.createNativeQuery("""
                        SELECT c.id, c.movement_id, c.measure, c.candidate_threshold
                        FROM criterion c JOIN movement m ON m.id = c.movement_id
                        WHERE m.starts_on <= ?1 AND m.ends_on >= ?1 AND (m.area_code = ?2 OR m.area_code = ?3)
                          AND c.measure IN ('DONATED_VND', 'DONATIONS')""")
                .setParameter(1, donation.receivedOn()).setParameter(2, Movement.NATIONAL)
                .setParameter(3, donation.fundAreaCode()).getResultList();
        if (criteria.isEmpty()) {
            return;
        }
        UUID participant = donor(donation);
        for (Object[] criterion : criteria) {
            UUID criterionId = (UUID) criterion[0];
            UUID movementId = (UUID) criterion[1];
            BigDecimal delta = "DONATED_VND".equals(criterion[2]) ? BigDecimal.valueOf(donation.amountVnd())
                    : BigDecimal.ONE;
            entityManager.createNativeQuery("""
                            INSERT INTO registration (movement_id, participant_id, registered_on, how)
                            VALUES (?1, ?2, ?3, 'MEASURED') ON CONFLICT DO NOTHING""")
                    .setParameter(1, movementId).setParameter(2, participant)
                    .setParameter(3, donation.receivedOn()).executeUpdate();
            entityManager.createNativeQuery("""
                            INSERT INTO score (criterion_id, participant_id, movement_id, value, events, updated_at)
                            VALUES (?1, ?2, ?3, ?4, 1, ?5)
                            ON CONFLICT (criterion_id, participant_id)
                            DO UPDATE SET value = score.value + EXCLUDED.value, events = score.events + 1,
                                          updated_at = EXCLUDED.updated_at""")
                    .setParameter(1, criterionId).setParameter(2, participant).setParameter(3, movementId)
                    .setParameter(4, delta).setParameter(5, OffsetDateTime.now()).executeUpdate();
            if (criterion[3] != null) {
                // "Promptly discover": the moment a participant crosses the threshold is kept as the evidence.
                entityManager.createNativeQuery("""
                                UPDATE score SET first_reached = ?3
                                WHERE criterion_id = ?1 AND participant_id = ?2 AND first_reached IS NULL
                                  AND value >= ?4""")
                        .setParameter(1, criterionId).setParameter(2, participant)
                        .setParameter(3, OffsetDateTime.now()).setParameter(4, criterion[3]).executeUpdate();
            }
        }
    }

    /** The donor as a participant; an anonymous gift never reveals or overwrites a known name. */
    private UUID donor(DonationReceivedV1 donation) {
        String kind = "ORGANISATION".equals(donation.donorType()) ? "COLLECTIVE" : "INDIVIDUAL";
        @SuppressWarnings("unchecked")
        List<UUID> id = entityManager.createNativeQuery("""
                        INSERT INTO participant (id, kind, name, area_code, source, source_ref, created_at)
                        VALUES (?1, ?2, ?3, ?4, 'DONOR', ?5, now())
                        ON CONFLICT (source, source_ref) DO UPDATE
                          SET name = CASE WHEN ?6 THEN participant.name ELSE EXCLUDED.name END
                        RETURNING id""", UUID.class)
                .setParameter(1, Ids.newId()).setParameter(2, kind).setParameter(3, donation.donorName())
                .setParameter(4, donation.fundAreaCode()).setParameter(5, donation.donorId())
                .setParameter(6, donation.anonymous()).getResultList();
        return id.get(0);
    }
}
