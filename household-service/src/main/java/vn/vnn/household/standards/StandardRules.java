package vn.vnn.household.standards;

import vn.vnn.household.areas.AreaType;

import java.time.LocalDate;
import java.util.Set;

/**
 * The numbers of one poverty standard, as the classifier needs them. Nullable bands and score thresholds mean the
 * standard defines none.
 */
public record StandardRules(
        String code,
        LocalDate validFrom,
        LocalDate validTo,
        long ruralIncomeLineVnd,
        long urbanIncomeLineVnd,
        Long ruralUpperBandVnd,
        Long urbanUpperBandVnd,
        Integer ruralScoreThreshold,
        Integer urbanScoreThreshold,
        int minDeprivationsForPoor,
        int pointsPerDeprivation,
        Set<Indicator> indicators,
        DerivationThresholds thresholds) {

    public StandardRules {
        indicators = Set.copyOf(indicators);
        thresholds = thresholds == null ? DerivationThresholds.VN_MPS_2022 : thresholds;
    }

    /** A standard with VN-MPS-2022's derivation thresholds. */
    public StandardRules(String code, LocalDate validFrom, LocalDate validTo, long ruralIncomeLineVnd,
                         long urbanIncomeLineVnd, Long ruralUpperBandVnd, Long urbanUpperBandVnd,
                         Integer ruralScoreThreshold, Integer urbanScoreThreshold, int minDeprivationsForPoor,
                         int pointsPerDeprivation, Set<Indicator> indicators) {
        this(code, validFrom, validTo, ruralIncomeLineVnd, urbanIncomeLineVnd, ruralUpperBandVnd, urbanUpperBandVnd,
                ruralScoreThreshold, urbanScoreThreshold, minDeprivationsForPoor, pointsPerDeprivation, indicators,
                null);
    }

    public boolean appliesOn(LocalDate date) {
        return !date.isBefore(validFrom) && !date.isAfter(validTo);
    }

    public long incomeLine(AreaType area) {
        return area == AreaType.RURAL ? ruralIncomeLineVnd : urbanIncomeLineVnd;
    }

    public Long upperBand(AreaType area) {
        return area == AreaType.RURAL ? ruralUpperBandVnd : urbanUpperBandVnd;
    }

    public Integer scoreThreshold(AreaType area) {
        return area == AreaType.RURAL ? ruralScoreThreshold : urbanScoreThreshold;
    }
}
