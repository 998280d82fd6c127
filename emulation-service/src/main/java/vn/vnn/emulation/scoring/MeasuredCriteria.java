package vn.vnn.emulation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.emulation.domain.Criterion;
import vn.vnn.emulation.domain.Movement;
import vn.vnn.events.fund.DisbursementPaidV1;
import vn.vnn.events.fund.DonationCancelledV1;
import vn.vnn.events.fund.DonationReceivedV1;
import vn.vnn.events.household.HouseholdStatusRecognizedV1;
import vn.vnn.kit.Ids;
import vn.vnn.kit.sql.NativeValues;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Moves the scores of measured criteria as events arrive: a donation adds its amount (and one donation) to its donor's
 * scores, an escape from poverty or a paid house to its commune's, in every movement running on the event's date in
 * the event's area (or nationwide); a cancelled donation takes back what it added. Incremental, never a rescan, and
 * set-wise: a poll of donations costs a handful of statements whatever its size. Runs in the consumer's transaction
 * after the inbox accepted the events, so once per event.
 */
@ApplicationScoped
public class MeasuredCriteria {

    private final EntityManager entityManager;

    MeasuredCriteria(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Credits donations to their donors' scores, except those whose cancellation came first.
     *
     * @return the donations credited, in order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DonationReceivedV1> onDonations(List<DonationReceivedV1> donations) {
        @SuppressWarnings("unchecked")
        Set<String> claimed = new HashSet<>(entityManager.createNativeQuery("""
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
                .getResultList());
        List<DonationReceivedV1> credited = donations.stream().filter(d -> claimed.remove(d.donationId())).toList();
        if (credited.isEmpty()) {
            return credited;
        }
        Map<String, UUID> donors = donors(credited);
        applyAll(credited.stream().map(d -> new Contribution(() -> donors.get(d.donorId()), d.receivedOn(),
                List.of(d.fundAreaCode()), Map.of(
                Criterion.Measure.DONATED_VND, BigDecimal.valueOf(d.amountVnd()),
                Criterion.Measure.DONATIONS, BigDecimal.ONE), "DONATION", d.donationId())).toList());
        return credited;
    }

    /** The donor and the fund's area a cancelled donation had been credited to. */
    public record Credited(String donorRef, String areaCode) {
    }

    /**
     * Takes a cancelled donation back out of every score it raised; a threshold no longer met is no longer reached.
     *
     * @return whom the donation had been credited to; empty when it had not been (the cancellation came first, the
     *         donation never will; or it was anonymous and credited no one)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Optional<Credited> onDonationCancelled(DonationCancelledV1 cancellation) {
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
            return java.util.Optional.empty();
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
        return java.util.Optional.of(new Credited((String) credited.get(0)[1], (String) credited.get(0)[2]));
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
            applyAll(List.of(new Contribution(() -> commune(recognition.communeCode(), recognition.provinceCode()),
                    recognition.recognizedOn(), areas(recognition.communeCode(), recognition.provinceCode()),
                    Map.of(measure, BigDecimal.ONE), "RECOGNITION", recognition.decisionNo() != null
                    ? recognition.decisionNo() : "review " + recognition.reviewYear())));
        }
    }

    /** Support paid counts for the household's commune; a house (purpose HOUSING) is one house built. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onDisbursement(DisbursementPaidV1 payment) {
        Map<Criterion.Measure, BigDecimal> deltas = new EnumMap<>(Criterion.Measure.class);
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
        applyAll(List.of(new Contribution(() -> commune(payment.communeCode(), provinceCode), payment.paidOn(),
                areas(payment.communeCode(), provinceCode), deltas, "DISBURSEMENT", payment.disbursementId())));
    }

    /** A verified piece of evidence counts for its criterion as an event would. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addVerified(UUID movementId, UUID criterionId, UUID participant, BigDecimal value, UUID evidenceId) {
        LocalDate today = LocalDate.now();
        Map<Key, Delta> delta = Map.of(new Key(criterionId, participant), new Delta(movementId, today, value, 1));
        register(delta);
        addToScores(delta);
        List<Object[]> credit = new ArrayList<>();
        credit.add(new Object[]{movementId, criterionId, participant, "EVIDENCE", evidenceId, today, value});
        remember(credit);
    }

    private static List<String> areas(String commune, String province) {
        return province == null ? List.of(commune) : List.of(commune, province);
    }

    /** One event's share: whose score, on which date, in which areas, how much per measure, and what it was. */
    private record Contribution(Supplier<UUID> participant, LocalDate date, List<String> areas,
                                Map<Criterion.Measure, BigDecimal> deltas, String sourceKind, String sourceRef) {
    }

    private record RunningCriterion(UUID id, UUID movementId, Criterion.Measure measure, String areaCode,
                                    LocalDate startsOn, LocalDate endsOn) {
        boolean counts(Contribution contribution) {
            return contribution.deltas().containsKey(measure) && !contribution.date().isBefore(startsOn)
                    && !contribution.date().isAfter(endsOn)
                    && (Movement.NATIONAL.equals(areaCode) || contribution.areas().contains(areaCode));
        }
    }

    /** A score: criterion and participant; ordered, so that concurrent transactions lock scores in one order. */
    private record Key(UUID criterionId, UUID participantId) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byCriterion = criterionId.compareTo(other.criterionId);
            return byCriterion != 0 ? byCriterion : participantId.compareTo(other.participantId);
        }
    }

    private record Delta(UUID movementId, LocalDate firstDate, BigDecimal value, int events) {
        Delta plus(LocalDate date, BigDecimal more) {
            return new Delta(movementId, date.isBefore(firstDate) ? date : firstDate, value.add(more), events + 1);
        }
    }

    /**
     * Adds each contribution's deltas to its participant's score on every criterion with that measure of every
     * movement running on its date in one of its areas or nationwide: the criteria are read once, the deltas summed
     * per score, and each table written in one statement.
     */
    private void applyAll(List<Contribution> contributions) {
        List<RunningCriterion> criteria = runningCriteria(contributions);
        if (criteria.isEmpty()) {
            return;
        }
        Map<Key, Delta> deltas = new TreeMap<>();
        List<Object[]> credits = new ArrayList<>();
        for (Contribution contribution : contributions) {
            UUID participant = null;
            for (RunningCriterion criterion : criteria) {
                if (!criterion.counts(contribution)) {
                    continue;
                }
                participant = participant != null ? participant : contribution.participant().get();
                BigDecimal value = contribution.deltas().get(criterion.measure());
                deltas.merge(new Key(criterion.id(), participant),
                        new Delta(criterion.movementId(), contribution.date(), value, 1),
                        (sum, one) -> sum.plus(one.firstDate(), one.value()));
                credits.add(new Object[]{criterion.movementId(), criterion.id(), participant,
                        contribution.sourceKind(), contribution.sourceRef(), contribution.date(), value});
            }
        }
        if (deltas.isEmpty()) {
            return;
        }
        register(deltas);
        addToScores(deltas);
        remember(credits);
    }

    /** Each event's share of each score, kept as the evidence behind it (and to take a cancelled donation back). */
    private void remember(List<Object[]> credits) {
        entityManager.createNativeQuery("""
                        INSERT INTO score_credit (movement_id, criterion_id, participant_id, source_kind, source_ref,
                                                  occurred_on, value)
                        SELECT CAST(m AS uuid), CAST(c AS uuid), CAST(p AS uuid), k, r, CAST(d AS date),
                               CAST(v AS numeric)
                        FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[]), CAST(?3 AS text[]), CAST(?4 AS text[]),
                                    CAST(?5 AS text[]), CAST(?6 AS text[]), CAST(?7 AS text[]))
                             AS t (m, c, p, k, r, d, v)""")
                .setParameter(1, column(credits, 0)).setParameter(2, column(credits, 1))
                .setParameter(3, column(credits, 2)).setParameter(4, column(credits, 3))
                .setParameter(5, column(credits, 4)).setParameter(6, column(credits, 5))
                .setParameter(7, column(credits, 6)).executeUpdate();
    }

    /** The measured criteria of movements that run during the contributions' dates in their areas or nationwide. */
    private List<RunningCriterion> runningCriteria(List<Contribution> contributions) {
        LocalDate from = contributions.stream().map(Contribution::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = contributions.stream().map(Contribution::date).max(LocalDate::compareTo).orElseThrow();
        String[] areas = contributions.stream().flatMap(c -> c.areas().stream()).distinct().toArray(String[]::new);
        String[] measures = contributions.stream().flatMap(c -> c.deltas().keySet().stream()).distinct()
                .map(Enum::name).toArray(String[]::new);
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
                Criterion.Measure.valueOf((String) r[2]), (String) r[3], NativeValues.localDate(r[4]), NativeValues.localDate(r[5]))).toList();
    }

    /** Measured participants take part in the movements they score in (đăng ký by their achievement). */
    private void register(Map<Key, Delta> deltas) {
        Map<List<UUID>, LocalDate> registrations = new TreeMap<>(
                java.util.Comparator.<List<UUID>, UUID>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
        deltas.forEach((key, delta) -> registrations.merge(List.of(delta.movementId(), key.participantId()),
                delta.firstDate(), (a, b) -> a.isBefore(b) ? a : b));
        entityManager.createNativeQuery("""
                        INSERT INTO registration (movement_id, participant_id, registered_on, how)
                        SELECT CAST(m AS uuid), CAST(p AS uuid), CAST(d AS date), 'MEASURED'
                        FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[]), CAST(?3 AS text[])) AS t (m, p, d)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, registrations.keySet().stream().map(k -> k.get(0).toString()).toArray(String[]::new))
                .setParameter(2, registrations.keySet().stream().map(k -> k.get(1).toString()).toArray(String[]::new))
                .setParameter(3, registrations.values().stream().map(LocalDate::toString).toArray(String[]::new))
                .executeUpdate();
    }

    /** Adds to the scores and, the first time one reaches its criterion's threshold, records when. */
    private void addToScores(Map<Key, Delta> deltas) {
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
                          AND c.candidate_threshold IS NOT NULL AND s.value >= c.candidate_threshold""")
                .setParameter(1, criteria).setParameter(2, participants).executeUpdate();
    }

    private static String[] column(List<Object[]> rows, int index) {
        return rows.stream().map(r -> r[index] instanceof BigDecimal d ? d.toPlainString() : r[index].toString())
                .toArray(String[]::new);
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

    /**
     * The donors as participants, by donor id; the latest name wins. Only named gifts come here: an anonymous one is
     * never attributed to a participant.
     */
    private Map<String, UUID> donors(List<DonationReceivedV1> donations) {
        Map<String, DonationReceivedV1> latest = new TreeMap<>();
        Map<String, String> knownName = new TreeMap<>();
        for (DonationReceivedV1 donation : donations) {
            if (donation.anonymous() || donation.donorId() == null) {
                throw new IllegalArgumentException("an anonymous gift is never credited to a participant");
            }
            latest.put(donation.donorId(), donation);
            knownName.put(donation.donorId(), donation.donorName());
        }
        String[] refs = latest.keySet().toArray(String[]::new);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        INSERT INTO participant (id, kind, name, area_code, source, source_ref, created_at)
                        SELECT CAST(i AS uuid), k, n, a, 'DONOR', r, now()
                        FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[]), CAST(?3 AS text[]), CAST(?4 AS text[]),
                                    CAST(?5 AS text[])) AS t (i, k, n, a, r)
                        ON CONFLICT (source, source_ref) DO UPDATE SET source = participant.source
                        RETURNING source_ref, id""")
                .setParameter(1, latest.values().stream().map(d -> Ids.newId().toString()).toArray(String[]::new))
                .setParameter(2, latest.values().stream()
                        .map(d -> "ORGANISATION".equals(d.donorType()) ? "COLLECTIVE" : "INDIVIDUAL")
                        .toArray(String[]::new))
                .setParameter(3, latest.values().stream().map(d -> knownName.getOrDefault(d.donorId(), d.donorName()))
                        .toArray(String[]::new))
                .setParameter(4, latest.values().stream().map(DonationReceivedV1::fundAreaCode).toArray(String[]::new))
                .setParameter(5, refs).getResultList();
        if (!knownName.isEmpty()) {
            entityManager.createNativeQuery("""
                            UPDATE participant p SET name = t.n
                            FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[])) AS t (r, n)
                            WHERE p.source = 'DONOR' AND p.source_ref = t.r AND p.name <> t.n""")
                    .setParameter(1, knownName.keySet().toArray(String[]::new))
                    .setParameter(2, knownName.values().toArray(String[]::new)).executeUpdate();
        }
        Map<String, UUID> ids = new HashMap<>();
        rows.forEach(r -> ids.put((String) r[0], (UUID) r[1]));
        return ids;
    }
}
