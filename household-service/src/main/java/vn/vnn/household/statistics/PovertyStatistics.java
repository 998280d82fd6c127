package vn.vnn.household.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Poverty figures of one area for one year, on the unit tree in force on the year's reference day ({@code treeOn}:
 * 31 December, or today for the current year), each household counted where it lived that day
 * (docs/domain-rules.md, statistics rules 1–4).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PovertyStatistics(
        String areaCode, String areaName,
        @Schema(description = "NATIONAL (areaCode VN), PROVINCE, DISTRICT, COMMUNE; NOT_ATTRIBUTABLE for the line of households that live "
                + "under this area but cannot be placed in one of its communes for that year")
        String level, int year, LocalDate treeOn,
        @Schema(description = "The denominator of the rates: resident households (hộ dân cư) of the area in the year")
        long residentHouseholds,
        @Schema(description = "Where residentHouseholds comes from: REGISTRY (households in the registry), "
                + "PROVINCE_DATA (counts the province supplied per commune and year), MIXED (some communes each)")
        String residentHouseholdsSource,
        @Schema(description = "Households of the registry resident in the area in the year")
        long registeredHouseholds,
        long poor, long nearPoor, long averageLivingStandard,
        BigDecimal povertyRatePercent, BigDecimal nearPovertyRatePercent,
        long escaped, long newlyPoor, long rePoor,
        long ethnicMinorityHouseholds, long ethnicMinorityPoor, long ethnicMinorityNearPoor,
        Dynamics dynamics,
        Map<String, Long> deprivationsByIndicator, Map<String, Long> poorByCause,
        List<PovertyStatistics> children) {

    /**
     * Diễn biến hộ nghèo: poor = poorPreviousYear − escaped + newlyPoor + rePoor + firstRecorded + movedIn − movedOut.
     * poorPreviousYear counts the households poor at the end of the previous year that lived in this area as it is
     * this year; movedIn and movedOut count poor households (as they were at the start of the year) that crossed the
     * area's boundary, movedOut including households dissolved during the year.
     */
    public record Dynamics(long poorPreviousYear, long escaped, long newlyPoor, long rePoor,
                           @Schema(description = "First recognitions as poor in or before the baseline year: the "
                                   + "opening list, not newly poor") long firstRecorded,
                           long movedIn, long movedOut, long poor,
                           @Schema(description = "Whether the figures balance") boolean balanced,
                           @Schema(description = "poor minus what the dynamics give; 0 when balanced")
                           long unexplained) {
    }
}
