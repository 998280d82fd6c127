package vn.vnn.fund.campaigns;

import vn.vnn.kit.time.VietnamClock;

import vn.vnn.fund.donors.DonorService;
import vn.vnn.fund.funds.FundScope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.fund.donors.Donor;
import vn.vnn.fund.funds.Fund;
import vn.vnn.kit.Ids;
import vn.vnn.kit.problem.ProblemException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Campaigns with their progress against target, and pledges with what is still outstanding. */
@ApplicationScoped
public class CampaignService {

    private final DonorService donors;
    private final AuditLog audit;
    private final FundScope scope;
    private final EntityManager entityManager;
    private final CampaignTotals totals;
    private final VietnamClock clock;

    CampaignService(DonorService donors, AuditLog audit, FundScope scope, EntityManager entityManager,
                    CampaignTotals totals, VietnamClock clock) {
        this.clock = clock;
        this.totals = totals;
        this.scope = scope;
        this.donors = donors;
        this.audit = audit;
        this.entityManager = entityManager;
    }

    @Transactional
    public CampaignRecords.CampaignProgress open(CampaignRecords.NewCampaign request, String actor) {
        Fund fund = fund(request.fundAreaCode());
        if (request.endsOn().isBefore(request.startsOn())) {
            throw ProblemException.invalid("endsOn", "is before startsOn");
        }
        Campaign campaign = new Campaign();
        campaign.id = Ids.newId();
        campaign.fundId = fund.id;
        campaign.name = request.name().strip();
        campaign.startsOn = request.startsOn();
        campaign.endsOn = request.endsOn();
        campaign.targetVnd = request.targetVnd();
        campaign.createdBy = actor;
        campaign.createdAt = clock.now();
        campaign.persist();
        audit.record("CAMPAIGN", campaign.id, "OPENED", actor, campaign.name + ", target " + campaign.targetVnd);
        return view(campaign);
    }

    @Transactional
    public CampaignRecords.CampaignProgress get(UUID id) {
        Campaign campaign = Campaign.findById(id);
        if (campaign == null) {
            throw ProblemException.notFound("Campaign", id);
        }
        scope.require(campaign.fundId, "Campaign", id);
        return view(campaign);
    }

    @Transactional
    public List<CampaignRecords.CampaignProgress> list(String fundAreaCode) {
        List<Campaign> campaigns = fundAreaCode == null || fundAreaCode.isBlank()
                ? Campaign.list("order by startsOn desc, id")
                : Campaign.list("fundId = ?1 order by startsOn desc, id", fund(fundAreaCode).id);
        return campaigns.stream().filter(c -> scope.covers(Fund.findById(c.fundId))).map(this::view).toList();
    }

    @Transactional
    public CampaignRecords.PledgeStanding pledge(CampaignRecords.NewPledge request, String actor) {
        Fund fund = fund(request.fundAreaCode());
        if (request.campaignId() != null) {
            Campaign campaign = Campaign.findById(request.campaignId());
            if (campaign == null || !campaign.fundId.equals(fund.id)) {
                throw ProblemException.invalid("campaignId", "is no campaign of this fund");
            }
        }
        List<CampaignRecords.Instalment> instalments = request.instalments() == null ? List.of()
                : request.instalments();
        if (!instalments.isEmpty() && instalments.stream().mapToLong(CampaignRecords.Instalment::amountVnd).sum()
                != request.pledgedVnd()) {
            throw ProblemException.invalid("instalments", "must add up to pledgedVnd");
        }
        Donor donor = donors.findOrCreate(request.donor(), actor);
        Pledge pledge = new Pledge();
        pledge.id = Ids.newId();
        pledge.fundId = fund.id;
        pledge.donorId = donor.id;
        pledge.campaignId = request.campaignId();
        pledge.pledgedVnd = request.pledgedVnd();
        pledge.pledgedOn = request.pledgedOn();
        pledge.note = request.note();
        pledge.createdBy = actor;
        pledge.createdAt = clock.now();
        pledge.persist();
        entityManager.flush();
        List<CampaignRecords.Instalment> ordered = instalments.stream()
                .sorted(java.util.Comparator.comparing(CampaignRecords.Instalment::dueOn)).toList();
        totals.addInstalments(pledge.id, ordered);
        audit.record("PLEDGE", pledge.id, "PLEDGED", actor, donor.name + " " + pledge.pledgedVnd);
        return pledgeView(pledge);
    }

