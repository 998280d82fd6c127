package vn.vnn.emulation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.vnn.emulation.api.AchievementView;
import vn.vnn.emulation.domain.Achievement;
import vn.vnn.events.fund.DonationReceivedV1;
import vn.vnn.kit.paging.Page;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.problem.ProblemException;

/** Achievements measured from events, and reading them. */
@ApplicationScoped
public class AchievementService {

    private final MeasuredCriteria criteria;

    AchievementService(MeasuredCriteria criteria) {
        this.criteria = criteria;
    }

    /**
     * Credits the donor of a donation, and their scores in the movements it counts for; runs in the consumer's
     * transaction, after the inbox accepted the event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void creditDonation(DonationReceivedV1 donation) {
        criteria.onDonation(donation);
        Achievement achievement = Achievement.findById(donation.donorId());
        if (achievement == null) {
            achievement = new Achievement();
            achievement.participantId = donation.donorId();
            achievement.participantType = Achievement.participantTypeOf(donation.donorType());
        }
        // The latest name wins, except that an anonymous gift never reveals or overwrites a known name.
        if (!donation.anonymous() || achievement.participantName == null) {
            achievement.participantName = donation.donorName();
        }
        achievement.credit(donation.amountVnd(), donation.receivedOn());
        achievement.persist();
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
