package vn.vnn.fund.disbursements;

/** What support pays for (DOMAIN.md §1.5), and the purpose code it carries in {@code fund.disbursement-paid.v1}. */
public enum SupportCategory {
    /** Nhà Đại đoàn kết: building or repairing a house. */
    GREAT_SOLIDARITY_HOUSE("HOUSING"),
    /** Sinh kế: seedlings, livestock, tools. */
    LIVELIHOOD("LIVELIHOOD"),
    /** Học bổng, hỗ trợ học tập. */
    EDUCATION("EDUCATION"),
    /** Khám chữa bệnh. */
    HEALTHCARE("HEALTH"),
    /** Quà Tết. */
    TET_GIFT("OTHER"),
    /** Cứu trợ thiên tai. */
    DISASTER_RELIEF("EMERGENCY"),
    OTHER("OTHER");

    private final String eventPurpose;

    SupportCategory(String eventPurpose) {
        this.eventPurpose = eventPurpose;
    }

    public String eventPurpose() {
        return eventPurpose;
    }
}
