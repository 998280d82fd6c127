package vn.vnn.household.standards;

/**
 * Deprivation indicators (chỉ số thiếu hụt dịch vụ xã hội cơ bản) of both national standards. Which ones a standard
 * uses is data ({@link StandardRules#indicators()}).
 */
public enum Indicator {
    EMPLOYMENT("Việc làm"),
    DEPENDANTS("Người phụ thuộc trong hộ"),
    NUTRITION("Dinh dưỡng"),
    HEALTH_INSURANCE("Bảo hiểm y tế"),
    ADULT_EDUCATION("Trình độ giáo dục của người lớn"),
    CHILD_SCHOOL_ATTENDANCE("Tình trạng đi học của trẻ em"),
    HOUSING_QUALITY("Chất lượng nhà ở"),
    HOUSING_AREA("Diện tích nhà ở bình quân đầu người"),
    DOMESTIC_WATER("Nguồn nước sinh hoạt"),
    HYGIENIC_LATRINE("Nhà tiêu hợp vệ sinh"),
    /** VN-MPS-2022 only. */
    TELECOM_SERVICES("Sử dụng dịch vụ viễn thông"),
    /** VN-MPS-2022 only. */
    INFORMATION_DEVICES("Phương tiện phục vụ tiếp cận thông tin"),
    /** VN-MPS-2027 only. */
    DIGITAL_SERVICES("Sử dụng dịch vụ số"),
    /** VN-MPS-2027 only. */
    WASTE_TREATMENT("Thu gom, xử lý rác thải sinh hoạt");

    private final String vietnamese;

    Indicator(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    /** The indicator's name in the circulars, for reports. */
    public String vietnamese() {
        return vietnamese;
    }
}
