package vn.vnn.household.statistics;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Builds the tallies of every maintained year that reports cannot trust yet — never built (the first start, a new
 * year), stale after a change of the unit tree, or built on a tree that no longer holds on the year's reference day —
 * one year at a time. Reports count such a year live meanwhile.
 */
@ApplicationScoped
public class TallyBuilds {

    private static final Logger LOG = Logger.getLogger(TallyBuilds.class);

    private final Tallies tallies;

    TallyBuilds(Tallies tallies) {
        this.tallies = tallies;
    }

    @Scheduled(every = "${vnn.household.statistics.tally-check-every}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void regularly() {
        buildUntrusted();
    }

    /** Builds each untrusted year; the years built. */
    public List<Integer> buildUntrusted() {
        List<Integer> years = tallies.untrustedYears();
        for (int year : years) {
            long started = System.nanoTime();
            Tallies.Rebuilt built = tallies.rebuild(List.of(), HouseholdCounts.Years.of(year, tallies.referenceDay(year),
                    tallies.baselineYear()));
            LOG.infof("statistics tallies of %d built: %d rows in %d ms", year, built.rows(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return years;
    }
}
