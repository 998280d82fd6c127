package vn.vnn.fund.disbursements;


import java.time.LocalDate;
import java.time.OffsetDateTime;

public record EligibleHouseholdView(String householdId, String householdCode, String communeCode,
                                    String provinceCode, String status, boolean eligible, String standard,
                                    int reviewYear, LocalDate recognizedOn, OffsetDateTime updatedAt) {

    public static EligibleHouseholdView of(EligibleHousehold h) {
        return new EligibleHouseholdView(h.householdId, h.householdCode, h.communeCode, h.provinceCode, h.status,
                h.eligible, h.standard, h.reviewYear, h.recognizedOn, h.updatedAt);
    }
}
