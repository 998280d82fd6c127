package vn.vnn.household.imports;

import vn.vnn.household.registry.CitizenId;
import vn.vnn.household.standards.SurveyCodes;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of a household import file (one row per member; the household's columns are read from its first row).
 * The header row must name every column; the order is free. Vietnamese labels go into the template's guide sheet.
 */
public enum ImportColumn {
    HOUSEHOLD_REF("household_ref", true, "Mã hộ trong danh sách của xã; các dòng cùng mã hộ là một hộ, liền nhau"),
    COMMUNE_CODE("commune_code", true, "Mã đơn vị hành chính cấp xã đang có hiệu lực"),
    VILLAGE_CODE("village_code", true, "Mã thôn, tổ dân phố của xã (có thể để trống)"),
    ADDRESS("address", true, "Địa chỉ"),
    PHONE("phone", true, "Số điện thoại (0xxxxxxxxx)"),
    ETHNIC_MINORITY("ethnic_minority", true, "Hộ dân tộc thiểu số: có/không"),
    REVOLUTIONARY_MERIT("revolutionary_merit", true, "Hộ có công với cách mạng: có/không"),
    MONTHLY_INCOME_VND("monthly_income_vnd", true, "Thu nhập của hộ mỗi tháng (đồng)"),
    FLOOR_AREA_M2("floor_area_m2", true, "Diện tích nhà ở (m²)"),
    WALL_MATERIAL("wall_material", true, "Vật liệu tường: " + codes(SurveyCodes.Material.class)),
    COLUMN_MATERIAL("column_material", true, "Vật liệu cột: " + codes(SurveyCodes.Material.class)),
    ROOF_MATERIAL("roof_material", true, "Vật liệu mái: " + codes(SurveyCodes.Material.class)),
    WATER_SOURCE("water_source", true, "Nguồn nước sinh hoạt: " + codes(SurveyCodes.WaterSource.class)),
    LATRINE_TYPE("latrine_type", true, "Loại nhà tiêu: " + codes(SurveyCodes.LatrineType.class)),
    TELECOM_USE("telecom_use", true, "Sử dụng dịch vụ viễn thông: có/không"),
    INFORMATION_DEVICES("information_devices", true,
            "Phương tiện tiếp cận thông tin, cách nhau bởi ';': " + codes(SurveyCodes.InformationDevice.class)),
    CAUSES_OF_POVERTY("causes_of_poverty", true,
            "Nguyên nhân nghèo, cách nhau bởi ';': " + codes(SurveyCodes.CauseOfPoverty.class)),
    FULL_NAME("full_name", false, "Họ và tên thành viên"),
    BIRTH_DATE("birth_date", false, "Ngày sinh (YYYY-MM-DD hoặc dd/MM/yyyy)"),
    SEX("sex", false, "Giới tính: " + codes(CitizenId.Sex.class)),
    RELATIONSHIP("relationship", false, "Quan hệ với chủ hộ: " + codes(SurveyCodes.Relationship.class)),
    CITIZEN_ID("citizen_id", false, "Số định danh cá nhân, 12 chữ số (có thể trống với trẻ nhỏ)"),
    HEALTH_INSURANCE("health_insurance", false, "Có thẻ BHYT: có/không"),
    SCHOOL_STATUS("school_status", false, "Tình trạng đi học: " + codes(SurveyCodes.SchoolStatus.class)),
    EDUCATION_LEVEL("education_level", false, "Trình độ giáo dục: " + codes(SurveyCodes.EducationLevel.class)),
    DIPLOMA("diploma", false, "Bằng cấp cao nhất: " + codes(SurveyCodes.Diploma.class)),
    DISABILITY("disability", false, "Khuyết tật: có/không"),
    WORKING_CAPACITY("working_capacity", false, "Khả năng lao động: " + codes(SurveyCodes.WorkingCapacity.class)),
    EMPLOYMENT("employment", false, "Việc làm: " + codes(SurveyCodes.Employment.class)),
    RESIDENT_SINCE("resident_since", true, "Ngày hộ bắt đầu cư trú tại xã (YYYY-MM-DD; để trống nếu đã cư trú từ "
            + "trước khi có dữ liệu) — cột không bắt buộc"),
    PRE_REFORM_COMMUNE_CODE("pre_reform_commune_code", true, "Mã xã trước ngày 1/7/2025, nếu xã hiện nay hợp từ "
            + "nhiều xã và thôn không cho biết — cột không bắt buộc");

    private final String header;
    private final boolean ofHousehold;
    private final String description;

    ImportColumn(String header, boolean ofHousehold, String description) {
        this.header = header;
        this.ofHousehold = ofHousehold;
        this.description = description;
    }

    public String header() {
        return header;
    }

    /** True for the household's own data, read from the first row of each household. */
    public boolean ofHousehold() {
        return ofHousehold;
    }

    public String description() {
        return description;
    }

    /** Columns an older file may leave out. */
    public boolean optional() {
        return this == RESIDENT_SINCE || this == PRE_REFORM_COMMUNE_CODE;
    }

    /** The columns every file must have. */
    public static List<String> required() {
        return Arrays.stream(values()).filter(c -> !c.optional()).map(ImportColumn::header).toList();
    }

    public static List<String> headers() {
        return Arrays.stream(values()).map(ImportColumn::header).toList();
    }

    private static String codes(Class<? extends Enum<?>> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }
}
