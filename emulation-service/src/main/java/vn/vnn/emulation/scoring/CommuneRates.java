package vn.vnn.emulation.scoring;

import vn.vnn.events.household.CommunePovertyRateV1;
import vn.vnn.kit.sql.TableOwner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The communes' poverty figures per year as household-service publishes them: the one owner of their table. */
@ApplicationScoped
@TableOwner({"commune_poverty_rate"})
public class CommuneRates {

    /** A commune version's figures of a year. */
    public record Rate(int year, long residentHouseholds, long poorHouseholds) {

        /** Poor households in percent of the resident ones, two decimals, half up; none resident: 0. */
        public BigDecimal percent() {
            return vn.vnn.kit.numbers.Percent.of(poorHouseholds, residentHouseholds);
        }
    }

    private final EntityManager entityManager;

    CommuneRates(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Keeps the figures; figures computed earlier than those kept change nothing. */
    void keep(CommunePovertyRateV1 figures) {
        entityManager.createNativeQuery("""
                        INSERT INTO commune_poverty_rate (commune_code, commune_version_from, year, province_code,
                                                          resident_households, poor_households, as_of)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        ON CONFLICT (commune_code, commune_version_from, year) DO UPDATE
                        SET province_code = EXCLUDED.province_code,
                            resident_households = EXCLUDED.resident_households,
                            poor_households = EXCLUDED.poor_households, as_of = EXCLUDED.as_of
                        WHERE commune_poverty_rate.as_of <= EXCLUDED.as_of""")
                .setParameter(1, figures.communeCode()).setParameter(2, figures.communeVersionFrom())
                .setParameter(3, figures.year()).setParameter(4, figures.provinceCode())
                .setParameter(5, figures.residentHouseholds()).setParameter(6, figures.poorHouseholds())
                .setParameter(7, figures.asOf()).executeUpdate();
    }

    /** The figures of one year of the commune version. */
    Optional<Rate> of(String commune, LocalDate versionFrom, int year) {
        return between(commune, versionFrom, year, year).stream().findFirst();
    }

    /** The figures of the latest year in [from, to] of the commune version. */
    Optional<Rate> latest(String commune, LocalDate versionFrom, int from, int to) {
        List<Rate> rates = between(commune, versionFrom, from, to);
        return rates.isEmpty() ? Optional.empty() : Optional.of(rates.get(rates.size() - 1));
    }

    private List<Rate> between(String commune, LocalDate versionFrom, int from, int to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT year, resident_households, poor_households FROM commune_poverty_rate
                        WHERE commune_code = ?1 AND commune_version_from = ?2 AND year BETWEEN ?3 AND ?4
                        ORDER BY year""")
                .setParameter(1, commune).setParameter(2, versionFrom).setParameter(3, from).setParameter(4, to)
                .getResultList();
        return rows.stream().map(r -> new Rate(((Number) r[0]).intValue(), ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue())).toList();
    }
}
