package vn.vnn.household.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.vnn.household.standards.SurveyCodes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

@Schema(name = "HouseholdRequest", description = "A household as the survey records it. On create, members are required (exactly one HEAD); "
        + "on update, give the version you read and no members (they change through /members).")
public record HouseholdSurvey(
        @Schema(description = "Commune in force today", examples = "99111")
        @NotBlank @Pattern(regexp = "[0-9]{2,10}", message = "must be a numeric unit code") String communeCode,
        @Schema(description = "Village (thôn, tổ dân phố) of the commune", examples = "99111-01") String villageCode,
        @Size(max = 300) String address,
        @Pattern(regexp = "0[0-9]{9,10}", message = "must be a Vietnamese phone number") String phone,
        @Schema(description = "Hộ dân tộc thiểu số") Boolean ethnicMinority,
        @Schema(description = "Hộ gia đình có công với cách mạng") Boolean revolutionaryMerit,
        @Schema(description = "Household income per month, whole đồng") @PositiveOrZero Long monthlyIncomeVnd,
        @Valid Housing housing,
        SurveyCodes.WaterSource waterSource,
        SurveyCodes.LatrineType latrineType,
        @Schema(description = "Some member uses telecom or internet services") Boolean telecomUse,
        Set<SurveyCodes.InformationDevice> informationDevices,
        Set<SurveyCodes.CauseOfPoverty> causesOfPoverty,
        @Size(max = 50) List<@Valid @NotNull Member> members,
        @Schema(description = "On update: the version you read") Long version,
        @Schema(description = "The day the household became resident in the commune (đăng ký thường trú); on update "
                + "with another commune, the day it moved there (default today). Left out on registration: resident "
                + "since before the registry's records, so it counts in every earlier year's statistics")
        @PastOrPresent LocalDate residentSince,
        @Schema(description = "The commune before 1 July 2025 (xã trước sắp xếp), where the commune of today was "
                + "formed from several and the village does not tell which: places the household in the statistics "
                + "of earlier years", examples = "99112")
        @Pattern(regexp = "[0-9]{2,10}", message = "must be a numeric unit code") String preReformCommuneCode) {

    /** The same answers with the version the client read (from If-Match). */
    public HouseholdSurvey withVersion(Long read) {
        return new HouseholdSurvey(communeCode, villageCode, address, phone, ethnicMinority, revolutionaryMerit,
                monthlyIncomeVnd, housing, waterSource, latrineType, telecomUse, informationDevices, causesOfPoverty,
                members, read, residentSince, preReformCommuneCode);
    }

    public record Housing(
            @Schema(description = "Floor area in m²") @DecimalMin("0") @DecimalMax("10000") BigDecimal floorAreaM2,
            SurveyCodes.Material wallMaterial,
            SurveyCodes.Material columnMaterial,
            SurveyCodes.Material roofMaterial) {
    }

    @Schema(name = "MemberRequest")
    public record Member(
            @NotBlank @Size(max = 200) String fullName,
            @NotNull @PastOrPresent LocalDate birthDate,
            @NotNull CitizenId.Sex sex,
            @NotNull SurveyCodes.Relationship relationship,
            @Schema(description = "12-digit citizen ID (số định danh cá nhân); may be absent for young children")
            String citizenId,
            @NotNull Boolean healthInsurance,
            @NotNull SurveyCodes.SchoolStatus schoolStatus,
            @Schema(description = "Highest level reached; for a child at school (schoolStatus ATTENDING) the level "
                    + "attended (NONE: preschool, mầm non), checked against the level of the child's age")
            @NotNull SurveyCodes.EducationLevel educationLevel,
            @NotNull SurveyCodes.Diploma diploma,
            @NotNull Boolean disability,
            @NotNull SurveyCodes.WorkingCapacity workingCapacity,
            @NotNull SurveyCodes.Employment employment) {
    }
}
