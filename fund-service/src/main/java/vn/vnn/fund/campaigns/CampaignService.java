package vn.vnn.fund.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.fund.api.CampaignDtos;
import vn.vnn.fund.domain.Campaign;
import vn.vnn.fund.domain.Donor;
import vn.vnn.fund.domain.Fund;
import vn.vnn.fund.domain.InstalmentCoverage;
import vn.vnn.fund.domain.Pledge;
import vn.vnn.kit.Ids;
import vn.vnn.kit.problem.ProblemException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Campaigns with their progress against target, and pledges with what is still outstanding. */
@ApplicationScoped
public class CampaignService {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final DonorService donors;
    private final AuditLog audit;
    private final FundScope scope;
    private final EntityManager entityManager;

    CampaignService(DonorService donors, AuditLog audit, FundScope scope, EntityManager entityManager) {
        this.scope = scope;
        this.donors = donors;
        this.audit = audit;
        this.entityManager = entityManager;
    }

    @Transactional
    public CampaignDtos.CampaignView open(CampaignDtos.CampaignRequest request, String actor) {
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
        campaign.createdAt = OffsetDateTime.now();
        campaign.persist();
        audit.record("CAMPAIGN", campaign.id, "OPENED", actor, campaign.name + ", target " + campaign.targetVnd);
        return view(campaign);
    }

    @Transactional
    public CampaignDtos.CampaignView get(UUID id) {
        Campaign campaign = Campaign.findById(id);
        if (campaign == null) {
            throw ProblemException.notFound("Campaign", id);
        }
        scope.require(campaign.fundId, "Campaign", id);
        return view(campaign);
    }

    @Transactional
    public List<CampaignDtos.CampaignView> list(String fundAreaCode) {
        List<Campaign> campaigns = fundAreaCode == null || fundAreaCode.isBlank()
                ? Campaign.list("order by startsOn desc, id")
                : Campaign.list("fundId = ?1 order by startsOn desc, id", fund(fundAreaCode).id);
        return campaigns.stream().filter(c -> scope.covers(Fund.findById(c.fundId))).map(this::view).toList();
    }

