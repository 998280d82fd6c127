package vn.vnn.fund.campaigns;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.vnn.kit.sql.TableOwner;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What campaigns and pledges add up to, read set-wise from the donations, and the instalment schedules of pledges:
 * the one place that reads these rows in SQL, handed out as typed records.
 */
@ApplicationScoped
@TableOwner({"pledge_instalment", "donation (campaign and pledge totals)"})
public class CampaignTotals {

    /** Donors, pledges and what was paid against them in a campaign. */
    public record Counts(long donors, long pledgedVnd, long paidAgainstPledgesVnd) {
    }

    private final EntityManager entityManager;

    CampaignTotals(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Accepted donations of a campaign by kind of donor, largest amount first. */
    List<CampaignRecords.DonorGroup> byDonorType(UUID campaignId) {
        @SuppressWarnings("unchecked")
        List<Object[]> groups = entityManager.createNativeQuery("""
                        SELECT o.donor_type, o.organisation_kind, o.overseas, count(DISTINCT o.id), count(*),
                               sum(d.amount_vnd)
                        FROM donation d JOIN donor o ON o.id = d.donor_id
                        WHERE d.campaign_id = ?1 AND d.status = 'ACCEPTED'
                        GROUP BY 1, 2, 3 ORDER BY 6 DESC""")
                .setParameter(1, campaignId).getResultList();
        return groups.stream().map(g -> new CampaignRecords.DonorGroup((String) g[0], (String) g[1],
                Boolean.TRUE.equals(g[2]), number(g[3]), number(g[4]), number(g[5]))).toList();
    }

    Counts counts(UUID campaignId) {
        Object[] counts = (Object[]) entityManager.createNativeQuery("""
                        SELECT (SELECT count(DISTINCT donor_id) FROM donation WHERE campaign_id = ?1
                                AND status = 'ACCEPTED'),
                               (SELECT coalesce(sum(pledged_vnd), 0) FROM pledge WHERE campaign_id = ?1),
                               (SELECT coalesce(sum(d.amount_vnd), 0) FROM donation d JOIN pledge p ON p.id = d.pledge_id
                                WHERE p.campaign_id = ?1 AND d.status = 'ACCEPTED')""")
                .setParameter(1, campaignId).getSingleResult();
        return new Counts(number(counts[0]), number(counts[1]), number(counts[2]));
    }

    /** Accepted donations paid against a pledge, in the order received. */
    List<CampaignRecords.Payment> payments(UUID pledgeId) {
        @SuppressWarnings("unchecked")
        List<Object[]> payments = entityManager.createNativeQuery("""
                        SELECT id, receipt_no, received_on, amount_vnd FROM donation
                        WHERE pledge_id = ?1 AND status = 'ACCEPTED' ORDER BY received_on, receipt_number""")
                .setParameter(1, pledgeId).getResultList();
        return payments.stream().map(p -> new CampaignRecords.Payment((UUID) p[0], (String) p[1], date(p[2]),
                number(p[3]))).toList();
    }

    List<InstalmentCoverage.Instalment> instalments(UUID pledgeId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT number, due_on, amount_vnd FROM pledge_instalment WHERE pledge_id = ?1
                        ORDER BY number""").setParameter(1, pledgeId).getResultList();
        return rows.stream().map(r -> new InstalmentCoverage.Instalment(((Number) r[0]).intValue(), date(r[1]),
                number(r[2]))).toList();
    }

    /** The schedule of a new pledge, numbered from 1 in the order given. */
    void addInstalments(UUID pledgeId, List<CampaignRecords.Instalment> ordered) {
        for (int i = 0; i < ordered.size(); i++) {
            entityManager.createNativeQuery("""
                            INSERT INTO pledge_instalment (pledge_id, number, due_on, amount_vnd)
                            VALUES (?1, ?2, ?3, ?4)""")
                    .setParameter(1, pledgeId).setParameter(2, i + 1).setParameter(3, ordered.get(i).dueOn())
                    .setParameter(4, ordered.get(i).amountVnd()).executeUpdate();
        }
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDate date(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
