package vn.vnn.emulation.nominations;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Schema(name = "AwardForm", description = "A form of award: level, the participant kinds it is for, the public-"
        + "comment period it requires (if any) and its multiple of the base salary over time")
public record AwardFormView(String code, String name, String awardType, String level, List<String> participantKinds,
                            LocalDate validFrom, LocalDate validTo, Integer announcementDays, List<Rate> rates) {

    @Schema(name = "AwardFormRate")
    public record Rate(LocalDate validFrom, BigDecimal multiple, String legalBasis) {
    }

    public static AwardFormView of(AwardConfiguration.FormRates r) {
        AwardForm f = r.form();
        return new AwardFormView(f.code, f.name, f.awardType, f.level, f.kinds(), f.validFrom, f.validTo,
                f.announcementDays, r.rates().stream().map(x -> new Rate(x.validFrom, x.multiple, x.legalBasis))
                .toList());
    }
}
