package vn.vnn.fund.banking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.events.fund.StatementReconciledV1;
import vn.vnn.fund.funds.BankAccount;
import vn.vnn.fund.funds.CashHolding;
import vn.vnn.fund.funds.Fund;
import vn.vnn.fund.funds.FundScope;
import vn.vnn.fund.funds.Ledger;
import vn.vnn.kit.outbox.Outbox;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.sql.TableOwner;
import vn.vnn.kit.time.VietnamClock;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The monthly reconciliation of a bank account (đối chiếu số dư tài khoản tiền gửi): the bank's balance at the end
 * of the month's last imported statement against the ledger's balance of that account's cash at the month's end, with
 * what is unmatched on each side — statement lines no donation or payment answers, and ledger movements of the
 * account no statement line shows. A month reconciles when the balances agree and nothing is unmatched; the first
 * time it does, {@code fund.statement-reconciled.v1} is published.
 */
@ApplicationScoped
@TableOwner("bank_reconciliation")
public class Reconciliations {

    private final FundScope scope;
    private final Ledger ledger;
    private final Outbox outbox;
    private final VietnamClock clock;
    private final EntityManager entityManager;

    Reconciliations(FundScope scope, Ledger ledger, Outbox outbox, VietnamClock clock, EntityManager entityManager) {
        this.scope = scope;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
        this.entityManager = entityManager;
    }

    /** A month of an account, both sides. */
    public record Report(BankAccount account, YearMonth month, LocalDate statementsTo, Long bankBalanceVnd,
                         long ledgerBalanceVnd, long creditsVnd, long debitsVnd, int lineCount,
                         List<StatementLine> unmatchedLines, List<Ledger.CashMovement> unmatchedMovements,
                         List<String> gaps, boolean reconciled, LocalDate reconciledOn) {

        /** Bank minus ledger; null while no statement of the month is in. */
        public Long differenceVnd() {
            return bankBalanceVnd == null ? null : bankBalanceVnd - ledgerBalanceVnd;
        }
    }

    @Transactional
    public Report report(UUID bankAccountId, YearMonth month) {
        BankAccount account = bankAccountId == null ? null : BankAccount.findById(bankAccountId);
        if (account == null) {
            throw ProblemException.notFound("Bank account", bankAccountId);
        }
        scope.require(account.fundId, "Bank account", bankAccountId);
        if (month.isAfter(YearMonth.from(clock.today()))) {
            throw ProblemException.invalid("month", "is in the future");
        }
        return compute(account, month);
    }

