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

    public enum Kind { DONATION, DONATION_REVERSAL, DISBURSEMENT, TRANSFER_OUT, TRANSFER_IN }

    private final EntityManager entityManager;
    private final ClosedPeriods closedPeriods;
    private final VietnamClock clock;

    Ledger(EntityManager entityManager, ClosedPeriods closedPeriods, VietnamClock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.closedPeriods = closedPeriods;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID post(UUID fundId, Kind kind, UUID referenceId, LocalDate occurredOn, String description,
                     String actor, List<LedgerEntry> entries) {
        LedgerEntry.requireBalanced(entries);
        closedPeriods.requireOpen(fundId, occurredOn);
        // Held accounts go down first: if the money is not there, nothing has been written yet.
        Map<vn.vnn.fund.funds.Account, Long> deltas = new EnumMap<>(vn.vnn.fund.funds.Account.class);
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
        deltas.forEach((account, delta) -> {
            if (!account.held() || delta >= 0) {
                entityManager.createNativeQuery("""
                                INSERT INTO fund_balance (fund_id, account, balance_vnd) VALUES (?1, ?2, ?3)
                                ON CONFLICT (fund_id, account)
                                DO UPDATE SET balance_vnd = fund_balance.balance_vnd + EXCLUDED.balance_vnd""")
                        .setParameter(1, fundId).setParameter(2, account.name()).setParameter(3, delta)
                        .executeUpdate();
            }
        });
        UUID transactionId = Ids.newId();
        entityManager.createNativeQuery("""
                        INSERT INTO ledger_transaction (id, fund_id, kind, reference_id, occurred_on, description,
                                                        recorded_by, recorded_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, transactionId).setParameter(2, fundId).setParameter(3, kind.name())
                .setParameter(4, referenceId).setParameter(5, occurredOn).setParameter(6, description)
                .setParameter(7, actor).setParameter(8, clock.now()).executeUpdate();
        for (LedgerEntry entry : entries) {
            entityManager.createNativeQuery("""
                            INSERT INTO ledger_entry (transaction_id, fund_id, account, debit_vnd, credit_vnd)
                            VALUES (?1, ?2, ?3, ?4, ?5)""")
                    .setParameter(1, transactionId).setParameter(2, fundId).setParameter(3, entry.account().name())
                    .setParameter(4, entry.debitVnd()).setParameter(5, entry.creditVnd()).executeUpdate();
            entityManager.createNativeQuery("""
                            INSERT INTO ledger_daily_total (fund_id, occurred_on, account, kind, debit_vnd, credit_vnd)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                            ON CONFLICT (fund_id, occurred_on, account, kind) DO UPDATE
                            SET debit_vnd = ledger_daily_total.debit_vnd + EXCLUDED.debit_vnd,
                                credit_vnd = ledger_daily_total.credit_vnd + EXCLUDED.credit_vnd""")
                    .setParameter(1, fundId).setParameter(2, occurredOn).setParameter(3, entry.account().name())
                    .setParameter(4, kind.name()).setParameter(5, entry.debitVnd())
                    .setParameter(6, entry.creditVnd()).executeUpdate();
        }
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
