package vn.vnn.fund.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.fund.domain.LedgerEntry;
import vn.vnn.kit.Ids;
import vn.vnn.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
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
public class Ledger {

    public enum Kind { DONATION, DONATION_REVERSAL, DISBURSEMENT, TRANSFER_OUT, TRANSFER_IN }

    private final EntityManager entityManager;
    private final ClosedPeriods closedPeriods;

    Ledger(EntityManager entityManager, ClosedPeriods closedPeriods) {
        this.entityManager = entityManager;
        this.closedPeriods = closedPeriods;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID post(UUID fundId, Kind kind, UUID referenceId, LocalDate occurredOn, String description,
                     String actor, List<LedgerEntry> entries) {
        LedgerEntry.requireBalanced(entries);
        closedPeriods.requireOpen(fundId, occurredOn);
        // Held accounts go down first: if the money is not there, nothing has been written yet.
        Map<vn.vnn.fund.domain.Account, Long> deltas = new EnumMap<>(vn.vnn.fund.domain.Account.class);
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
                .setParameter(7, actor).setParameter(8, OffsetDateTime.now()).executeUpdate();
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
}
