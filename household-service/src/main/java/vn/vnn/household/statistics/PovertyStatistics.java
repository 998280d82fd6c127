package vn.vnn.household.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Poverty figures of one area for one year, on the unit tree in force at the year's end (or today, for the current
 * year); households registered under units that no longer exist count in their successors.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PovertyStatistics(String areaCode, String areaName, String level, int year, LocalDate treeOn,
                                long residentHouseholds, long poor, long nearPoor, long averageLivingStandard,
                                BigDecimal povertyRatePercent, BigDecimal nearPovertyRatePercent,
                                long escaped, long newlyPoor, long rePoor,
                                long ethnicMinorityHouseholds, long ethnicMinorityPoor, long ethnicMinorityNearPoor,
                                Map<String, Long> deprivationsByIndicator, Map<String, Long> poorByCause,
                                List<PovertyStatistics> children) {
}
