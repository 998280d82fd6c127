package vn.vnn.household.standards;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * The thresholds of a standard that turn registry data into deprivation flags (Nghị định 07/2021/NĐ-CP Điều 3 for
 * VN-MPS-2022, as DOMAIN.md §A2 reads them): data of the standard, so that VN-MPS-2027 can differ. Working age ends
 * at the statutory retirement age ({@link RetirementAge}), not at a fixed number.
 *
 * @param healthInsuranceFromAge  members of this age or older without health insurance deprive the household
 * @param workingAgeFrom          working age starts here (Bộ luật Lao động 2019: 15)
 * @param elderlyFromAge          dependants: elderly from this age (Luật Người cao tuổi: 60)
 * @param dependantChildUnderAge  dependants: children under this age
 * @param dependantsOverPercent   deprived when dependants are more than this share of members
 * @param educationFromAge        adult education band, from …
 * @param educationToAge          … to this age, inclusive
 * @param schoolFromAge           school attendance band, from …
 * @param schoolUnderAge          … to under this age
 * @param minAreaPerPersonM2      housing area: deprived under this many m² per person
 */
@Schema(name = "DerivationThresholds")
public record DerivationThresholds(
        @NotNull @Min(0) @Max(30) Integer healthInsuranceFromAge,
        @NotNull @Min(10) @Max(20) Integer workingAgeFrom,
        @NotNull @Min(50) @Max(80) Integer elderlyFromAge,
        @NotNull @Min(10) @Max(20) Integer dependantChildUnderAge,
        @NotNull @Min(1) @Max(99) Integer dependantsOverPercent,
        @NotNull @Min(10) @Max(40) Integer educationFromAge,
        @NotNull @Min(10) @Max(60) Integer educationToAge,
        @NotNull @Min(0) @Max(10) Integer schoolFromAge,
        @NotNull @Min(5) @Max(25) Integer schoolUnderAge,
        @NotNull @DecimalMin("0.1") @DecimalMax("100") BigDecimal minAreaPerPersonM2) {

    /** VN-MPS-2022's values (Nghị định 07/2021/NĐ-CP Điều 3). */
    public static final DerivationThresholds VN_MPS_2022 = new DerivationThresholds(6, 15, 60, 16, 50, 16, 30, 3, 16,
            new BigDecimal("8"));
}