    @Transactional
    public CampaignDtos.PledgeView pledge(CampaignDtos.PledgeRequest request, String actor) {
        Fund fund = fund(request.fundAreaCode());
        if (request.campaignId() != null) {
            Campaign campaign = Campaign.findById(request.campaignId());
            if (campaign == null || !campaign.fundId.equals(fund.id)) {
                throw ProblemException.invalid("campaignId", "is no campaign of this fund");
            }
        }
        List<CampaignDtos.Instalment> instalments = request.instalments() == null ? List.of()
                : request.instalments();
        if (!instalments.isEmpty() && instalments.stream().mapToLong(CampaignDtos.Instalment::amountVnd).sum()
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
        pledge.createdAt = OffsetDateTime.now();
        pledge.persist();
        entityManager.flush();
        List<CampaignDtos.Instalment> ordered = instalments.stream()
                .sorted(java.util.Comparator.comparing(CampaignDtos.Instalment::dueOn)).toList();
        for (int i = 0; i < ordered.size(); i++) {
            entityManager.createNativeQuery("""
                            INSERT INTO pledge_instalment (pledge_id, number, due_on, amount_vnd)
                            VALUES (?1, ?2, ?3, ?4)""")
                    .setParameter(1, pledge.id).setParameter(2, i + 1).setParameter(3, ordered.get(i).dueOn())
                    .setParameter(4, ordered.get(i).amountVnd()).executeUpdate();
        }
        audit.record("PLEDGE", pledge.id, "PLEDGED", actor, donor.name + " " + pledge.pledgedVnd);
        return pledgeView(pledge);
    }

    @Transactional
    public CampaignDtos.PledgeView getPledge(UUID id) {
        Pledge pledge = Pledge.findById(id);
        if (pledge == null) {
            throw ProblemException.notFound("Pledge", id);
        }
        scope.require(pledge.fundId, "Pledge", id);
        return pledgeView(pledge);
    }

    @Transactional
    public List<CampaignDtos.PledgeView> pledges(UUID donorId, UUID campaignId) {
        String query = donorId != null ? "donorId = ?1" : campaignId != null ? "campaignId = ?1" : "1 = 1";
        Object[] params = donorId != null ? new Object[] {donorId} : campaignId != null ? new Object[] {campaignId}
                : new Object[0];
        return Pledge.<Pledge>list(query + " order by pledgedOn desc, id", params).stream()
                .filter(p -> scope.covers(Fund.findById(p.fundId))).map(this::pledgeView).toList();
    }

    private CampaignDtos.CampaignView view(Campaign campaign) {
        @SuppressWarnings("unchecked")
        List<Object[]> groups = entityManager.createNativeQuery("""
                        SELECT o.donor_type, o.organisation_kind, o.overseas, count(DISTINCT o.id), count(*),
                               sum(d.amount_vnd)
                        FROM donation d JOIN donor o ON o.id = d.donor_id
                        WHERE d.campaign_id = ?1 AND d.status = 'ACCEPTED'
                        GROUP BY 1, 2, 3 ORDER BY 6 DESC""")
                .setParameter(1, campaign.id).getResultList();
        List<CampaignDtos.DonorGroup> byType = groups.stream().map(g -> new CampaignDtos.DonorGroup((String) g[0],
                (String) g[1], Boolean.TRUE.equals(g[2]), number(g[3]), number(g[4]), number(g[5]))).toList();
        long raised = byType.stream().mapToLong(CampaignDtos.DonorGroup::amountVnd).sum();
        Object[] counts = (Object[]) entityManager.createNativeQuery("""
                        SELECT (SELECT count(DISTINCT donor_id) FROM donation WHERE campaign_id = ?1
                                AND status = 'ACCEPTED'),
                               (SELECT coalesce(sum(pledged_vnd), 0) FROM pledge WHERE campaign_id = ?1),
                               (SELECT coalesce(sum(d.amount_vnd), 0) FROM donation d JOIN pledge p ON p.id = d.pledge_id
                                WHERE p.campaign_id = ?1 AND d.status = 'ACCEPTED')""")
                .setParameter(1, campaign.id).getSingleResult();
        long pledged = number(counts[1]);
        return new CampaignDtos.CampaignView(campaign.id, campaign.fundId, campaign.name, campaign.startsOn,
                campaign.endsOn, campaign.targetVnd, raised, BigDecimal.valueOf(raised * 100)
                .divide(BigDecimal.valueOf(campaign.targetVnd), 2, RoundingMode.HALF_UP),
                byType.stream().mapToLong(CampaignDtos.DonorGroup::donations).sum(), number(counts[0]), pledged,
                pledged - number(counts[2]), byType, campaign.version);
    }

    private CampaignDtos.PledgeView pledgeView(Pledge pledge) {
        @SuppressWarnings("unchecked")
        List<Object[]> payments = entityManager.createNativeQuery("""
                        SELECT id, receipt_no, received_on, amount_vnd FROM donation
                        WHERE pledge_id = ?1 AND status = 'ACCEPTED' ORDER BY received_on, receipt_number""")
                .setParameter(1, pledge.id).getResultList();
        List<CampaignDtos.Payment> paid = payments.stream().map(p -> new CampaignDtos.Payment((UUID) p[0],
                (String) p[1], date(p[2]), number(p[3]))).toList();
        long paidVnd = paid.stream().mapToLong(CampaignDtos.Payment::amountVnd).sum();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT number, due_on, amount_vnd FROM pledge_instalment WHERE pledge_id = ?1
                        ORDER BY number""").setParameter(1, pledge.id).getResultList();
        List<InstalmentCoverage.Instalment> instalments = rows.stream().map(r -> new InstalmentCoverage.Instalment(
                ((Number) r[0]).intValue(), date(r[1]), number(r[2]))).toList();
        List<CampaignDtos.InstalmentView> schedule = InstalmentCoverage.of(instalments, paidVnd,
                LocalDate.now(VIETNAM)).stream().map(c -> new CampaignDtos.InstalmentView(c.instalment().number(),
                c.instalment().dueOn(), c.instalment().amountVnd(), c.coveredVnd(), c.status())).toList();
        Donor donor = Donor.findById(pledge.donorId);
        return new CampaignDtos.PledgeView(pledge.id, pledge.fundId, pledge.donorId, donor.name, pledge.campaignId,
                pledge.pledgedVnd, pledge.pledgedOn, pledge.note, paidVnd, pledge.pledgedVnd - paidVnd,
                paidVnd >= pledge.pledgedVnd ? "FULFILLED" : paidVnd > 0 ? "PARTLY_PAID" : "OPEN", schedule, paid,
                pledge.version);
    }

    private Fund fund(String areaCode) {
        return scope.openFund(areaCode, "fundAreaCode");
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDate date(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
