package vn.vnn.fund.statements;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.vnn.fund.donations.Donation;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.sql.TableOwner;
import vn.vnn.kit.time.VietnamClock;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The statement's lines and sums read set-wise from donations, disbursements and the maintained daily ledger totals:
 * the one place these rows are read in SQL for statements and reports, handed out as typed records.
 */
@ApplicationScoped
@TableOwner({"donation (statement lines)", "disbursement (statement lines)", "ledger_daily_total (balances)"})
public class StatementLines {

    /** One page (or all) of a period's lines, with the totals and balances of the whole period. */
    record Read(List<Statement.Receipt> receipts, List<Statement.Support> support, Statement.Paging paging,
                long openingBalanceVnd, Statement.Totals totals, long closingBalanceVnd) {
    }

    private final EntityManager entityManager;

    StatementLines(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    Read read(UUID fundId, LocalDate from, LocalDate to, StatementService.Search search, PageRequest page) {
        // Lines as they stood at the end of the period: a later cancellation does not rewrite a closed month.
        StringBuilder where = new StringBuilder(" FROM donation d JOIN donor o ON o.id = d.donor_id"
                + " WHERE d.fund_id = :fund AND d.received_on BETWEEN :from AND :to");
        if (search.bankReference() != null) {
            where.append(" AND d.bank_reference = :reference");
        }
        if (search.amountVnd() != null) {
            where.append(" AND d.amount_vnd = :amount");
        }
        if (search.donorName() != null) {
            // Anonymous gifts are never found by a name: that would tell who gave them.
            where.append(" AND NOT d.anonymous AND lower(d.donor_name) LIKE :name ESCAPE '\\'");
        }
        String order = " ORDER BY d.received_on, d.receipt_year, d.receipt_number";
        var receiptsQuery = entityManager.createNativeQuery("""
                        SELECT d.receipt_no, d.received_on,
                               CASE WHEN d.anonymous THEN :anonymous ELSE d.donor_name END, o.donor_type, d.kind, d.amount_vnd,
                               CASE WHEN d.status = 'CANCELLED'
                                         AND CAST(d.cancelled_at AT TIME ZONE :zone AS date) > :to
                                    THEN 'ACCEPTED' ELSE d.status END,
                               CASE WHEN CAST(d.cancelled_at AT TIME ZONE :zone AS date) <= :to
                                    THEN CAST(d.cancelled_at AT TIME ZONE :zone AS date) END""" + where
                        + order);
        var countQuery = entityManager.createNativeQuery("SELECT count(*)" + where);
        for (var query : List.of(receiptsQuery, countQuery)) {
            query.setParameter("fund", fundId).setParameter("from", from).setParameter("to", to);
            if (search.bankReference() != null) {
                query.setParameter("reference", search.bankReference());
            }
            if (search.amountVnd() != null) {
                query.setParameter("amount", search.amountVnd());
            }
            if (search.donorName() != null) {
                query.setParameter("name", "%" + search.donorName().toLowerCase(java.util.Locale.ROOT)
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        // Cancellations counted on the Vietnamese calendar day they happened.
        receiptsQuery.setParameter("anonymous", Donation.ANONYMOUS_NAME)
                .setParameter("zone", VietnamClock.ZONE.getId());
        var supportQuery = entityManager.createNativeQuery("""
                        SELECT paid_on, category, commune_code, amount_vnd FROM disbursement
                        WHERE fund_id = :fund AND status = 'PAID' AND paid_on BETWEEN :from AND :to
                        ORDER BY paid_on, id""")
                .setParameter("fund", fundId).setParameter("from", from).setParameter("to", to);
        Statement.Paging paging = null;
        if (page != null) {
            // The officers' full exports need no counts; the public pages say how many lines there are in all.
            long supportCount = ((Number) entityManager.createNativeQuery("""
                            SELECT count(*) FROM disbursement
                            WHERE fund_id = :fund AND status = 'PAID' AND paid_on BETWEEN :from AND :to""")
                    .setParameter("fund", fundId).setParameter("from", from).setParameter("to", to)
                    .getSingleResult()).longValue();
            paging = new Statement.Paging(page.page(), page.size(),
                    ((Number) countQuery.getSingleResult()).longValue(), supportCount);
            receiptsQuery.setFirstResult(page.offset()).setMaxResults(page.size());
            supportQuery.setFirstResult(page.offset()).setMaxResults(page.size());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> receipts = receiptsQuery.getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> support = supportQuery.getResultList();
        Object[] sums = (Object[]) entityManager.createNativeQuery("""
                        SELECT coalesce(sum(debit_vnd - credit_vnd) FILTER (
                                   WHERE account IN ('CASH', 'IN_KIND') AND occurred_on < :from), 0),
                               coalesce(sum(credit_vnd) FILTER (WHERE account = 'CAPITAL' AND kind = 'DONATION'
                                   AND occurred_on BETWEEN :from AND :to), 0),
                               coalesce(sum(debit_vnd) FILTER (WHERE account = 'CAPITAL'
                                   AND kind = 'DONATION_REVERSAL' AND occurred_on BETWEEN :from AND :to), 0),
                               coalesce(sum(debit_vnd) FILTER (WHERE account = 'SUPPORT_PAID'
                                   AND occurred_on BETWEEN :from AND :to), 0),
                               coalesce(sum(debit_vnd - credit_vnd) FILTER (
                                   WHERE account IN ('CASH', 'IN_KIND') AND occurred_on <= :to), 0)
                        FROM ledger_daily_total
                        WHERE fund_id = :fund AND occurred_on <= :to""")
                .setParameter("fund", fundId).setParameter("from", from).setParameter("to", to).getSingleResult();
        return new Read(
                receipts.stream().map(r -> new Statement.Receipt((String) r[0], date(r[1]), (String) r[2],
                        (String) r[3], (String) r[4], number(r[5]), (String) r[6], date(r[7]))).toList(),
                support.stream().map(r -> new Statement.Support(date(r[0]), (String) r[1], (String) r[2],
                        number(r[3]))).toList(), paging, number(sums[0]),
                new Statement.Totals(number(sums[1]), number(sums[2]), number(sums[3])), number(sums[4]));
    }

    List<FundReport.Line> report(String sql, UUID fundId, LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(sql).setParameter(1, fundId).setParameter(2, from)
                .setParameter(3, to).getResultList();
        return rows.stream().map(r -> new FundReport.Line((String) r[0], (String) r[1],
                number(r[2]), number(r[3]))).toList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDate date(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
