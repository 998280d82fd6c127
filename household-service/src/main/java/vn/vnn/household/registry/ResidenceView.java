package vn.vnn.household.registry;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/** One period of a household's residence; {@code validFrom} null: since before the registry's records. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResidenceView(int stay, String communeCode, LocalDate communeVersionFrom, String provinceCode,
                            String villageCode, String preReformCommuneCode, LocalDate validFrom, LocalDate validTo,
                            String reason) {

    public static ResidenceView of(Residence r) {
        return new ResidenceView(r.stay, r.communeCode, r.unitValidFrom, r.provinceCode, r.villageCode,
                r.preReformCommuneCode, r.validFrom, r.validTo, r.reason.name());
    }
}
