package vn.vnn.household.standards;


import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

public record StandardView(String code, String name, String legalBasis, LocalDate validFrom, LocalDate validTo,
                           long ruralIncomeLineVnd, long urbanIncomeLineVnd, Long ruralUpperBandVnd,
                           Long urbanUpperBandVnd, Integer ruralScoreThreshold, Integer urbanScoreThreshold,
                           int minDeprivationsForPoor, int pointsPerDeprivation, List<Indicator> indicators,
                           DerivationThresholds thresholds, String updatedBy, OffsetDateTime updatedAt,
                           long version) {

    public static StandardView of(PovertyStandard s) {
        return new StandardView(s.code, s.name, s.legalBasis, s.validFrom, s.validTo, s.ruralIncomeLineVnd,
                s.urbanIncomeLineVnd, s.ruralUpperBandVnd, s.urbanUpperBandVnd, s.ruralScoreThreshold,
                s.urbanScoreThreshold, s.minDeprivationsForPoor, s.pointsPerDeprivation,
                s.indicators.stream().sorted().toList(), s.thresholds(), s.updatedBy, s.updatedAt, s.version);
    }
}
