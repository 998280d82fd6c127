package vn.vnn.household.api;

import vn.vnn.household.domain.Household;

import java.time.OffsetDateTime;
import java.util.UUID;

public record HouseholdView(UUID id, String code, String headName, String communeCode, String provinceCode,
                            String areaType, int memberCount, String status, Integer statusYear, long version,
                            OffsetDateTime updatedAt) {

    public static HouseholdView of(Household h) {
        return new HouseholdView(h.id, h.code, h.headName, h.communeCode, h.provinceCode, h.areaType,
                h.memberCount, h.status == null ? null : h.status.name(), h.statusYear, h.version, h.updatedAt);
    }
}
