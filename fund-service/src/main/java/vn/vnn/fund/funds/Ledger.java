package vn.vnn.fund.funds;

import vn.vnn.kit.time.VietnamClock;

import vn.vnn.kit.sql.TableOwner;

import vn.vnn.kit.sql.NativeValues;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.kit.Ids;
import vn.vnn.kit.problem.ProblemException;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes balanced transactions to a fund's ledger and moves the fund's balances with them, in the caller's
 * transaction. The entries are the truth; the balance rows are derived from them and let the database refuse, under
 * any concurrency, a movement that would take money or goods held below zero.
 */
@ApplicationScoped
@TableOwner({"ledger_transaction", "ledger_entry", "ledger_daily_total"})
public class Ledger {

    public enum Kind { DONATION, DONATION_REVERSAL, DISBURSEMENT, TRANSFER_OUT, TRANSFER_IN, CASH_MOVED }

    private final EntityManager entityManager;
    private final ClosedPeriods closedPeriods;
    private final VietnamClock clock;

    Ledger(EntityManager entityManager, ClosedPeriods closedPeriods, VietnamClock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.closedPeriods = closedPeriods;
    }

    /**
     * Writes a balanced transaction and moves the fund's balances and daily totals with it: held accounts that go
     * down first, refused when the money or goods are not there; then the transaction, its entries and every other
     * movement in one statement, so that the fund's hot rows (its balances and today's totals) cost one round trip.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID post(UUID fundId, Kind kind, UUID referenceId, LocalDate occurredOn, String description,
                     String actor, List<LedgerEntry> entries) {
        LedgerEntry.requireBalanced(entries);
        closedPeriods.requireOpen(fundId, occurredOn);
        Map<Account, Long> deltas = new EnumMap<>(Account.class);
        entries.forEach(e -> deltas.merge(e.account(), e.delta(), Long::sum));
        deltas.forEach((account, delta) -> {
            if (account.held() && delta < 0) {
                int moved = entityManager.createNativeQuery("""
                                UPDATE fund_balance SET balance_vnd = balance_vnd + ?3
                                WHERE fund_id = ?1 AND account = ?2 AND balance_vnd + ?3 >= 0""")
                        .setParameter(1, fundId).setParameter(2, account.name()).setParameter(3, delta)
                        .executeUpdate();
                if (moved == 0) {
                    throw ProblemException.conflict("The fund does not hold enough " + account.name()
                            + " for this (" + (-delta) + " đồng needed)");
                }
            }
        });
        List<Map.Entry<Account, Long>> rising = deltas.entrySet().stream()
                .filter(e -> !e.getKey().held() || e.getValue() >= 0).toList();
        // one daily row per account: a statement may change a row only once
        Map<Account, long[]> daily = new EnumMap<>(Account.class);
        entries.forEach(e -> {
            long[] sums = daily.computeIfAbsent(e.account(), a -> new long[2]);
            sums[0] += e.debitVnd();
            sums[1] += e.creditVnd();
        });
        UUID transactionId = Ids.newId();
        entityManager.createNativeQuery("""
                        WITH tx AS (
                            INSERT INTO ledger_transaction (id, fund_id, kind, reference_id, occurred_on, description,
                                                            recorded_by, recorded_at)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                            RETURNING id),
                        entries AS (
                            INSERT INTO ledger_entry (transaction_id, fund_id, account, debit_vnd, credit_vnd, holding)
                            SELECT tx.id, ?2, a, CAST(d AS bigint), CAST(c AS bigint), nullif(h, '')
                            FROM tx, unnest(CAST(?9 AS text[]), CAST(?10 AS text[]), CAST(?11 AS text[]),
                                            CAST(?17 AS text[])) AS x(a, d, c, h)
                            RETURNING 1),
                        balances AS (
                            INSERT INTO fund_balance (fund_id, account, balance_vnd)
                            SELECT ?2, a, CAST(d AS bigint) FROM unnest(CAST(?12 AS text[]), CAST(?13 AS text[])) AS x(a, d)
                            ON CONFLICT (fund_id, account)
                            DO UPDATE SET balance_vnd = fund_balance.balance_vnd + EXCLUDED.balance_vnd
                            RETURNING 1),
                        totals AS (
                            INSERT INTO ledger_daily_total (fund_id, occurred_on, account, kind, debit_vnd, credit_vnd)
                            SELECT ?2, ?5, a, ?3, CAST(d AS bigint), CAST(c AS bigint)
                            FROM unnest(CAST(?14 AS text[]), CAST(?15 AS text[]), CAST(?16 AS text[])) AS x(a, d, c)
                            ON CONFLICT (fund_id, occurred_on, account, kind) DO UPDATE
                            SET debit_vnd = ledger_daily_total.debit_vnd + EXCLUDED.debit_vnd,
                                credit_vnd = ledger_daily_total.credit_vnd + EXCLUDED.credit_vnd
                            RETURNING 1)
                        SELECT (SELECT count(*) FROM entries) + (SELECT count(*) FROM balances)
                             + (SELECT count(*) FROM totals)""")
                .setParameter(1, transactionId).setParameter(2, fundId).setParameter(3, kind.name())
                .setParameter(4, referenceId).setParameter(5, occurredOn).setParameter(6, description)
                .setParameter(7, actor).setParameter(8, clock.now())
                .setParameter(9, entries.stream().map(e -> e.account().name()).toArray(String[]::new))
                .setParameter(10, entries.stream().map(e -> Long.toString(e.debitVnd())).toArray(String[]::new))
                .setParameter(11, entries.stream().map(e -> Long.toString(e.creditVnd())).toArray(String[]::new))
                .setParameter(12, rising.stream().map(e -> e.getKey().name()).toArray(String[]::new))
                .setParameter(13, rising.stream().map(e -> Long.toString(e.getValue())).toArray(String[]::new))
                .setParameter(14, daily.keySet().stream().map(Enum::name).toArray(String[]::new))
                .setParameter(15, daily.values().stream().map(v -> Long.toString(v[0])).toArray(String[]::new))
                .setParameter(16, daily.values().stream().map(v -> Long.toString(v[1])).toArray(String[]::new))
                .setParameter(17, entries.stream().map(e -> e.holding() == null ? "" : e.holding().code())
                        .toArray(String[]::new))
                .getSingleResult();
        return transactionId;
    }

    /** The fund's balances by account (debit minus credit), as kept with the entries. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Long> balances(UUID fundId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT account, balance_vnd FROM fund_balance WHERE fund_id = ?1")
                .setParameter(1, fundId).getResultList();
        Map<String, Long> balances = new java.util.TreeMap<>();
        rows.forEach(row -> balances.put((String) row[0], ((Number) row[1]).longValue()));
        return balances;
    }

    /** One movement of a cash holding: its transaction's kind and reference, its day and how it moved the cash. */
    public record CashMovement(Kind kind, UUID referenceId, LocalDate occurredOn, long deltaVnd, String description) {
    }

