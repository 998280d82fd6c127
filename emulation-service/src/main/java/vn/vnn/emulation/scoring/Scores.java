package vn.vnn.emulation.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.vnn.emulation.movements.Criterion;
import vn.vnn.emulation.movements.Movement;
import vn.vnn.events.fund.DonationCancelledV1;
import vn.vnn.events.fund.DonationReceivedV1;
import vn.vnn.kit.sql.NativeValues;
import vn.vnn.kit.sql.TableOwner;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The scores of measured criteria and the credits behind them, kept incrementally and set-wise (a poll of events costs
 * a handful of statements whatever its size): the one owner of {@code score}, {@code score_credit} and
 * {@code donation_credit}, handing out typed records.
 */
@ApplicationScoped
@TableOwner({"score", "score_credit", "donation_credit"})
public class Scores {

    /** A measured criterion of a movement, with the movement's area and period. */
    public record RunningCriterion(UUID id, UUID movementId, Criterion.Measure measure, String areaCode,
                                   LocalDate startsOn, LocalDate endsOn) {
    }

    /** A score: criterion and participant; ordered, so that concurrent transactions lock scores in one order. */
    public record Key(UUID criterionId, UUID participantId) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byCriterion = criterionId.compareTo(other.criterionId);
            return byCriterion != 0 ? byCriterion : participantId.compareTo(other.participantId);
        }
    }

    /** What to add to a score: the value, the number of events and the earliest event's date. */
    public record Delta(UUID movementId, LocalDate firstDate, BigDecimal value, int events) {
        Delta plus(LocalDate date, BigDecimal more) {
            return new Delta(movementId, date.isBefore(firstDate) ? date : firstDate, value.add(more), events + 1);
        }
    }

    /** One event's share of one score, kept as the evidence behind it (and to take a cancelled donation back). */
    public record Credit(UUID movementId, UUID criterionId, UUID participantId, String sourceKind, String sourceRef,
                         LocalDate occurredOn, BigDecimal value) {
    }

    /** The donor and the fund's area a cancelled donation had been credited to. */
    public record Credited(String donorRef, String areaCode) {
    }

    /** A registered participant with its score on one criterion (null criterion when it has none yet). */
    record StandingRow(UUID participantId, String name, String kind, String areaCode, UUID criterionId,
                       BigDecimal value) {
    }

    /** Measures where more is worse never make a candidate by growing. */
    private static final String[] LOWER_IS_BETTER = java.util.Arrays.stream(Criterion.Measure.values())
            .filter(Criterion.Measure::lowerIsBetter).map(Enum::name).toArray(String[]::new);

    private final EntityManager entityManager;

    Scores(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Claims the donations not credited yet (nor cancelled first); returns the ids claimed. */
    Set<String> claimDonations(List<DonationReceivedV1> donations) {
        @SuppressWarnings("unchecked")
        List<String> claimed = entityManager.createNativeQuery("""
                        INSERT INTO donation_credit (donation_id, donor_ref, amount_vnd, area_code, credited_at)
                        SELECT d, r, a, f, now()
                        FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[]), CAST(?3 AS bigint[]),
                                    CAST(?4 AS text[])) AS t (d, r, a, f)
                        ON CONFLICT (donation_id) DO NOTHING
                        RETURNING donation_id""")
                .setParameter(1, donations.stream().map(DonationReceivedV1::donationId).toArray(String[]::new))
                .setParameter(2, donations.stream().map(DonationReceivedV1::donorId).toArray(String[]::new))
                .setParameter(3, donations.stream().map(DonationReceivedV1::amountVnd).toArray(Long[]::new))
                .setParameter(4, donations.stream().map(DonationReceivedV1::fundAreaCode).toArray(String[]::new))
                .getResultList();
        return new HashSet<>(claimed);
    }

    /**
     * Records a cancellation and takes the donation back out of every score it raised (a threshold no longer met is
     * no longer reached); empty when it had not been credited.
     */
    Optional<Credited> cancelDonation(DonationCancelledV1 cancellation) {
        @SuppressWarnings("unchecked")
        List<Object[]> credited = entityManager.createNativeQuery("""
                        INSERT INTO donation_credit (donation_id, donor_ref, amount_vnd, cancelled_on, cancel_reason)
                        VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (donation_id) DO UPDATE
                          SET cancelled_on = EXCLUDED.cancelled_on, cancel_reason = EXCLUDED.cancel_reason
                          WHERE donation_credit.cancelled_on IS NULL
                        RETURNING credited_at, donor_ref, coalesce(area_code, '-')""")
                .setParameter(1, cancellation.donationId()).setParameter(2, cancellation.donorId())
                .setParameter(3, cancellation.amountVnd()).setParameter(4, cancellation.cancelledOn())
                .setParameter(5, cancellation.reason()).getResultList();
        if (credited.isEmpty() || credited.get(0)[0] == null || credited.get(0)[1] == null) {
            return Optional.empty();
        }
        entityManager.createNativeQuery("""
                        WITH taken AS (
                            UPDATE score_credit SET taken_back = true
                            WHERE source_kind = 'DONATION' AND source_ref = ?1 AND NOT taken_back
                            RETURNING criterion_id, participant_id, value)
                        UPDATE score s SET value = s.value - t.value, events = s.events - 1, updated_at = now(),
                               first_reached = CASE WHEN s.value - t.value < c.candidate_threshold THEN NULL
                                                    ELSE s.first_reached END
                        FROM taken t JOIN criterion c ON c.id = t.criterion_id
                        WHERE s.criterion_id = t.criterion_id AND s.participant_id = t.participant_id""")
                .setParameter(1, cancellation.donationId()).executeUpdate();
        return Optional.of(new Credited((String) credited.get(0)[1], (String) credited.get(0)[2]));
    }

    /** The criteria with these measures of movements running between the dates in these areas or nationwide. */
    List<RunningCriterion> running(LocalDate from, LocalDate to, String[] areas, String[] measures) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT c.id, c.movement_id, c.measure, m.area_code, m.starts_on, m.ends_on
                        FROM criterion c JOIN movement m ON m.id = c.movement_id
                        WHERE m.starts_on <= ?1 AND m.ends_on >= ?2
                          AND (m.area_code = ?3 OR m.area_code = ANY(CAST(?4 AS text[])))
                          AND c.measure = ANY(CAST(?5 AS text[]))""")
                .setParameter(1, to).setParameter(2, from).setParameter(3, Movement.NATIONAL)
                .setParameter(4, areas).setParameter(5, measures).getResultList();
        return rows.stream().map(r -> new RunningCriterion((UUID) r[0], (UUID) r[1],
                Criterion.Measure.valueOf((String) r[2]), (String) r[3], NativeValues.localDate(r[4]),
                NativeValues.localDate(r[5]))).toList();
    }

    /** Adds to the scores and, the first time one reaches its criterion's threshold, records when. */
    void add(Map<Key, Delta> deltas) {
        String[] criteria = deltas.keySet().stream().map(k -> k.criterionId().toString()).toArray(String[]::new);
        String[] participants = deltas.keySet().stream().map(k -> k.participantId().toString())
                .toArray(String[]::new);
        entityManager.createNativeQuery("""
                        INSERT INTO score (criterion_id, participant_id, movement_id, value, events, updated_at)
                        SELECT CAST(c AS uuid), CAST(p AS uuid), CAST(m AS uuid), CAST(v AS numeric), n, now()
                        FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[]), CAST(?3 AS text[]), CAST(?4 AS text[]),
                                    CAST(?5 AS int[])) AS t (c, p, m, v, n)
                        ON CONFLICT (criterion_id, participant_id)
                        DO UPDATE SET value = score.value + EXCLUDED.value, events = score.events + EXCLUDED.events,
                                      updated_at = EXCLUDED.updated_at""")
                .setParameter(1, criteria).setParameter(2, participants)
                .setParameter(3, deltas.values().stream().map(d -> d.movementId().toString()).toArray(String[]::new))
                .setParameter(4, deltas.values().stream().map(d -> d.value().toPlainString()).toArray(String[]::new))
                .setParameter(5, deltas.values().stream().map(Delta::events).toArray(Integer[]::new))
                .executeUpdate();
        // "Promptly discover": the moment a participant crosses the threshold is kept as the evidence.
        entityManager.createNativeQuery("""
                        UPDATE score s SET first_reached = clock_timestamp()
                        FROM criterion c, unnest(CAST(?1 AS text[]), CAST(?2 AS text[])) AS t (c, p)
                        WHERE s.criterion_id = CAST(t.c AS uuid) AND s.participant_id = CAST(t.p AS uuid)
                          AND c.id = s.criterion_id AND s.first_reached IS NULL
                          AND c.candidate_threshold IS NOT NULL AND s.value >= c.candidate_threshold
                          AND c.measure <> ALL(CAST(?3 AS text[]))""")
                .setParameter(1, criteria).setParameter(2, participants).setParameter(3, LOWER_IS_BETTER)
                .executeUpdate();
    }

    /** Each event's share of each score, kept as the evidence behind it (and to take a cancelled donation back). */
    void remember(List<Credit> credits) {
        entityManager.createNativeQuery("""
                        INSERT INTO score_credit (movement_id, criterion_id, participant_id, source_kind, source_ref,
                                                  occurred_on, value)
                        SELECT CAST(m AS uuid), CAST(c AS uuid), CAST(p AS uuid), k, r, CAST(d AS date),
                               CAST(v AS numeric)
                        FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[]), CAST(?3 AS text[]), CAST(?4 AS text[]),
                                    CAST(?5 AS text[]), CAST(?6 AS text[]), CAST(?7 AS text[]))
                             AS t (m, c, p, k, r, d, v)""")
                .setParameter(1, credits.stream().map(c -> c.movementId().toString()).toArray(String[]::new))
                .setParameter(2, credits.stream().map(c -> c.criterionId().toString()).toArray(String[]::new))
                .setParameter(3, credits.stream().map(c -> c.participantId().toString()).toArray(String[]::new))
                .setParameter(4, credits.stream().map(Credit::sourceKind).toArray(String[]::new))
                .setParameter(5, credits.stream().map(Credit::sourceRef).toArray(String[]::new))
                .setParameter(6, credits.stream().map(c -> c.occurredOn().toString()).toArray(String[]::new))
                .setParameter(7, credits.stream().map(c -> c.value().toPlainString()).toArray(String[]::new))
                .executeUpdate();
    }

    /** The participant's value on the criterion; zero before anything counted. */
    BigDecimal current(UUID criterionId, UUID participantId) {
        List<?> rows = entityManager.createNativeQuery(
                        "SELECT value FROM score WHERE criterion_id = ?1 AND participant_id = ?2")
                .setParameter(1, criterionId).setParameter(2, participantId).getResultList();
        return rows.isEmpty() ? BigDecimal.ZERO : new BigDecimal(rows.get(0).toString());
    }

    /** Whether a source has already been credited to the participant's score on the criterion (and not taken back). */
    boolean credited(UUID criterionId, UUID participantId, String sourceKind, String sourceRef) {
        return !entityManager.createNativeQuery("""
                        SELECT 1 FROM score_credit
                        WHERE criterion_id = ?1 AND participant_id = ?2 AND source_kind = ?3 AND source_ref = ?4
                          AND NOT taken_back LIMIT 1""")
                .setParameter(1, criterionId).setParameter(2, participantId).setParameter(3, sourceKind)
                .setParameter(4, sourceRef).getResultList().isEmpty();
    }

    /** Every registered participant of the movement with its scores, optionally of one kind or area. */
    List<StandingRow> standing(UUID movementId, String kind, String areaCode) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT p.id, p.name, p.kind, p.area_code, s.criterion_id, s.value
                        FROM registration r JOIN participant p ON p.id = r.participant_id
                             LEFT JOIN score s ON s.participant_id = p.id AND s.movement_id = r.movement_id
                        WHERE r.movement_id = ?1 AND (CAST(?2 AS text) IS NULL OR p.kind = ?2)
                          AND (CAST(?3 AS text) IS NULL OR p.area_code = ?3
                               OR p.source = 'COMMUNE' AND p.source_ref = ?3)""")
                .setParameter(1, movementId).setParameter(2, kind).setParameter(3, areaCode).getResultList();
        return rows.stream().map(r -> new StandingRow((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                (UUID) r[4], (BigDecimal) r[5])).toList();
    }

    /** What moved a participant's scores in a movement, newest first. */
    List<ScoreCredit> credits(UUID movementId, UUID participantId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT c.code, k.source_kind, k.source_ref, k.occurred_on, k.value, k.taken_back
                        FROM score_credit k JOIN criterion c ON c.id = k.criterion_id
                        WHERE k.movement_id = ?1 AND k.participant_id = ?2
                        ORDER BY k.occurred_on DESC, k.id DESC LIMIT ?3""")
                .setParameter(1, movementId).setParameter(2, participantId).setParameter(3, limit)
                .getResultList();
        return rows.stream().map(r -> new ScoreCredit((String) r[0], (String) r[1], (String) r[2],
                NativeValues.localDate(r[3]), (BigDecimal) r[4], (Boolean) r[5])).toList();
    }

    /** Participants who crossed a criterion's threshold, first to cross first. */
    List<Candidate> candidates(UUID movementId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT p.id, p.name, p.kind, c.code, s.value, c.candidate_threshold, s.first_reached, s.events
                        FROM score s JOIN criterion c ON c.id = s.criterion_id
                             JOIN participant p ON p.id = s.participant_id
                        WHERE s.movement_id = ?1 AND s.first_reached IS NOT NULL
                        ORDER BY s.first_reached, p.id""")
                .setParameter(1, movementId).getResultList();
        return rows.stream().map(r -> new Candidate((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                (BigDecimal) r[4], (BigDecimal) r[5], offsetDateTime(r[6]), ((Number) r[7]).intValue())).toList();
    }

    private static OffsetDateTime offsetDateTime(Object value) {
        return NativeValues.offsetDateTime(value);
    }
}
