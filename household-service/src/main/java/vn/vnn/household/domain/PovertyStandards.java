package vn.vnn.household.domain;

import java.time.LocalDate;

/**
 * Which national standard applies on a date (DOMAIN.md §1.3): VN-MPS-2022 (Nghị định 07/2021/NĐ-CP) through
 * 31/12/2026, VN-MPS-2027 (Nghị định 351/2025/NĐ-CP) from 1/1/2027. The poverty-standards issue replaces this with
 * dated, admin-editable data.
 */
public final class PovertyStandards {

    private static final LocalDate VN_MPS_2027_FROM = LocalDate.of(2027, 1, 1);
    private static final LocalDate VN_MPS_2022_FROM = LocalDate.of(2022, 1, 1);

    private PovertyStandards() {
    }

    public static String forDate(LocalDate date) {
        if (date.isBefore(VN_MPS_2022_FROM)) {
            throw new IllegalArgumentException("no multidimensional standard of this platform applies before 2022");
        }
        return date.isBefore(VN_MPS_2027_FROM) ? "VN-MPS-2022" : "VN-MPS-2027";
    }
}
