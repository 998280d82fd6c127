package vn.vnn.events.household;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;

/**
 * A commune's poverty figures of a year as the statistics compute them (docs/domain-rules.md, statistics), published
 * when they change. Key: {@code communeCode}. Aggregates only, never a household.
 *
 * @param communeCode              the commune, on the tree of the year
 * @param communeVersionFrom       first day of that version of the commune: a code reused by a successor
 *                                 (Quyết định 19/2025/QĐ-TTg) is another unit, so figures compare only within one
 * @param provinceCode             its province on the same tree
 * @param year                     the year of the figures (the result of that year's reviews)
 * @param residentHouseholds       the denominator of the poverty rate (resident households)
 * @param poorHouseholds           poor households at the end of the year (or now, for the current year)
 * @param residentHouseholdsSource {@code REGISTRY} or {@code PROVINCE_DATA}
 * @param asOf                     the day the figures were computed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommunePovertyRateV1(
        String communeCode,
        LocalDate communeVersionFrom,
        String provinceCode,
        int year,
        long residentHouseholds,
        long poorHouseholds,
        String residentHouseholdsSource,
        LocalDate asOf) {
}
