package vn.vnn.emulation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.emulation.api.AchievementView;
import vn.vnn.emulation.domain.Achievement;
import vn.vnn.events.fund.DonationCancelledV1;
import vn.vnn.events.fund.DonationReceivedV1;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.problem.ProblemException;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Achievements measured from events, and reading them. */
@ApplicationScoped
public class AchievementService {

    private final MeasuredCriteria criteria;
    private final EntityManager entityManager;

    AchievementService(MeasuredCriteria criteria, EntityManager entityManager) {
        this.criteria = criteria;
        this.entityManager = entityManager;
    }

    /**
     * Credits the donors of donations (totals, count, last date) and their scores in the movements they count for;
     * runs in the consumer's transaction, after the inbox accepted the events. A donation whose cancellation came
     * first credits nothing. The latest name wins, except that an anonymous gift never reveals or overwrites a
     * known name.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void creditDonations(List<DonationReceivedV1> donations) {
        List<DonationReceivedV1> credited = criteria.onDonations(donations);
        if (credited.isEmpty()) {
            return;
        }
        Map<String, DonorTotal> totals = new TreeMap<>(); // one order of row locks for every transaction
        credited.forEach(d -> totals.merge(d.donorId(), DonorTotal.of(d), DonorTotal::plus));
        entityManager.createNativeQuery("""
                        INSERT INTO achievement (participant_id, participant_name, participant_type, total_donated_vnd,
                                                 donation_count, last_donation_on, updated_at, version)
                        SELECT i, n, t, a, c, CAST(d AS date), now(), 0
                        FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[]), CAST(?3 AS text[]), CAST(?4 AS bigint[]),
                                    CAST(?5 AS int[]), CAST(?6 AS text[])) AS u (i, n, t, a, c, d)
                        ON CONFLICT (participant_id) DO UPDATE SET
                            total_donated_vnd = achievement.total_donated_vnd + EXCLUDED.total_donated_vnd,
                            donation_count = achievement.donation_count + EXCLUDED.donation_count,
                            last_donation_on = GREATEST(achievement.last_donation_on, EXCLUDED.last_donation_on),
                            updated_at = now(), version = achievement.version + 1""")
                .setParameter(1, totals.keySet().toArray(String[]::new))
                .setParameter(2, totals.values().stream().map(DonorTotal::name).toArray(String[]::new))
                .setParameter(3, totals.values().stream().map(DonorTotal::type).toArray(String[]::new))
                .setParameter(4, totals.values().stream().map(DonorTotal::amountVnd).toArray(Long[]::new))
                .setParameter(5, totals.values().stream().map(DonorTotal::count).toArray(Integer[]::new))
                .setParameter(6, totals.values().stream().map(t -> t.lastOn().toString()).toArray(String[]::new))
                .executeUpdate();
        Map<String, String> known = new TreeMap<>();
        totals.forEach((donor, total) -> {
            if (total.knownName() != null) {
                known.put(donor, total.knownName());
            }
        });
        if (!known.isEmpty()) {
            entityManager.createNativeQuery("""
                            UPDATE achievement a SET participant_name = u.n
                            FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[])) AS u (i, n)
                            WHERE a.participant_id = u.i AND a.participant_name <> u.n""")
                    .setParameter(1, known.keySet().toArray(String[]::new))
                    .setParameter(2, known.values().toArray(String[]::new)).executeUpdate();
        }
    }

    /** A donor's donations in one batch; {@code knownName} is the latest name not given anonymously. */
    private record DonorTotal(String name, String type, long amountVnd, int count, LocalDate lastOn,
                              String knownName) {
        static DonorTotal of(DonationReceivedV1 d) {
            return new DonorTotal(d.donorName(), Achievement.participantTypeOf(d.donorType()), d.amountVnd(), 1,
                    d.receivedOn(), d.anonymous() ? null : d.donorName());
        }

        DonorTotal plus(DonorTotal later) {
            String latestKnown = later.knownName != null ? later.knownName : knownName;
            return new DonorTotal(latestKnown != null ? latestKnown : name, type, Math.addExact(amountVnd,
                    later.amountVnd), count + later.count, later.lastOn.isAfter(lastOn) ? later.lastOn : lastOn,
                    latestKnown);
        }
    }

    /** Takes a cancelled donation back from its donor's totals and scores, if it had been credited. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void takeBackDonation(DonationCancelledV1 cancellation) {
        if (!criteria.onDonationCancelled(cancellation)) {
            return;
        }
        Achievement achievement = Achievement.findById(cancellation.donorId());
        if (achievement != null) {
            achievement.debit(cancellation.amountVnd());
        }
    }

    @Transactional
    public AchievementView get(String participantId) {
        Achievement achievement = Achievement.findById(participantId);
        if (achievement == null) {
            throw ProblemException.notFound("Participant", participantId);
        }
        return AchievementView.of(achievement);
    }

    @Transactional
    public Page<AchievementView> ranking(PageRequest page) {
        long total = Achievement.count();
        var items = Achievement.<Achievement>find("order by totalDonatedVnd desc, participantId")
                .page(page.page(), page.size()).list().stream().map(AchievementView::of).toList();
        return Page.of(items, page, total);
    }
}
