package vn.vnn.fund.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.fund.api.Statement;
import vn.vnn.fund.domain.Fund;
import vn.vnn.kit.problem.ProblemException;

import java.sql.Date;
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

    StatementService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public Statement statement(String fundCode, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "is before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ProblemException.invalid("to", "a statement covers at most a year; ask for several");
        }
        Fund fund = Fund.<Fund>find("code", fundCode).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Fund", fundCode));
        @SuppressWarnings("unchecked")
        List<Object[]> receipts = entityManager.createNativeQuery("""
                        SELECT d.receipt_no, d.received_on,
                               CASE WHEN d.anonymous THEN ?4 ELSE d.donor_name END, o.donor_type, d.kind, d.amount_vnd,
                               d.status, CAST(d.cancelled_at AS date)
                        FROM donation d JOIN donor o ON o.id = d.donor_id
                        WHERE d.fund_id = ?1 AND d.received_on BETWEEN ?2 AND ?3
                        ORDER BY d.received_on, d.receipt_year, d.receipt_number""")
                .setParameter(1, fund.id).setParameter(2, from).setParameter(3, to)
                .setParameter(4, DonationService.ANONYMOUS_NAME).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> support = entityManager.createNativeQuery("""
                        SELECT paid_on, category, commune_code, amount_vnd FROM disbursement
                        WHERE fund_id = ?1 AND status = 'PAID' AND paid_on BETWEEN ?2 AND ?3
                        ORDER BY paid_on, id""")
                .setParameter(1, fund.id).setParameter(2, from).setParameter(3, to).getResultList();
        Object[] sums = (Object[]) entityManager.createNativeQuery("""
                        SELECT coalesce(sum(e.debit_vnd - e.credit_vnd) FILTER (
                                   WHERE e.account IN ('CASH', 'IN_KIND') AND t.occurred_on < ?2), 0),
                               coalesce(sum(e.credit_vnd) FILTER (WHERE e.account = 'CAPITAL' AND t.kind = 'DONATION'
                                   AND t.occurred_on BETWEEN ?2 AND ?3), 0),
                               coalesce(sum(e.debit_vnd) FILTER (WHERE e.account = 'CAPITAL'
                                   AND t.kind = 'DONATION_REVERSAL' AND t.occurred_on BETWEEN ?2 AND ?3), 0),
                               coalesce(sum(e.debit_vnd) FILTER (WHERE e.account = 'SUPPORT_PAID'
                                   AND t.occurred_on BETWEEN ?2 AND ?3), 0),
                               coalesce(sum(e.debit_vnd - e.credit_vnd) FILTER (
                                   WHERE e.account IN ('CASH', 'IN_KIND') AND t.occurred_on <= ?3), 0)
                        FROM ledger_entry e JOIN ledger_transaction t ON t.id = e.transaction_id
                        WHERE e.fund_id = ?1""")
                .setParameter(1, fund.id).setParameter(2, from).setParameter(3, to).getSingleResult();
        return new Statement(new Statement.Fund(fund.code, fund.name, fund.level.name(), fund.areaCode), from, to,
                number(sums[0]),
                receipts.stream().map(r -> new Statement.Receipt((String) r[0], date(r[1]), (String) r[2],
                        (String) r[3], (String) r[4], number(r[5]), (String) r[6], date(r[7]))).toList(),
                support.stream().map(r -> new Statement.Support(date(r[0]), (String) r[1], (String) r[2],
                        number(r[3]))).toList(),
                new Statement.Totals(number(sums[1]), number(sums[2]), number(sums[3])), number(sums[4]));
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