    /**
     * Reconciles every month from {@code from} to {@code to} that now balances and was not reconciled before, and
     * publishes each; for the statement worker and the officers' decisions on lines.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void settle(UUID bankAccountId, LocalDate from, LocalDate to) {
        BankAccount account = BankAccount.findById(bankAccountId);
        // one reconciler of an account at a time, so that a month is published once
        entityManager.createNativeQuery("SELECT 1 FROM bank_account WHERE id = ?1 FOR UPDATE")
                .setParameter(1, account.id).getResultList();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            Report report = compute(account, month);
            if (report.reconciled() && report.reconciledOn() == null) {
                record(account, report);
            }
        }
    }

    private void record(BankAccount account, Report report) {
        LocalDate today = clock.today();
        entityManager.createNativeQuery("""
                        INSERT INTO bank_reconciliation (bank_account_id, month, bank_balance_vnd, reconciled_by,
                                                         reconciled_at)
                        VALUES (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, account.id).setParameter(2, report.month().atDay(1))
                .setParameter(3, report.bankBalanceVnd()).setParameter(4, StatementImports.WORKER)
                .setParameter(5, clock.now()).executeUpdate();
        Fund fund = Fund.findById(account.fundId);
        outbox.publish("bank-account", account.id.toString(), new StatementReconciledV1(account.id.toString(),
                fund.code, fund.areaCode, report.month().atDay(1), report.statementsTo(), report.bankBalanceVnd(),
                report.creditsVnd(), report.debitsVnd(), report.lineCount(), today));
    }

    private Report compute(BankAccount account, YearMonth month) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        List<UploadedStatement> statements = UploadedStatement.<UploadedStatement>find(
                "bankAccountId = ?1 and status = ?2 and closedOn <= ?3 order by closedOn, openedOn",
                account.id, UploadedStatement.Status.DONE, last).list();
        List<String> gaps = new java.util.ArrayList<>();
        for (int i = 1; i < statements.size(); i++) {
            UploadedStatement before = statements.get(i - 1);
            UploadedStatement next = statements.get(i);
            if (!before.closingBalanceVnd.equals(next.openingBalanceVnd)) {
                gaps.add("statement " + next.statementNumber + " opens with " + next.openingBalanceVnd
                        + " but statement " + before.statementNumber + " closed with " + before.closingBalanceVnd);
            }
        }
        UploadedStatement latest = statements.isEmpty() ? null : statements.get(statements.size() - 1);
        boolean inMonth = latest != null && !latest.closedOn.isBefore(first);
        List<StatementLine> lines = StatementLine.<StatementLine>find(
                "bankAccountId = ?1 and bookedOn between ?2 and ?3 order by bookedOn, lineNo", account.id, first, last)
                .list();
        long credits = lines.stream().filter(StatementLine::credit).mapToLong(l -> l.amountVnd).sum();
        long debits = -lines.stream().filter(l -> !l.credit()).mapToLong(l -> l.amountVnd).sum();
        List<StatementLine> unmatchedLines = lines.stream()
                .filter(l -> l.outcome == StatementMatching.Outcome.UNMATCHED
                        || l.outcome == StatementMatching.Outcome.SUGGESTED).toList();
        Set<UUID> answered = answered(account);
        List<Ledger.CashMovement> unmatchedMovements = ledger.cashMovements(account.fundId,
                        CashHolding.bank(account.id), first, last).stream()
                .filter(m -> !answered.contains(m.referenceId())).toList();
        long ledgerBalance = ledger.cashHoldings(account.fundId, last).getOrDefault(
                CashHolding.bank(account.id).code(), 0L);
        Long bankBalance = latest == null ? null : latest.closingBalanceVnd;
        boolean reconciled = inMonth && gaps.isEmpty() && unmatchedLines.isEmpty() && unmatchedMovements.isEmpty()
                && bankBalance == ledgerBalance;
        // the day in Vietnam, whatever the database's time zone
        LocalDate reconciledOn = ((List<?>) entityManager.createNativeQuery("""
                        SELECT CAST(reconciled_at AT TIME ZONE ?3 AS date) FROM bank_reconciliation
                        WHERE bank_account_id = ?1 AND month = ?2""")
                .setParameter(1, account.id).setParameter(2, first).setParameter(3, VietnamClock.ZONE.getId())
                .getResultList()).stream()
                .map(vn.vnn.kit.sql.NativeValues::localDate).findFirst().orElse(null);
        return new Report(account, month, inMonth ? latest.closedOn : null, inMonth ? bankBalance : null,
                ledgerBalance, credits, debits, lines.size(), unmatchedLines, unmatchedMovements, gaps, reconciled,
                reconciledOn);
    }

    /** What the account's statement lines answer: their donations, payments, and cash moved for them. */
    private Set<UUID> answered(BankAccount account) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                        SELECT donation_id FROM bank_statement_line WHERE bank_account_id = ?1 AND donation_id IS NOT NULL
                        UNION ALL
                        SELECT payment_id FROM bank_statement_line WHERE bank_account_id = ?1 AND payment_id IS NOT NULL
                        UNION ALL
                        SELECT id FROM bank_statement_line WHERE bank_account_id = ?1 AND donation_id IS NOT NULL""",
                UUID.class).setParameter(1, account.id).getResultList();
        return new HashSet<>(ids);
    }

    /** A problem in one line of text, for a line's note or a job's failure. */
    static String describe(ProblemException e) {
        return e.errors() == null || e.errors().isEmpty() ? e.getMessage()
                : e.errors().stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
    }
}
