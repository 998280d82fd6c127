package vn.vnn.emulation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.emulation.api.AchievementSummary;
import vn.vnn.emulation.api.AchievementView;
import vn.vnn.emulation.domain.Achievement;
import vn.vnn.events.fund.DonationCancelledV1;
import vn.vnn.events.fund.DonationReceivedV1;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.security.AreaScope;
import vn.vnn.kit.sql.NativeValues;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Achievements measured from events, and reading them. */
@ApplicationScoped
public class AchievementService {

    private final MeasuredCriteria criteria;
    private final EmulationScope scope;
    private final EntityManager entityManager;

    AchievementService(MeasuredCriteria criteria, EmulationScope scope, EntityManager entityManager) {
        this.criteria = criteria;
        this.scope = scope;
        this.entityManager = entityManager;
    }

    /**
     * Credits the donors of donations (totals, count, last date, per area of the receiving fund) and their scores in
     * the movements they count for; runs in the consumer's transaction, after the inbox accepted the events. An
     * anonymous gift credits no one, whatever the event says about its donor. A donation whose cancellation came
     * first credits nothing. The latest name wins.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void creditDonations(List<DonationReceivedV1> donations) {
        List<DonationReceivedV1> attributable = donations.stream()
                .filter(d -> !d.anonymous() && d.donorId() != null).toList();
        if (attributable.isEmpty()) {
            return;
        }
        List<DonationReceivedV1> credited = criteria.onDonations(attributable);
        if (credited.isEmpty()) {
            return;
        }
        Map<List<String>, DonorTotal> totals = new TreeMap<>(BY_DONOR_AND_AREA); // one order of row locks
        credited.forEach(d -> totals.merge(List.of(d.donorId(), d.fundAreaCode()), DonorTotal.of(d),
                DonorTotal::plus));
        entityManager.createNativeQuery("""
                        INSERT INTO achievement (participant_id, area_code, participant_name, participant_type,
                                                 total_donated_vnd, donation_count, last_donation_on, updated_at,
                                                 version)
                        SELECT i, r, n, t, a, c, CAST(d AS date), now(), 0
                        FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[]), CAST(?3 AS text[]), CAST(?4 AS text[]),
                                    CAST(?5 AS bigint[]), CAST(?6 AS int[]), CAST(?7 AS text[]))
                             AS u (i, r, n, t, a, c, d)
                        ON CONFLICT (participant_id, area_code) DO UPDATE SET
                            total_donated_vnd = achievement.total_donated_vnd + EXCLUDED.total_donated_vnd,
                            donation_count = achievement.donation_count + EXCLUDED.donation_count,
                            last_donation_on = GREATEST(achievement.last_donation_on, EXCLUDED.last_donation_on),
                            updated_at = now(), version = achievement.version + 1""")
                .setParameter(1, totals.keySet().stream().map(k -> k.get(0)).toArray(String[]::new))
                .setParameter(2, totals.keySet().stream().map(k -> k.get(1)).toArray(String[]::new))
                .setParameter(3, totals.values().stream().map(DonorTotal::name).toArray(String[]::new))
                .setParameter(4, totals.values().stream().map(DonorTotal::type).toArray(String[]::new))
                .setParameter(5, totals.values().stream().map(DonorTotal::amountVnd).toArray(Long[]::new))
                .setParameter(6, totals.values().stream().map(DonorTotal::count).toArray(Integer[]::new))
                .setParameter(7, totals.values().stream().map(t -> t.lastOn().toString()).toArray(String[]::new))
                .executeUpdate();
        Map<String, String> names = new TreeMap<>();
        totals.forEach((key, total) -> names.put(key.get(0), total.name()));
        entityManager.createNativeQuery("""
                        UPDATE achievement a SET participant_name = u.n
                        FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[])) AS u (i, n)
                        WHERE a.participant_id = u.i AND a.participant_name <> u.n""")
                .setParameter(1, names.keySet().toArray(String[]::new))
                .setParameter(2, names.values().toArray(String[]::new)).executeUpdate();
    }

    private static final java.util.Comparator<List<String>> BY_DONOR_AND_AREA =
            java.util.Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1));

    /** A donor's donations to one area's funds in one batch; the name is the latest. */
    private record DonorTotal(String name, String type, long amountVnd, int count, LocalDate lastOn) {
        static DonorTotal of(DonationReceivedV1 d) {
            return new DonorTotal(d.donorName(), Achievement.participantTypeOf(d.donorType()), d.amountVnd(), 1,
                    d.receivedOn());
        }

