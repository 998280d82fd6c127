package vn.vnn.household.demo;

import vn.vnn.household.areas.AreaType;
import vn.vnn.household.imports.ImportColumn;
import vn.vnn.household.registry.CitizenId;
import vn.vnn.household.standards.PovertyStatus;

import vn.vnn.household.standards.SurveyCodes.CauseOfPoverty;
import vn.vnn.household.standards.SurveyCodes.Diploma;
import vn.vnn.household.standards.SurveyCodes.EducationLevel;
import vn.vnn.household.standards.SurveyCodes.Employment;
import vn.vnn.household.standards.SurveyCodes.InformationDevice;
import vn.vnn.household.standards.SurveyCodes.LatrineType;
import vn.vnn.household.standards.SurveyCodes.Material;
import vn.vnn.household.standards.SurveyCodes.Relationship;
import vn.vnn.household.standards.SurveyCodes.SchoolStatus;
import vn.vnn.household.standards.SurveyCodes.WaterSource;
import vn.vnn.household.standards.SurveyCodes.WorkingCapacity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Made-up households with realistic shapes, for demo data and benchmarks; never real people. Deterministic for a
 * seed. Shapes follow published national figures in broad strokes: households of 3.6 people on average (1–8), common
 * family names by their frequency, a few communes where most households belong to an ethnic minority, poverty of a
 * few percent overall and far higher in those communes, and poor households more often deprived in housing, water,
 * sanitation and insurance. Citizen IDs are valid for the person's birth year and sex and unique within a generator.
 */
public final class SyntheticHouseholds {

    /** A commune households are generated in; {@code minorityShare} is the share of ethnic-minority households. */
    public record Commune(String code, AreaType areaType, List<String> villages, double minorityShare) {
    }

    public record Person(String fullName, LocalDate birthDate, CitizenId.Sex sex, Relationship relationship,
                         String citizenId, boolean healthInsurance, SchoolStatus schoolStatus,
                         EducationLevel educationLevel, Diploma diploma, boolean disability,
                         WorkingCapacity workingCapacity, Employment employment) {
    }

