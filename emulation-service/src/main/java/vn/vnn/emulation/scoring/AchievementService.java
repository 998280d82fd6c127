package vn.vnn.emulation.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.vnn.emulation.movements.EmulationScope;
import vn.vnn.events.fund.DonationCancelledV1;
import vn.vnn.events.fund.DonationReceivedV1;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.time.VietnamClock;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Achievements measured from events, and reading them within the caller's areas. */
@ApplicationScoped
public class AchievementService {

    private static final Comparator<List<String>> BY_DONOR_AND_AREA =
            Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1));

    private final MeasuredCriteria criteria;
    private final Achievements achievements;
    private final EmulationScope scope;
    private final VietnamClock clock;

    AchievementService(MeasuredCriteria criteria, Achievements achievements, EmulationScope scope,
                       VietnamClock clock) {
        this.clock = clock;
        this.criteria = criteria;
        this.achievements = achievements;
        this.scope = scope;
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
        Map<List<String>, DonorTotal> totals = new TreeMap<>(BY_DONOR_AND_AREA);
        credited.forEach(d -> totals.merge(List.of(d.donorId(), d.fundAreaCode()), DonorTotal.of(d),
                DonorTotal::plus));
        achievements.add(totals.values());
        Map<String, String> names = new TreeMap<>();
        totals.values().forEach(total -> names.put(total.donorRef(), total.name()));
        achievements.rename(names);
    }

    /** Takes a cancelled donation back from its donor's totals and scores, if it had been credited. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void takeBackDonation(DonationCancelledV1 cancellation) {
        criteria.onDonationCancelled(cancellation).ifPresent(credited -> {
            Achievement achievement = Achievement.findById(new Achievement.Key(credited.donorRef(),
                    credited.areaCode()));
            if (achievement != null) {
                achievement.debit(cancellation.amountVnd(), clock.now());
            }
        });
    }

    /** One participant's gifts to the funds the caller reaches; "not found" when there are none. */
    @Transactional
    public AchievementTotal get(String participantId) {
        return achievements.ranked(scope.areas(), participantId, 0, 1).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("Participant", participantId));
    }

    /** Participants ranked by what they gave to the funds the caller reaches, largest first. */
    @Transactional
    public Page<AchievementTotal> ranking(PageRequest page) {
        return Page.of(achievements.ranked(scope.areas(), null, page.offset(), page.size()), page,
                achievements.participants(scope.areas()));
    }

    /** Per area the caller reaches: how many donors gave, of which kind, and how much; no one is named. */
    @Transactional
    public AchievementSummary summary() {
        return new AchievementSummary(achievements.byArea(scope.areas()));
    }
}