    @Transactional
    public CampaignRecords.PledgeStanding getPledge(UUID id) {
        Pledge pledge = Pledge.findById(id);
        if (pledge == null) {
            throw ProblemException.notFound("Pledge", id);
        }
        scope.require(pledge.fundId, "Pledge", id);
        return pledgeView(pledge);
    }

    @Transactional
    public List<CampaignRecords.PledgeStanding> pledges(UUID donorId, UUID campaignId) {
        String query = donorId != null ? "donorId = :id" : campaignId != null ? "campaignId = :id" : "1 = 1";
        Map<String, Object> params = donorId != null ? Map.of("id", donorId)
                : campaignId != null ? Map.of("id", campaignId) : Map.of();
        return Pledge.<Pledge>list(query + " order by pledgedOn desc, id", params).stream()
                .filter(p -> scope.covers(Fund.findById(p.fundId))).map(this::pledgeView).toList();
    }

    /** A fund's campaigns running today, by the fund's public code: what donors may give to (no donors named). */
    @Transactional
    public List<CampaignRecords.CampaignProgress> running(String fundCode) {
        Fund fund = Fund.<Fund>find("code", fundCode).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Fund", fundCode));
        return Campaign.<Campaign>list("fundId = ?1 order by endsOn, id", fund.id).stream()
                .filter(c -> c.runsOn(clock.today())).map(this::view).toList();
    }

    private CampaignRecords.CampaignProgress view(Campaign campaign) {
        List<CampaignRecords.DonorGroup> byType = totals.byDonorType(campaign.id);
        long raised = byType.stream().mapToLong(CampaignRecords.DonorGroup::amountVnd).sum();
        CampaignTotals.Counts counts = totals.counts(campaign.id);
        return new CampaignRecords.CampaignProgress(campaign.id, campaign.fundId, campaign.name, campaign.startsOn,
                campaign.endsOn, campaign.targetVnd, raised, vn.vnn.kit.numbers.Percent.of(raised, campaign.targetVnd),
                byType.stream().mapToLong(CampaignRecords.DonorGroup::donations).sum(), counts.donors(),
                counts.pledgedVnd(), counts.pledgedVnd() - counts.paidAgainstPledgesVnd(), byType, campaign.version);
    }

    private CampaignRecords.PledgeStanding pledgeView(Pledge pledge) {
        List<CampaignRecords.Payment> paid = totals.payments(pledge.id);
        long paidVnd = paid.stream().mapToLong(CampaignRecords.Payment::amountVnd).sum();
        List<CampaignRecords.InstalmentStatus> schedule = InstalmentCoverage.of(totals.instalments(pledge.id),
                paidVnd, clock.today()).stream().map(c -> new CampaignRecords.InstalmentStatus(
                c.instalment().number(), c.instalment().dueOn(), c.instalment().amountVnd(), c.coveredVnd(),
                c.status())).toList();
        Donor donor = Donor.findById(pledge.donorId);
        return new CampaignRecords.PledgeStanding(pledge.id, pledge.fundId, pledge.donorId, donor.name,
                pledge.campaignId, pledge.pledgedVnd, pledge.pledgedOn, pledge.note, paidVnd,
                pledge.pledgedVnd - paidVnd, paidVnd >= pledge.pledgedVnd ? "FULFILLED" : paidVnd > 0 ? "PARTLY_PAID"
                : "OPEN", schedule, paid, pledge.version);
    }

    private Fund fund(String areaCode) {
        return scope.openFund(areaCode, "fundAreaCode");
    }
}
