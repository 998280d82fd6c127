package vn.vnn.household.domain;

/**
 * Deprivation indicators (chỉ số thiếu hụt dịch vụ xã hội cơ bản) of both national standards. Which ones a standard
 * uses is data ({@link StandardRules#indicators()}).
 */
public enum Indicator {
    /** Việc làm. */
    EMPLOYMENT,
    /** Người phụ thuộc trong hộ. */
    DEPENDANTS,
    /** Dinh dưỡng. */
    NUTRITION,
    /** Bảo hiểm y tế. */
    HEALTH_INSURANCE,
    /** Trình độ giáo dục của người lớn. */
    ADULT_EDUCATION,
    /** Tình trạng đi học của trẻ em. */
    CHILD_SCHOOL_ATTENDANCE,
    /** Chất lượng nhà ở. */
    HOUSING_QUALITY,
    /** Diện tích nhà ở bình quân đầu người. */
    HOUSING_AREA,
    /** Nguồn nước sinh hoạt. */
    DOMESTIC_WATER,
    /** Nhà tiêu hợp vệ sinh. */
    HYGIENIC_LATRINE,
    /** Sử dụng dịch vụ viễn thông (VN-MPS-2022). */
    TELECOM_SERVICES,
    /** Phương tiện phục vụ tiếp cận thông tin (VN-MPS-2022). */
    INFORMATION_DEVICES,
    /** Sử dụng dịch vụ số (VN-MPS-2027). */
    DIGITAL_SERVICES,
    /** Thu gom, xử lý rác thải sinh hoạt (VN-MPS-2027). */
    WASTE_TREATMENT
}
