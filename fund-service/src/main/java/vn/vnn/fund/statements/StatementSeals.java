package vn.vnn.fund.statements;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.vnn.fund.funds.Fund;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.sql.NativeValues;
import vn.vnn.kit.sql.TableOwner;
import vn.vnn.kit.time.VietnamClock;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Seals each fund's public statement day by day ({@link StatementDigest}): after a day has ended (Vietnam time), what
 * the fund published on it — receipts recorded, receipts cancelled, support paid, by when they were written, never by
 * the day they name — becomes canonical lines whose hash is chained to the previous day's digest and kept for good.
 * The digests and each day's lines are public, so an exported statement can be checked against them by anyone.
 */
@ApplicationScoped
@TableOwner({"statement_digest", "donation (sealed lines)", "disbursement (sealed lines)"})
public class StatementSeals {

    private static final Logger LOG = Logger.getLogger(StatementSeals.class);
    /** The longest span of days read in one call. */
    public static final int MAX_DAYS = 366;

    /** A sealed day of a fund's statement. */
    public record Seal(LocalDate day, int lineCount, String linesSha256, String previousDigest, String digest) {
    }

    private final EntityManager entityManager;
    private final VietnamClock clock;

    StatementSeals(EntityManager entityManager, VietnamClock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Scheduled(every = "${vnn.statement.seal-every:10m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sealEndedDays() {
        try {
            List<UUID> funds = QuarkusTransaction.requiringNew().call(() ->
                    Fund.<Fund>listAll().stream().map(f -> f.id).toList());
            for (UUID fundId : funds) {
                QuarkusTransaction.requiringNew().run(() -> sealThrough(fundId, clock.today().minusDays(1)));
            }
        } catch (RuntimeException e) {
            LOG.warnf("Statement days not sealed this time: %s", e.getClass().getSimpleName());
        }
    }

    /**
     * Seals the fund's days not sealed yet, from the day it was opened in the suite to {@code lastDay}; one
     * transaction, one sealer of a fund at a time.
     */
    @Transactional
    public List<Seal> sealThrough(UUID fundId, LocalDate lastDay) {
        Fund fund = entityManager.find(Fund.class, fundId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        Seal last = lastSeal(fundId);
        LocalDate day = last == null ? fund.createdAt.atZoneSameInstant(VietnamClock.ZONE).toLocalDate()
                : last.day().plusDays(1);
        String previous = last == null ? StatementDigest.GENESIS : last.digest();
        List<Seal> sealed = new ArrayList<>();
        for (; !day.isAfter(lastDay); day = day.plusDays(1)) {
            List<String> lines = lines(fundId, day);
            String hash = StatementDigest.linesHash(lines);
            String digest = StatementDigest.digest(previous, day, hash);
            entityManager.createNativeQuery("""
                            INSERT INTO statement_digest (fund_id, day, line_count, lines_sha256, previous_digest,
                                                          digest, sealed_at)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                    .setParameter(1, fundId).setParameter(2, day).setParameter(3, lines.size())
                    .setParameter(4, hash).setParameter(5, previous).setParameter(6, digest)
                    .setParameter(7, clock.now()).executeUpdate();
            sealed.add(new Seal(day, lines.size(), hash, previous, digest));
            previous = digest;
        }
        return sealed;
    }

    /** The sealed days of a fund by its public code, from {@code from} to {@code to}. */
    @Transactional
    public List<Seal> seals(String fundCode, LocalDate from, LocalDate to) {
        Fund fund = publicFund(fundCode);
        requireSpan(from, to);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT day, line_count, lines_sha256, previous_digest, digest FROM statement_digest
                        WHERE fund_id = ?1 AND day BETWEEN ?2 AND ?3 ORDER BY day""")
                .setParameter(1, fund.id).setParameter(2, from).setParameter(3, to).getResultList();
        return rows.stream().map(StatementSeals::seal).toList();
    }

    /** A day's lines as they read now, their hash, and the day's seal if it has one. */
    public record Published(LocalDate day, List<String> lines, String linesSha256, Seal seal,
                            Boolean matchesSeal) {

        /** {@code matchesSeal}: whether the lines read now are the ones sealed (null while the day is not sealed). */
        Published(LocalDate day, List<String> lines, String linesSha256, Seal seal) {
            this(day, lines, linesSha256, seal, seal == null ? null : seal.linesSha256().equals(linesSha256));
        }
    }

    /** The canonical lines a fund published on a day, as they read now, with the day's seal to compare. */
    @Transactional
    public Published published(String fundCode, LocalDate day) {
        Fund fund = publicFund(fundCode);
        if (day.isAfter(clock.today())) {
            throw ProblemException.invalid("day", "is in the future");
        }
        List<String> lines = lines(fund.id, day);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT day, line_count, lines_sha256, previous_digest, digest FROM statement_digest
                        WHERE fund_id = ?1 AND day = ?2""").setParameter(1, fund.id).setParameter(2, day)
                .getResultList();
        return new Published(day, lines, StatementDigest.linesHash(lines),
                rows.isEmpty() ? null : seal(rows.get(0)));
    }

    /**
     * What a fund published on a day: receipts recorded (number, day received, the name shown, kind, amount),
     * receipts cancelled (number, amount), support paid (day, category, commune, amount), in the order written.
     */
    private List<String> lines(UUID fundId, LocalDate day) {
        var start = VietnamClock.startOf(day);
        var end = VietnamClock.startOf(day.plusDays(1));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT 1 AS part, d.recorded_at AS at, d.receipt_year AS y, d.receipt_number AS n,
                               'RECEIPT' AS what, d.receipt_no AS ref, CAST(d.received_on AS text) AS on_day,
                               CASE WHEN d.anonymous THEN ?4 ELSE d.donor_name END AS name, d.kind AS kind,
                               d.amount_vnd AS amount
                        FROM donation d WHERE d.fund_id = ?1 AND d.recorded_at >= ?2 AND d.recorded_at < ?3
                        UNION ALL
                        SELECT 2, d.cancelled_at, d.receipt_year, d.receipt_number, 'CANCELLED', d.receipt_no, NULL,
                               NULL, NULL, d.amount_vnd
                        FROM donation d WHERE d.fund_id = ?1 AND d.cancelled_at >= ?2 AND d.cancelled_at < ?3
                        UNION ALL
                        SELECT 3, p.paid_at, 0, 0, 'SUPPORT', p.commune_code, CAST(p.paid_on AS text), NULL,
                               p.category, p.amount_vnd
                        FROM disbursement p WHERE p.fund_id = ?1 AND p.paid_at >= ?2 AND p.paid_at < ?3
                        ORDER BY part, y, n, at""")
                .setParameter(1, fundId).setParameter(2, start).setParameter(3, end)
                .setParameter(4, vn.vnn.fund.donations.Donation.ANONYMOUS_NAME).getResultList();
        List<String> lines = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            lines.add(switch ((String) r[4]) {
                case "RECEIPT" -> StatementDigest.line("RECEIPT", r[5], r[6], r[7], r[8], r[9]);
                case "CANCELLED" -> StatementDigest.line("CANCELLED", r[5], r[9]);
                default -> StatementDigest.line("SUPPORT", r[6], r[8], r[5], r[9]);
            });
        }
        return lines;
    }

    private Seal lastSeal(UUID fundId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT day, line_count, lines_sha256, previous_digest, digest FROM statement_digest
                        WHERE fund_id = ?1 ORDER BY day DESC LIMIT 1""").setParameter(1, fundId).getResultList();
        return rows.isEmpty() ? null : seal(rows.get(0));
    }

    private static Seal seal(Object[] r) {
        return new Seal(NativeValues.localDate(r[0]), ((Number) r[1]).intValue(), (String) r[2], (String) r[3],
                (String) r[4]);
    }

    private static void requireSpan(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "is before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ProblemException.invalid("to", "at most " + MAX_DAYS + " days at once");
        }
    }

    private static Fund publicFund(String fundCode) {
        return Fund.<Fund>find("code", fundCode).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Fund", fundCode));
    }
}