        DonorTotal plus(DonorTotal later) {
            return new DonorTotal(later.name, type, Math.addExact(amountVnd, later.amountVnd), count + later.count,
                    later.lastOn.isAfter(lastOn) ? later.lastOn : lastOn);
        }
    }

    /** Takes a cancelled donation back from its donor's totals and scores, if it had been credited. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void takeBackDonation(DonationCancelledV1 cancellation) {
        criteria.onDonationCancelled(cancellation).ifPresent(credited -> {
            Achievement achievement = Achievement.findById(new Achievement.Key(credited.donorRef(),
                    credited.areaCode()));
            if (achievement != null) {
                achievement.debit(cancellation.amountVnd());
            }
        });
    }

    /** One participant's gifts to the funds the caller reaches; "not found" when there are none. */
    @Transactional
    public AchievementView get(String participantId) {
        List<AchievementView> found = ranked("participant_id = :participant",
                Map.of("participant", participantId), 0, 1);
        if (found.isEmpty()) {
            throw ProblemException.notFound("Participant", participantId);
        }
        return found.get(0);
    }

    /** Participants ranked by what they gave to the funds the caller reaches, largest first. */
    @Transactional
    public Page<AchievementView> ranking(PageRequest page) {
        Map<String, Object> params = new java.util.HashMap<>();
        String where = scopeCondition(params);
        long total = ((Number) bind(entityManager.createNativeQuery(
                "SELECT count(DISTINCT participant_id) FROM achievement WHERE " + where), params)
                .getSingleResult()).longValue();
        return Page.of(ranked("1 = 1", Map.of(), page.offset(), page.size()), page, total);
    }

    /** Per area the caller reaches: how many donors gave, of which kind, and how much; no one is named. */
    @Transactional
    public AchievementSummary summary() {
        Map<String, Object> params = new java.util.HashMap<>();
        String where = scopeCondition(params);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(entityManager.createNativeQuery("""
                        SELECT area_code, count(*), count(*) FILTER (WHERE participant_type = 'COLLECTIVE'),
                               count(*) FILTER (WHERE participant_type = 'INDIVIDUAL'), sum(total_donated_vnd),
                               sum(donation_count)
                        FROM achievement WHERE donation_count > 0 AND %s
                        GROUP BY area_code ORDER BY area_code""".formatted(where)), params).getResultList();
        return new AchievementSummary(rows.stream().map(r -> new AchievementSummary.Area((String) r[0],
                number(r[1]), number(r[2]), number(r[3]), number(r[4]), number(r[5]))).toList());
    }

    private List<AchievementView> ranked(String condition, Map<String, Object> extra, int offset, int limit) {
        Map<String, Object> params = new java.util.HashMap<>(extra);
        String where = scopeCondition(params) + " AND " + condition;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(entityManager.createNativeQuery("""
                        SELECT participant_id, max(participant_name), max(participant_type), sum(total_donated_vnd),
                               sum(donation_count), max(last_donation_on), max(updated_at)
                        FROM achievement WHERE %s
                        GROUP BY participant_id
                        ORDER BY sum(total_donated_vnd) DESC, participant_id""".formatted(where)), params)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new AchievementView((String) r[0], (String) r[1], (String) r[2], number(r[3]),
                (int) number(r[4]), NativeValues.localDate(r[5]), NativeValues.offsetDateTime(r[6]))).toList();
    }

    /** The areas the caller reaches, as a condition on {@code area_code}. */
    private String scopeCondition(Map<String, Object> params) {
        AreaScope reach = scope.areas();
        if (reach.national()) {
            return "1 = 1";
        }
        params.put("areas", reach.queryAreas().toArray(String[]::new));
        return "area_code = ANY(CAST(:areas AS text[]))";
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