    /** Each cash holding's balance at the end of {@code upTo} (all of them when null); they add up to CASH. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Long> cashHoldings(UUID fundId, LocalDate upTo) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT e.holding, sum(e.debit_vnd - e.credit_vnd)
                        FROM ledger_entry e JOIN ledger_transaction t ON t.id = e.transaction_id
                        WHERE e.fund_id = ?1 AND e.holding IS NOT NULL
                          AND (CAST(?2 AS date) IS NULL OR t.occurred_on <= CAST(?2 AS date))
                        GROUP BY e.holding ORDER BY e.holding""")
                .setParameter(1, fundId).setParameter(2, upTo).getResultList();
        Map<String, Long> balances = new java.util.LinkedHashMap<>();
        rows.forEach(row -> balances.put((String) row[0], ((Number) row[1]).longValue()));
        return balances;
    }

    /** The movements of one cash holding from {@code from} to {@code to}, both included, in the order written. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CashMovement> cashMovements(UUID fundId, CashHolding holding, LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT t.kind, t.reference_id, t.occurred_on, e.debit_vnd - e.credit_vnd, t.description
                        FROM ledger_entry e JOIN ledger_transaction t ON t.id = e.transaction_id
                        WHERE e.fund_id = ?1 AND e.holding = ?2 AND t.occurred_on BETWEEN ?3 AND ?4
                        ORDER BY e.id""")
                .setParameter(1, fundId).setParameter(2, holding.code()).setParameter(3, from).setParameter(4, to)
                .getResultList();
        return rows.stream().map(r -> new CashMovement(Kind.valueOf((String) r[0]), (UUID) r[1],
                NativeValues.localDate(r[2]), ((Number) r[3]).longValue(), (String) r[4])).toList();
    }

    /** The fund's ledger entries in the order written, with their transactions. */
    public List<LedgerLine> lines(UUID fundId, int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT e.id, t.id, t.kind, t.reference_id, t.occurred_on, t.description, e.account,
                               e.debit_vnd, e.credit_vnd, t.recorded_by, t.recorded_at
                        FROM ledger_entry e JOIN ledger_transaction t ON t.id = e.transaction_id
                        WHERE e.fund_id = ?1 ORDER BY e.id""")
                .setParameter(1, fundId).setFirstResult(offset).setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new LedgerLine(((Number) r[0]).longValue(), (UUID) r[1], (String) r[2],
                (UUID) r[3], NativeValues.localDate(r[4]), (String) r[5], (String) r[6], ((Number) r[7]).longValue(),
                ((Number) r[8]).longValue(), (String) r[9], NativeValues.offsetDateTime(r[10]))).toList();
    }

    public long entryCount(UUID fundId) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM ledger_entry WHERE fund_id = ?1")
                .setParameter(1, fundId).getSingleResult()).longValue();
    }
}