    /** A household with its members and the status it is recognised with for the year (null: not recognised). */
    public record Synthetic(String ref, Commune commune, String villageCode, String address, String phone,
                            boolean ethnicMinority, boolean revolutionaryMerit, long monthlyIncomeVnd,
                            BigDecimal floorAreaM2, Material wall, Material column, Material roof, WaterSource water,
                            LatrineType latrine, boolean telecomUse, Set<InformationDevice> devices,
                            Set<CauseOfPoverty> causes, List<Person> members, PovertyStatus status,
                            PovertyStatus previousStatus) {
    }

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
        "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Hà", "Lò", "Vi", "Triệu"};
    /** Cumulative shares of the family names above, in per mille. */
    private static final int[] FAMILY_SHARE = {380, 490, 585, 655, 696, 717, 762, 801, 822, 843, 863, 877, 890, 903,
        913, 918, 940, 960, 980, 1000};
    private static final String[] MALE_MIDDLE = {"Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thành"};
    private static final String[] FEMALE_MIDDLE = {"Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Phương"};
    private static final String[] MALE_GIVEN = {"An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Khánh", "Long",
        "Nam", "Phúc", "Quân", "Sơn", "Thắng", "Toàn", "Tuấn", "Việt", "Vinh"};
    private static final String[] FEMALE_GIVEN = {"Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan",
        "Linh", "Mai", "Nga", "Ngọc", "Nhung", "Phương", "Thảo", "Trang", "Yến"};
    /** Cumulative shares of household sizes 1..8, in per mille (mean about 3.6). */
    private static final int[] SIZE_SHARE = {80, 250, 470, 740, 880, 950, 980, 1000};

    private final Random random;
    private final List<Commune> communes;
    private final int year;
    private final String refPrefix;
    /** Next serial per (birth province, century-and-sex digit, two-digit year): keeps citizen IDs unique. */
    private final int[] serials = new int[97 * 10 * 100];
    private long count;

    public SyntheticHouseholds(long seed, List<Commune> communes, int year, String refPrefix) {
        this.random = new Random(seed);
        this.communes = List.copyOf(communes);
        this.year = year;
        this.refPrefix = refPrefix;
    }

    public Synthetic next() {
        Commune commune = communes.get(random.nextInt(communes.size()));
        boolean minority = random.nextDouble() < commune.minorityShare();
        PovertyStatus status = status(minority);
        PovertyStatus previous = previous(status);
        boolean poorish = status == PovertyStatus.POOR || status == PovertyStatus.NEAR_POOR;
        String family = pick(FAMILY, FAMILY_SHARE);
        int size = 1 + index(SIZE_SHARE, random.nextInt(1000));
        if (poorish && size < 3 && random.nextBoolean()) {
            size += 2;
        }
        List<Person> members = members(family, size, poorish);
        long perCapita = perCapitaIncome(status, commune.areaType());
        String village = commune.villages().isEmpty() ? null
                : commune.villages().get(random.nextInt(commune.villages().size()));
        Material wall = poorish && chance(0.4) ? Material.BAMBOO : chance(0.7) ? Material.BRICK : Material.CONCRETE;
        Material column = poorish && chance(0.4) ? Material.NON_DURABLE_WOOD : Material.CONCRETE;
        Material roof = poorish && chance(0.3) ? Material.THATCH : chance(0.5) ? Material.METAL_SHEET : Material.TILE;
        WaterSource water = poorish && chance(0.3) ? WaterSource.UNPROTECTED_WELL
                : commune.areaType() == AreaType.URBAN ? WaterSource.PIPED : WaterSource.DRILLED_WELL;
        LatrineType latrine = poorish && chance(0.35) ? LatrineType.PIT_WITHOUT_SLAB
                : chance(0.6) ? LatrineType.SEPTIC : LatrineType.SEMI_SEPTIC;
        Set<InformationDevice> devices = EnumSet.noneOf(InformationDevice.class);
        if (!poorish || chance(0.6)) {
            devices.add(InformationDevice.SMARTPHONE);
        }
        if (chance(poorish ? 0.5 : 0.85)) {
            devices.add(InformationDevice.TELEVISION);
        }
        Set<CauseOfPoverty> causes = EnumSet.noneOf(CauseOfPoverty.class);
        if (poorish) {
            causes.add(chance(0.5) ? CauseOfPoverty.LACK_OF_CAPITAL : CauseOfPoverty.LACK_OF_SKILLS);
            if (chance(0.3)) {
                causes.add(CauseOfPoverty.ILLNESS);
            }
            if (chance(0.2)) {
                causes.add(CauseOfPoverty.LACK_OF_LAND);
            }
        }
        count++;
        return new Synthetic(refPrefix + count, commune, village, "Số " + (1 + random.nextInt(300)) + ", xóm "
                + (1 + random.nextInt(12)), "09" + String.format("%08d", random.nextInt(100_000_000)), minority,
                chance(0.03), perCapita * size,
                BigDecimal.valueOf(poorish ? 12 + random.nextInt(40) : 25 + random.nextInt(120)), wall, column, roof,
                water, latrine, !poorish || chance(0.7), devices, causes, members, status, previous);
    }

    /** Writes the next {@code households} households as an import file (CSV with the header row). */
    public void writeImportCsv(int households, Appendable out) throws java.io.IOException {
        org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(out,
                org.apache.commons.csv.CSVFormat.DEFAULT.builder()
                        .setHeader(ImportColumn.headers().toArray(String[]::new)).get());
        for (int i = 0; i < households; i++) {
            Synthetic household = next();
            for (int m = 0; m < household.members().size(); m++) {
                printer.printRecord(importRow(household, m));
            }
        }
        printer.flush();
    }

    /** The row values of one member in {@link ImportColumn} order; household data on the first member only. */
    public static List<String> importRow(Synthetic h, int memberIndex) {
        Person p = h.members().get(memberIndex);
        boolean first = memberIndex == 0;
        List<String> row = new ArrayList<>(ImportColumn.values().length);
        row.add(h.ref());
        row.add(first ? h.commune().code() : "");
        row.add(first && h.villageCode() != null ? h.villageCode() : "");
        row.add(first ? h.address() : "");
        row.add(first ? h.phone() : "");
        row.add(first ? yesNo(h.ethnicMinority()) : "");
        row.add(first ? yesNo(h.revolutionaryMerit()) : "");
        row.add(first ? Long.toString(h.monthlyIncomeVnd()) : "");
        row.add(first ? h.floorAreaM2().toPlainString() : "");
        row.add(first ? h.wall().name() : "");
        row.add(first ? h.column().name() : "");
        row.add(first ? h.roof().name() : "");
        row.add(first ? h.water().name() : "");
        row.add(first ? h.latrine().name() : "");
        row.add(first ? yesNo(h.telecomUse()) : "");
        row.add(first ? String.join(";", h.devices().stream().map(Enum::name).toList()) : "");
        row.add(first ? String.join(";", h.causes().stream().map(Enum::name).toList()) : "");
        row.add(p.fullName());
        row.add(p.birthDate().toString());
        row.add(p.sex().name());
        row.add(p.relationship().name());
        row.add(p.citizenId() == null ? "" : p.citizenId());
        row.add(yesNo(p.healthInsurance()));
        row.add(p.schoolStatus().name());
        row.add(p.educationLevel().name());
        row.add(p.diploma().name());
        row.add(yesNo(p.disability()));
        row.add(p.workingCapacity().name());
        row.add(p.employment().name());
        row.add(""); // resident_since: since before the records
        row.add(""); // pre_reform_commune_code
        return row;
    }

    private List<Person> members(String family, int size, boolean poorish) {
        List<Person> members = new ArrayList<>();
        CitizenId.Sex headSex = chance(0.75) ? CitizenId.Sex.MALE : CitizenId.Sex.FEMALE;
        int headAge = 25 + random.nextInt(size == 1 ? 60 : 45);
        members.add(person(family, headSex, headAge, Relationship.HEAD, poorish));
        int left = size - 1;
        if (left > 0 && chance(0.85)) {
            CitizenId.Sex spouse = headSex == CitizenId.Sex.MALE ? CitizenId.Sex.FEMALE : CitizenId.Sex.MALE;
            members.add(person(pick(FAMILY, FAMILY_SHARE), spouse, Math.max(18, headAge - 5 + random.nextInt(8)),
                    Relationship.SPOUSE, poorish));
            left--;
        }
        if (left > 0 && headAge < 55 && chance(0.2)) {
            members.add(person(family, sex(), headAge + 22 + random.nextInt(10), Relationship.PARENT, poorish));
            left--;
        }
        for (; left > 0; left--) {
            boolean grandchild = headAge > 55 && chance(0.5);
            int age = grandchild ? random.nextInt(12) : random.nextInt(Math.max(1, Math.min(30, headAge - 18)));
            members.add(person(family, sex(), age, grandchild ? Relationship.GRANDCHILD : Relationship.CHILD,
                    poorish));
        }
        return members;
    }

    private Person person(String family, CitizenId.Sex sex, int age, Relationship relationship, boolean poorish) {
        // ages are counted at the start of the year, so that nobody is born after the data's date
        LocalDate birth = LocalDate.of(year, 1, 1).minusYears(age).minusDays(1 + random.nextInt(365));
        String middle = sex == CitizenId.Sex.MALE ? pickAny(MALE_MIDDLE) : pickAny(FEMALE_MIDDLE);
        String given = sex == CitizenId.Sex.MALE ? pickAny(MALE_GIVEN) : pickAny(FEMALE_GIVEN);
        String citizenId = age < 6 && chance(0.5) ? null : citizenId(birth.getYear(), sex);
        SchoolStatus school = age < 6 ? SchoolStatus.NOT_YET_SCHOOL_AGE
                : age <= 16 ? (poorish && chance(0.08) ? SchoolStatus.NOT_ATTENDING : SchoolStatus.ATTENDING)
                : age <= 22 && chance(0.4) ? SchoolStatus.ATTENDING : SchoolStatus.FINISHED;
        EducationLevel level = age < 7 ? EducationLevel.NONE : age < 11 ? EducationLevel.PRIMARY
                : age < 15 ? EducationLevel.LOWER_SECONDARY
                : poorish ? (chance(0.6) ? EducationLevel.LOWER_SECONDARY : EducationLevel.PRIMARY)
                : chance(0.5) ? EducationLevel.UPPER_SECONDARY : chance(0.5) ? EducationLevel.UNIVERSITY
                : EducationLevel.VOCATIONAL;
        Diploma diploma = switch (level) {
            case NONE -> Diploma.NONE;
            case PRIMARY -> age >= 11 ? Diploma.PRIMARY : Diploma.NONE;
            case LOWER_SECONDARY -> age >= 15 ? Diploma.LOWER_SECONDARY : Diploma.PRIMARY;
            case UPPER_SECONDARY -> Diploma.UPPER_SECONDARY;
            case VOCATIONAL -> Diploma.VOCATIONAL_CERTIFICATE;
            case COLLEGE -> Diploma.COLLEGE;
            case UNIVERSITY -> age >= 22 ? Diploma.UNIVERSITY : Diploma.UPPER_SECONDARY;
        };
        boolean disability = chance(poorish ? 0.08 : 0.03);
        Employment employment = age < 15 ? Employment.NOT_WORKING_AGE
                : school == SchoolStatus.ATTENDING ? Employment.STUDENT
                : age >= 62 ? Employment.RETIRED
                : poorish && chance(0.5) ? Employment.UNSTABLE : chance(0.05) ? Employment.UNEMPLOYED
                : Employment.STABLE;
        WorkingCapacity capacity = age < 15 || age >= 75 ? WorkingCapacity.NONE
                : disability ? WorkingCapacity.PARTIAL : WorkingCapacity.FULL;
        return new Person(family + " " + middle + " " + given, birth, sex, relationship, citizenId,
                chance(poorish ? 0.97 : 0.92), school, level, diploma, disability, capacity, employment);
    }

    private String citizenId(int birthYear, CitizenId.Sex sex) {
        int province = 1 + random.nextInt(96);
        int centuryDigit = CitizenId.centuryDigit(birthYear, sex);
        int slot = (province * 10 + centuryDigit) * 100 + birthYear % 100;
        int serial = serials[slot]++;
        // a fixed odd multiplier spreads serials over the six digits without repeating (it is invertible mod 10^6)
        return String.format("%03d%d%02d%06d", province, centuryDigit, birthYear % 100,
                (int) ((serial * 7_919L + 104_729L) % 1_000_000));
    }

    private PovertyStatus status(boolean minority) {
        double draw = random.nextDouble();
        double poor = minority ? 0.14 : 0.015;
        double nearPoor = minority ? 0.12 : 0.025;
        double average = minority ? 0.2 : 0.08;
        return draw < poor ? PovertyStatus.POOR : draw < poor + nearPoor ? PovertyStatus.NEAR_POOR
                : draw < poor + nearPoor + average ? PovertyStatus.AVERAGE_LIVING_STANDARD : null;
    }

    /** Last year's status: most stay; some poor households of last year have escaped, a few fell back. */
    private PovertyStatus previous(PovertyStatus now) {
        if (now == null) {
            return chance(0.01) ? PovertyStatus.NEAR_POOR : null;
        }
        double draw = random.nextDouble();
        return switch (now) {
            case POOR -> draw < 0.75 ? PovertyStatus.POOR : draw < 0.9 ? PovertyStatus.NEAR_POOR : null;
            case NEAR_POOR -> draw < 0.6 ? PovertyStatus.NEAR_POOR : draw < 0.8 ? PovertyStatus.POOR : null;
            default -> draw < 0.3 ? PovertyStatus.NEAR_POOR : draw < 0.4 ? PovertyStatus.POOR : now;
        };
    }

    /** Income per person per month, inside the band of the status under VN-MPS-2022. */
    private long perCapitaIncome(PovertyStatus status, AreaType area) {
        long line = area == AreaType.RURAL ? 1_500_000 : 2_000_000;
        long upper = area == AreaType.RURAL ? 2_250_000 : 3_000_000;
        long value;
        if (status == PovertyStatus.POOR || status == PovertyStatus.NEAR_POOR) {
            value = line / 2 + (long) (random.nextDouble() * line / 2);
        } else if (status == PovertyStatus.AVERAGE_LIVING_STANDARD) {
            value = line + 1 + (long) (random.nextDouble() * (upper - line - 1));
        } else {
            value = upper + 1 + (long) (Math.exp(random.nextGaussian() * 0.6) * upper);
        }
        return value / 10_000 * 10_000;
    }

    private CitizenId.Sex sex() {
        return random.nextBoolean() ? CitizenId.Sex.MALE : CitizenId.Sex.FEMALE;
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private String pickAny(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String pick(String[] values, int[] cumulativePerMille) {
        return values[index(cumulativePerMille, random.nextInt(1000))];
    }

    private static int index(int[] cumulative, int draw) {
        for (int i = 0; i < cumulative.length; i++) {
            if (draw < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    private static String yesNo(boolean value) {
        return value ? "có" : "không";
    }
}
