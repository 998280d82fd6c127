package vn.vnn.household.registry;


import vn.vnn.kit.security.PersonalData;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** A household as a caller may see it: citizen IDs and phone numbers already masked where the role needs that. */
public record HouseholdView(UUID id, String code, String headName, String communeCode, String villageCode,
                            String provinceCode, String areaType, String address, String phone, int memberCount,
                            String status, Integer statusYear, boolean ethnicMinority, boolean revolutionaryMerit,
                            Long monthlyIncomeVnd, BigDecimal floorAreaM2, String wallMaterial, String columnMaterial,
                            String roofMaterial, String waterSource, String latrineType, Boolean telecomUse,
                            List<String> informationDevices, List<String> causesOfPoverty, List<MemberView> members,
                            long version, OffsetDateTime updatedAt, LocalDate dissolvedOn) {

    /**
     * A member. {@code active}: in the household as registered (a registration waiting for a decision elsewhere looks
     * like any other, so that nobody learns where else a citizen ID is registered); {@code leftReason}: LEFT, MOVED or
     * REGISTRATION_REJECTED once they are no longer in it.
     */
    public record MemberView(UUID id, String fullName, LocalDate birthDate, String sex, String relationship,
                             String citizenId, boolean healthInsurance, String schoolStatus, String educationLevel,
                             String diploma, boolean disability, String workingCapacity, String employment,
                             boolean active, LocalDate joinedOn, LocalDate leftOn, UUID movedToHouseholdId,
                             String leftReason, long version, UUID householdId) {

        /** A member as the member delta gives it. */
        public static MemberView of(HouseholdChanges.MemberRecord record) {
            return of(record.member(), record.citizenIdShown() ? UnaryOperator.identity()
                    : PersonalData::maskCitizenId);
        }

        static MemberView of(HouseholdMember m, UnaryOperator<String> maskId) {
            return new MemberView(m.id, m.fullName, m.birthDate, m.sex.name(), m.relationship.name(),
                    maskId.apply(m.citizenId), m.healthInsurance, m.schoolStatus.name(), m.educationLevel.name(),
                    m.diploma.name(), m.disability, m.workingCapacity.name(), m.employment.name(),
                    m.inHousehold(), m.joinedOn, m.leftOn, m.movedToHouseholdId,
                    m.leaveReason == null ? null : m.leaveReason.name(), m.version, m.householdId);
        }
    }

    /** Masks what the use case did not show: citizen IDs as 0*******2345, phones as 09******78. */
    public static HouseholdView of(HouseholdRecord record) {
        return of(record.household(), record.members(),
                record.citizenIdsShown() ? UnaryOperator.identity() : PersonalData::maskCitizenId,
                record.phoneShown() ? UnaryOperator.identity() : PersonalData::maskPhone);
    }

    private static HouseholdView of(Household h, List<HouseholdMember> members, UnaryOperator<String> maskId,
                                    UnaryOperator<String> maskPhone) {
        return new HouseholdView(h.id, h.code, h.headName, h.communeCode, h.villageCode, h.provinceCode, h.areaType,
                h.address, maskPhone.apply(h.phone), h.memberCount, h.status == null ? null : h.status.name(),
                h.statusYear, h.ethnicMinority, h.revolutionaryMerit, h.monthlyIncomeVnd, h.floorAreaM2,
                name(h.wallMaterial), name(h.columnMaterial), name(h.roofMaterial), name(h.waterSource),
                name(h.latrineType), h.telecomUse, split(h.informationDevices), split(h.causesOfPoverty),
                members == null ? null : members.stream().map(m -> MemberView.of(m, maskId)).toList(),
                h.version, h.updatedAt, h.dissolvedOn);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static List<String> split(String codes) {
        return codes == null || codes.isEmpty() ? List.of() : Arrays.asList(codes.split(","));
    }
}
