package vn.vnn.fund.funds;

import vn.vnn.kit.sql.TableOwner;

import vn.vnn.kit.time.VietnamClock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.vnn.kit.audit.AuditLog;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.problem.ProblemType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * Khóa sổ: a fund officer closes a month of a fund once its books are checked; from then on nothing dated in that
 * month is written to the fund's ledger (donations by receivedOn, payments by paidOn, transfers by transferredOn,
 * cancellations by their day), so a statement of the month, once published, never changes. Corrections are new
 * entries in an open month. A month closes only after it has ended and is never reopened.
 *
 * <p>Postings take a shared lock on their fund's month and closing an exclusive one, so that a posting and the
 * closing of its month cannot both succeed.
 */
@ApplicationScoped
@TableOwner("fund_closed_period")
public class ClosedPeriods {


    private final EntityManager entityManager;
    private final AuditLog audit;
    private final VietnamClock clock;

    ClosedPeriods(EntityManager entityManager, AuditLog audit, VietnamClock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.audit = audit;
    }

    public record ClosedPeriod(YearMonth month, OffsetDateTime closedAt, String closedBy) {
    }

    /** 409 {@code period-closed} when {@code day} lies in a closed month of the fund. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireOpen(UUID fundId, LocalDate day) {
        LocalDate month = day.withDayOfMonth(1);
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock_shared(hashtext(?1))")
                .setParameter(1, key(fundId, month)).getSingleResult();
        // A statement of its own after the lock: its snapshot then sees a closing committed while this one waited.
        boolean closed = !entityManager.createNativeQuery(
                        "SELECT 1 FROM fund_closed_period WHERE fund_id = ?1 AND month = ?2")
                .setParameter(1, fundId).setParameter(2, month).getResultList().isEmpty();
        if (closed) {
            throw new ProblemException(ProblemType.PERIOD_CLOSED, "The books of " + YearMonth.from(month)
                    + " are closed for this fund; record the correction with a date in an open month");
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ClosedPeriod close(UUID fundId, YearMonth month, String actor) {
        if (!month.isBefore(clock.thisMonth())) {
            throw ProblemException.invalid("month", "can be closed only after it has ended");
        }
        LocalDate first = month.atDay(1);
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, key(fundId, first)).getSingleResult();
        OffsetDateTime now = clock.now();
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO fund_closed_period (fund_id, month, closed_at, closed_by) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, fundId).setParameter(2, first).setParameter(3, now).setParameter(4, actor)
                .executeUpdate();
        if (inserted == 0) {
            throw ProblemException.conflict("The books of " + month + " are already closed for this fund");
        }
        audit.record("FUND", fundId, "PERIOD_CLOSED", actor, "month " + month);
        return new ClosedPeriod(month, now, actor);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<ClosedPeriod> list(UUID fundId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT month, closed_at, closed_by FROM fund_closed_period WHERE fund_id = ?1
                        ORDER BY month""").setParameter(1, fundId).getResultList();
        return rows.stream().map(r -> new ClosedPeriod(YearMonth.from(vn.vnn.kit.sql.NativeValues.localDate(r[0])),
                vn.vnn.kit.sql.NativeValues.offsetDateTime(r[1]), (String) r[2])).toList();
    }

    private static String key(UUID fundId, LocalDate month) {
        return "fund-period:" + fundId + ":" + month;
    }
}
