package vn.vnn.household.standards;

/**
 * Code lists of the household survey (phiếu khảo sát hộ gia đình). Where a code decides a deprivation indicator
 * (DOMAIN.md Part 2 §A2), the enum says so.
 */
public final class SurveyCodes {

    private SurveyCodes() {
    }

    /** Quan hệ với chủ hộ. */
    public enum Relationship { HEAD, SPOUSE, CHILD, CHILD_IN_LAW, PARENT, PARENT_IN_LAW, GRANDCHILD, GRANDPARENT,
        SIBLING, OTHER }

    public enum SchoolStatus { NOT_YET_SCHOOL_AGE, ATTENDING, NOT_ATTENDING, FINISHED }

    public enum EducationLevel { NONE, PRIMARY, LOWER_SECONDARY, UPPER_SECONDARY, VOCATIONAL, COLLEGE, UNIVERSITY }

    /** Highest diploma or certificate (bằng cấp, chứng chỉ). */
    public enum Diploma { NONE, PRIMARY, LOWER_SECONDARY, UPPER_SECONDARY, VOCATIONAL_CERTIFICATE,
        VOCATIONAL_DIPLOMA, COLLEGE, UNIVERSITY }

    /** Khả năng lao động. */
    public enum WorkingCapacity { FULL, PARTIAL, NONE }

    public enum Employment { STABLE, UNSTABLE, UNEMPLOYED, STUDENT, RETIRED, NOT_WORKING_AGE }

    /** Main material of walls, columns or roof; a dwelling is not durable when two of the three are not. */
    public enum Material {
        CONCRETE(true), BRICK(true), STONE(true), STEEL(true), DURABLE_WOOD(true), TILE(true), METAL_SHEET(true),
        FIBRE_CEMENT(true), NON_DURABLE_WOOD(false), BAMBOO(false), THATCH(false), MUD(false), TARPAULIN(false),
        OTHER(false);

        private final boolean durable;

        Material(boolean durable) {
            this.durable = durable;
        }

        public boolean durable() {
            return durable;
        }
    }

    /** Nguồn nước sinh hoạt; the clean ones are those A2 lists. */
    public enum WaterSource {
        PIPED(true), DRILLED_WELL(true), PROTECTED_DUG_WELL(true), PROTECTED_SPRING(true), RAINWATER(true),
        BOTTLED(true), UNPROTECTED_WELL(false), UNPROTECTED_SPRING(false), SURFACE_WATER(false), OTHER(false);

        private final boolean clean;

        WaterSource(boolean clean) {
            this.clean = clean;
        }

        public boolean clean() {
            return clean;
        }
    }

    /** Loại nhà tiêu. */
    public enum LatrineType {
        SEPTIC(true), SEMI_SEPTIC(true), POUR_FLUSH(true), VENTILATED_PIT(true), DOUBLE_VAULT(true),
        PIT_WITHOUT_SLAB(false), HANGING(false), NONE(false), OTHER(false);

        private final boolean hygienic;

        LatrineType(boolean hygienic) {
            this.hygienic = hygienic;
        }

        public boolean hygienic() {
            return hygienic;
        }
    }

    /** Phương tiện tiếp cận thông tin. */
    public enum InformationDevice { TELEVISION, RADIO, COMPUTER, SMARTPHONE, MOBILE_PHONE, LANDLINE }

    /** Nguyên nhân nghèo. */
    public enum CauseOfPoverty {
        LACK_OF_CAPITAL("Thiếu vốn sản xuất, kinh doanh"), LACK_OF_LAND("Thiếu đất canh tác"),
        LACK_OF_LABOUR("Thiếu lao động"), LACK_OF_SKILLS("Thiếu kiến thức, kỹ năng sản xuất"),
        ILLNESS("Có người ốm đau, bệnh nặng"), DISABILITY("Có người khuyết tật"),
        NATURAL_DISASTER("Thiên tai, rủi ro"), LARGE_FAMILY("Đông người ăn theo"),
        SOCIAL_EVILS("Mắc tệ nạn xã hội"), OTHER("Nguyên nhân khác");

        private final String vietnamese;

        CauseOfPoverty(String vietnamese) {
            this.vietnamese = vietnamese;
        }

        /** The cause as the review forms name it, for reports. */
        public String vietnamese() {
            return vietnamese;
        }
    }
}
