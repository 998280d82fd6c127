package vn.vnn.household.statistics;

import vn.vnn.events.household.CommunePovertyRateV1;
import vn.vnn.kit.outbox.Outbox;
import vn.vnn.kit.sql.TableOwner;
import vn.vnn.kit.time.VietnamClock;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes each commune's poverty figures of a year ({@code household.commune-poverty-rate.v1}) when they changed
 * since last published, so that the emulation movement measures the fall of a commune's poverty rate
 * (docs/domain-rules.md, emulation rule 12). The current and the previous year every
 * {@code vnn.household.statistics.publish-every}; any year on an admin's request.
 */
@ApplicationScoped
@TableOwner({"commune_rate_published"})
public class PovertyRatePublications {

    /** What one publication did. */
    public record Published(int year, int communes, int published) {
    }

    private final StatisticsService statistics;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final VietnamClock clock;

    PovertyRatePublications(StatisticsService statistics, Outbox outbox, EntityManager entityManager,
                            VietnamClock clock) {
        this.statistics = statistics;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Scheduled(every = "${vnn.household.statistics.publish-every:30m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void regularly() {
        int year = clock.today().getYear();
        publish(year - 1);
        publish(year);
    }

    /** Publishes the communes of the year whose figures changed since they were last published. */
    @Transactional
    public Published publish(int year) {
        // one publisher at a time, so that two never publish the same change twice
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('commune_rate_published'))")
                .getSingleResult();
        List<StatisticsService.CommuneFigures> figures = statistics.everyCommune(year);
        Map<String, String> last = published(year);
        LocalDate today = clock.today();
        int changed = 0;
        for (StatisticsService.CommuneFigures f : figures) {
            String key = f.communeCode() + "@" + f.communeVersionFrom();
            String now = f.residentHouseholds() + "/" + f.poorHouseholds() + "/" + f.residentHouseholdsSource();
            if (now.equals(last.get(key))) {
                continue;
            }
            outbox.publish("commune", f.communeCode(), new CommunePovertyRateV1(f.communeCode(),
                    f.communeVersionFrom(), f.provinceCode(), year, f.residentHouseholds(), f.poorHouseholds(),
                    f.residentHouseholdsSource(), today));
            entityManager.createNativeQuery("""
                            INSERT INTO commune_rate_published (commune_code, unit_valid_from, year, figures,
                                                               published_at)
                            VALUES (?1, ?2, ?3, ?4, ?5)
                            ON CONFLICT (commune_code, unit_valid_from, year)
                            DO UPDATE SET figures = EXCLUDED.figures, published_at = EXCLUDED.published_at""")
                    .setParameter(1, f.communeCode()).setParameter(2, f.communeVersionFrom()).setParameter(3, year)
                    .setParameter(4, now).setParameter(5, clock.now()).executeUpdate();
            changed++;
        }
        return new Published(year, figures.size(), changed);
    }

    private Map<String, String> published(int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT commune_code || '@' || CAST(unit_valid_from AS text), figures
                        FROM commune_rate_published WHERE year = ?1""")
                .setParameter(1, year).getResultList();
        Map<String, String> last = new HashMap<>();
        rows.forEach(r -> last.put((String) r[0], (String) r[1]));
        return last;
    }
}
