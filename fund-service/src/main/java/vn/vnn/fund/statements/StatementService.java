package vn.vnn.fund.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.fund.api.Statement;
import vn.vnn.fund.domain.Fund;
import vn.vnn.kit.problem.ProblemException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.sql.StatementTimeout;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The public statement (sao kê) of a fund for a period. Lines come from the donations and disbursements; totals and
 * balances come from the ledger, so that the statement cannot say something the books do not.
 */
@ApplicationScoped
public class StatementService {

    private static final int MAX_DAYS = 366;

    private final EntityManager entityManager;

    /** Longest any query of a public statement may run before it is cancelled (503, try again later). */
    @ConfigProperty(name = "vnn.public.statement-timeout", defaultValue = "5s")
    Duration publicTimeout;

    StatementService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** What a donor searches the public statement by: "did my gift arrive?". Any field may be null. */
    public record Search(String bankReference, Long amountVnd, String donorName) {
        boolean isEmpty() {
            return bankReference == null && amountVnd == null && donorName == null;
        }
    }

    /** The whole statement of a period (at most a year), for the officers' CSV and XLSX files. */
    @Transactional
    public Statement statement(String fundCode, LocalDate from, LocalDate to) {
        return statement(fundCode, from, to, new Search(null, null, null), null);
    }

    /**
     * The public statement: one page of receipts (searchable) and of support lines, with totals and balances from
     * the maintained daily totals; every query of it runs under the public statement timeout.
     */
    @Transactional
    public Statement publicStatement(String fundCode, LocalDate from, LocalDate to, Search search, PageRequest page) {
        StatementTimeout.apply(entityManager, publicTimeout);
        return statement(fundCode, from, to, search, page);
    }

    private Statement statement(String fundCode, LocalDate from, LocalDate to, Search search, PageRequest page) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "is before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ProblemException.invalid("to", "a statement covers at most a year; ask for several");
        }
        Fund fund = Fund.<Fund>find("code", fundCode).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Fund", fundCode));
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
                                         AND CAST(d.cancelled_at AT TIME ZONE 'Asia/Ho_Chi_Minh' AS date) > :to
                                    THEN 'ACCEPTED' ELSE d.status END,
                               CASE WHEN CAST(d.cancelled_at AT TIME ZONE 'Asia/Ho_Chi_Minh' AS date) <= :to
                                    THEN CAST(d.cancelled_at AT TIME ZONE 'Asia/Ho_Chi_Minh' AS date) END""" + where
                        + order);
        var countQuery = entityManager.createNativeQuery("SELECT count(*)" + where);
        for (var query : List.of(receiptsQuery, countQuery)) {
            query.setParameter("fund", fund.id).setParameter("from", from).setParameter("to", to);
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
        receiptsQuery.setParameter("anonymous", DonationService.ANONYMOUS_NAME);
        var supportQuery = entityManager.createNativeQuery("""
                        SELECT paid_on, category, commune_code, amount_vnd FROM disbursement
                        WHERE fund_id = :fund AND status = 'PAID' AND paid_on BETWEEN :from AND :to
                        ORDER BY paid_on, id""")
                .setParameter("fund", fund.id).setParameter("from", from).setParameter("to", to);
        Statement.Paging paging = null;
        if (page != null) {
            // The officers' full exports need no counts; the public pages say how many lines there are in all.
            long supportCount = ((Number) entityManager.createNativeQuery("""
                            SELECT count(*) FROM disbursement
                            WHERE fund_id = :fund AND status = 'PAID' AND paid_on BETWEEN :from AND :to""")
                    .setParameter("fund", fund.id).setParameter("from", from).setParameter("to", to)
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
                .setParameter("fund", fund.id).setParameter("from", from).setParameter("to", to).getSingleResult();
        return new Statement(new Statement.Fund(fund.code, fund.name, fund.level.name(), fund.areaCode), from, to,
                number(sums[0]),
                receipts.stream().map(r -> new Statement.Receipt((String) r[0], date(r[1]), (String) r[2],
                        (String) r[3], (String) r[4], number(r[5]), (String) r[6], date(r[7]))).toList(),
                support.stream().map(r -> new Statement.Support(date(r[0]), (String) r[1], (String) r[2],
                        number(r[3]))).toList(),
                new Statement.Totals(number(sums[1]), number(sums[2]), number(sums[3])), number(sums[4]),
                paging);
    }

    /** Totals of a period by donor type, campaign, month, support category and commune. */
    @Transactional
    public vn.vnn.fund.api.FundReport report(Fund fund, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "is before from");
        }
        String donations = " FROM donation d JOIN donor o ON o.id = d.donor_id LEFT JOIN campaign c ON c.id = d.campaign_id"
                + " WHERE d.fund_id = ?1 AND d.status = 'ACCEPTED' AND d.received_on BETWEEN ?2 AND ?3";
        String support = " FROM disbursement WHERE fund_id = ?1 AND status = 'PAID' AND paid_on BETWEEN ?2 AND ?3";
        return new vn.vnn.fund.api.FundReport(fund.code, from, to,
                lines("SELECT o.donor_type || coalesce('/' || o.organisation_kind, '')"
                        + " || CASE WHEN o.overseas THEN '/OVERSEAS' ELSE '' END, NULL, count(*), sum(d.amount_vnd)"
                        + donations + " GROUP BY 1 ORDER BY 4 DESC", fund, from, to),
                lines("SELECT coalesce(CAST(c.id AS text), 'NONE'), coalesce(c.name, 'Ngoài đợt vận động'),"
                        + " count(*), sum(d.amount_vnd)" + donations + " GROUP BY 1, 2 ORDER BY 4 DESC", fund, from, to),
                lines("SELECT to_char(d.received_on, 'YYYY-MM'), NULL, count(*), sum(d.amount_vnd)" + donations
                        + " GROUP BY 1 ORDER BY 1", fund, from, to),
                lines("SELECT category, NULL, count(*), sum(amount_vnd)" + support + " GROUP BY 1 ORDER BY 4 DESC",
                        fund, from, to),
                lines("SELECT commune_code, NULL, count(*), sum(amount_vnd)" + support + " GROUP BY 1 ORDER BY 1",
                        fund, from, to));
    }

    private List<vn.vnn.fund.api.FundReport.Line> lines(String sql, Fund fund, LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(sql).setParameter(1, fund.id).setParameter(2, from)
                .setParameter(3, to).getResultList();
        return rows.stream().map(r -> new vn.vnn.fund.api.FundReport.Line((String) r[0], (String) r[1],
                number(r[2]), number(r[3]))).toList();
    }

    @Transactional
    public List<Statement.Fund> openFunds() {
        return Fund.<Fund>list("validTo is null order by level, areaCode").stream()
                .map(f -> new Statement.Fund(f.code, f.name, f.level.name(), f.areaCode)).toList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDate date(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
