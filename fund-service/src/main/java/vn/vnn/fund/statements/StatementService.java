package vn.vnn.fund.statements;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.fund.funds.Fund;
import vn.vnn.kit.problem.ProblemException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.vnn.kit.paging.PageRequest;
import vn.vnn.kit.sql.StatementTimeout;

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
    private final StatementLines lines;

    /** Longest any query of a public statement may run before it is cancelled (503, try again later). */
    @ConfigProperty(name = "vnn.public.statement-timeout", defaultValue = "5s")
    Duration publicTimeout;

    StatementService(EntityManager entityManager, StatementLines lines) {
        this.entityManager = entityManager;
        this.lines = lines;
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
        StatementLines.Read read = lines.read(fund.id, from, to, search, page);
        return new Statement(new Statement.Fund(fund.code, fund.name, fund.level.name(), fund.areaCode), from, to,
                read.openingBalanceVnd(), read.receipts(), read.support(), read.totals(), read.closingBalanceVnd(),
                read.paging());
    }

    /** Totals of a period by donor type, campaign, month, support category and commune. */
    @Transactional
    public FundReport report(Fund fund, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "is before from");
        }
        String donations = " FROM donation d JOIN donor o ON o.id = d.donor_id LEFT JOIN campaign c ON c.id = d.campaign_id"
                + " WHERE d.fund_id = ?1 AND d.status = 'ACCEPTED' AND d.received_on BETWEEN ?2 AND ?3";
        String support = " FROM disbursement WHERE fund_id = ?1 AND status = 'PAID' AND paid_on BETWEEN ?2 AND ?3";
        return new FundReport(fund.code, from, to,
                lines.report("SELECT o.donor_type || coalesce('/' || o.organisation_kind, '')"
                        + " || CASE WHEN o.overseas THEN '/OVERSEAS' ELSE '' END, NULL, count(*), sum(d.amount_vnd)"
                        + donations + " GROUP BY 1 ORDER BY 4 DESC", fund.id, from, to),
                lines.report("SELECT coalesce(CAST(c.id AS text), 'NONE'), coalesce(c.name, 'Ngoài đợt vận động'),"
                        + " count(*), sum(d.amount_vnd)" + donations + " GROUP BY 1, 2 ORDER BY 4 DESC", fund.id, from, to),
                lines.report("SELECT to_char(d.received_on, 'YYYY-MM'), NULL, count(*), sum(d.amount_vnd)" + donations
                        + " GROUP BY 1 ORDER BY 1", fund.id, from, to),
                lines.report("SELECT category, NULL, count(*), sum(amount_vnd)" + support + " GROUP BY 1 ORDER BY 4 DESC",
                        fund.id, from, to),
                lines.report("SELECT commune_code, NULL, count(*), sum(amount_vnd)" + support + " GROUP BY 1 ORDER BY 1",
                        fund.id, from, to));
    }

    @Transactional
    public List<Statement.Fund> openFunds() {
        return Fund.<Fund>list("validTo is null order by level, areaCode").stream()
                .map(f -> new Statement.Fund(f.code, f.name, f.level.name(), f.areaCode)).toList();
    }
}
