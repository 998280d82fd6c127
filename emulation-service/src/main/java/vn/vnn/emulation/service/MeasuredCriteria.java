package vn.vnn.emulation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.emulation.domain.Criterion;
import vn.vnn.emulation.domain.Movement;
import vn.vnn.events.fund.DisbursementPaidV1;
import vn.vnn.events.household.HouseholdStatusRecognizedV1;
import java.util.Map;
import vn.vnn.events.fund.DonationReceivedV1;
import vn.vnn.kit.Ids;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Moves the scores of measured criteria as events arrive: a donation adds its amount (and one donation) to its donor's
 * scores, an escape from poverty or a paid house to its commune's, in every movement running on the event's date in
 * the event's area (or nationwide). Incremental: one update per
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
        apply(() -> donor(donation), donation.receivedOn(), List.of(donation.fundAreaCode()), Map.of(
                Criterion.Measure.DONATED_VND, BigDecimal.valueOf(donation.amountVnd()),
                Criterion.Measure.DONATIONS, BigDecimal.ONE));
    }

    /** An escape from poverty or a fall back into it counts for the household's commune. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onRecognition(HouseholdStatusRecognizedV1 recognition) {
        Criterion.Measure measure = switch (recognition.transition()) {
            case "ESCAPED_POVERTY" -> Criterion.Measure.HOUSEHOLDS_ESCAPED;
            case "RE_POOR" -> Criterion.Measure.HOUSEHOLDS_RE_POOR;
            default -> null;
        };
        if (measure != null) {
            apply(() -> commune(recognition.communeCode(), recognition.provinceCode()), recognition.recognizedOn(),
                    areas(recognition.communeCode(), recognition.provinceCode()), Map.of(measure, BigDecimal.ONE));
        }
    }

    /** Support paid counts for the household's commune; a house (purpose HOUSING) is one house built. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onDisbursement(DisbursementPaidV1 payment) {
        Map<Criterion.Measure, BigDecimal> deltas = new java.util.EnumMap<>(Criterion.Measure.class);
        deltas.put(Criterion.Measure.SUPPORT_RECEIVED_VND, BigDecimal.valueOf(payment.amountVnd()));
        if ("HOUSING".equals(payment.purpose())) {
            deltas.put(Criterion.Measure.HOUSES_BUILT, BigDecimal.ONE);
        }
        // The event names no province; the commune's participant knows it from the recognitions it has seen.
        @SuppressWarnings("unchecked")
        List<String> province = entityManager.createNativeQuery("""
                        SELECT area_code FROM participant WHERE source = 'COMMUNE' AND source_ref = ?1""")
                .setParameter(1, payment.communeCode()).getResultList();
        String provinceCode = province.isEmpty() || payment.communeCode().equals(province.get(0)) ? null
                : province.get(0);
        apply(() -> commune(payment.communeCode(), provinceCode), payment.paidOn(),
                areas(payment.communeCode(), provinceCode), deltas);
    }

    /** A verified piece of evidence counts for its criterion as an event would. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addVerified(UUID movementId, UUID criterionId, UUID participant, BigDecimal value) {
        entityManager.createNativeQuery("""
                        INSERT INTO registration (movement_id, participant_id, registered_on, how)
                        VALUES (?1, ?2, current_date, 'MEASURED') ON CONFLICT DO NOTHING""")
                .setParameter(1, movementId).setParameter(2, participant).executeUpdate();
        score(criterionId, movementId, participant, value);
    }

    private static List<String> areas(String commune, String province) {
        return province == null ? List.of(commune) : List.of(commune, province);
    }

    /**
     * Adds each measure's delta to the participant's score on every criterion with that measure of every movement
     * running on {@code date} in one of {@code areas} or nationwide.
     */
    private void apply(java.util.function.Supplier<UUID> participantOf, java.time.LocalDate date, List<String> areas,
                       Map<Criterion.Measure, BigDecimal> deltas) {
        @SuppressWarnings("unchecked")
        List<Object[]> criteria = entityManager.createNativeQuery("""
                        SELECT c.id, c.movement_id, c.measure, c.candidate_threshold
                        FROM criterion c JOIN movement m ON m.id = c.movement_id
                        WHERE m.starts_on <= ?1 AND m.ends_on >= ?1
                          AND (m.area_code = ?2 OR m.area_code = ANY(CAST(?3 AS text[])))
                          AND c.measure = ANY(CAST(?4 AS text[]))""")
                .setParameter(1, date).setParameter(2, Movement.NATIONAL)
                .setParameter(3, areas.toArray(String[]::new))
                .setParameter(4, deltas.keySet().stream().map(Enum::name).toArray(String[]::new)).getResultList();
        if (criteria.isEmpty()) {
            return;
        }
        UUID participant = participantOf.get();
        for (Object[] criterion : criteria) {
            UUID criterionId = (UUID) criterion[0];
            UUID movementId = (UUID) criterion[1];
            BigDecimal delta = deltas.get(Criterion.Measure.valueOf((String) criterion[2]));
            entityManager.createNativeQuery("""
                            INSERT INTO registration (movement_id, participant_id, registered_on, how)
                            VALUES (?1, ?2, ?3, 'MEASURED') ON CONFLICT DO NOTHING""")
                    .setParameter(1, movementId).setParameter(2, participant)
                    .setParameter(3, date).executeUpdate();
            score(criterionId, movementId, participant, delta);
        }
    }

    /** Adds to a score and, the first time it reaches the criterion's threshold, records when. */
    private void score(UUID criterionId, UUID movementId, UUID participant, BigDecimal delta) {
        entityManager.createNativeQuery("""
                        INSERT INTO score (criterion_id, participant_id, movement_id, value, events, updated_at)
                        VALUES (?1, ?2, ?3, ?4, 1, ?5)
                        ON CONFLICT (criterion_id, participant_id)
                        DO UPDATE SET value = score.value + EXCLUDED.value, events = score.events + 1,
                                      updated_at = EXCLUDED.updated_at""")
                .setParameter(1, criterionId).setParameter(2, participant).setParameter(3, movementId)
                .setParameter(4, delta).setParameter(5, OffsetDateTime.now()).executeUpdate();
        // "Promptly discover": the moment a participant crosses the threshold is kept as the evidence.
        entityManager.createNativeQuery("""
                        UPDATE score s SET first_reached = ?3 FROM criterion c
                        WHERE s.criterion_id = ?1 AND s.participant_id = ?2 AND c.id = s.criterion_id
                          AND s.first_reached IS NULL AND c.candidate_threshold IS NOT NULL
                          AND s.value >= c.candidate_threshold""")
                .setParameter(1, criterionId).setParameter(2, participant).setParameter(3, OffsetDateTime.now())
                .executeUpdate();
    }

    /** The commune as a collective participant, known by its code until someone names it. */
    private UUID commune(String communeCode, String provinceCode) {
        @SuppressWarnings("unchecked")
        List<UUID> id = entityManager.createNativeQuery("""
                        INSERT INTO participant (id, kind, name, area_code, source, source_ref, created_at)
                        VALUES (?1, 'COLLECTIVE', ?2, ?3, 'COMMUNE', ?4, now())
                        ON CONFLICT (source, source_ref) DO UPDATE SET area_code = participant.area_code
                        RETURNING id""", UUID.class)
                .setParameter(1, Ids.newId()).setParameter(2, "Xã, phường " + communeCode)
                .setParameter(3, provinceCode == null ? communeCode : provinceCode).setParameter(4, communeCode)
                .getResultList();
        return id.get(0);
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
