package vn.vnn.household.imports;

import vn.vnn.household.registry.CitizenId;
import vn.vnn.household.standards.SurveyCodes;

import vn.vnn.kit.upload.RowError;

import vn.vnn.household.registry.HouseholdSurvey;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the rows of an import file into households: consecutive rows with the same {@code household_ref} are one
 * household, one member per row, the household's own columns read from its first row. Cell errors name the row and
 * column and never repeat the cell's value, so that a report holds no personal data.
 */
public final class HouseholdRows {

    /** A household read from the file; {@code request} is null when some cell could not be read. */
    /**
     * One household of the file: its ref, its rows, the request when every cell could be read (else null and the
     * errors), and the commune code as written in its first row (empty when none), so that the area can be checked
     * before anything else.
     */
    public record Imported(String ref, List<Integer> rows, HouseholdSurvey request, List<RowError> errors,
                           String communeCode) {

        /** The row and column an error on {@code path} (as Bean Validation or the member rules name it) refers to. */
        public RowError locate(String path, String message) {
            Matcher member = MEMBER_PATH.matcher(path);
            if (member.matches()) {
                int index = Integer.parseInt(member.group(1));
                int row = index < rows.size() ? rows.get(index) : rows.get(0);
                return new RowError(row, member.group(2) == null ? null : column(member.group(2)), message);
            }
            if (path.equals("members")) {
                return new RowError(rows.get(0), ImportColumn.RELATIONSHIP.header(), message);
            }
            String last = path.substring(path.lastIndexOf('.') + 1);
            return new RowError(rows.get(0), column(last), message);
        }
    }

    private static final Pattern MEMBER_PATH = Pattern.compile("members\\[(\\d+)](?:\\.(\\w+))?");
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final Set<String> YES = Set.of("true", "yes", "y", "1", "x", "có", "co");
    private static final Set<String> NO = Set.of("false", "no", "n", "0", "không", "khong");
    private static final int MAX_REF = 50;

    private final Map<ImportColumn, Integer> positions = new EnumMap<>(ImportColumn.class);
    private final Consumer<Imported> out;
    private final Set<String> finished = new HashSet<>();
    private final Set<String> finishedRefs = new HashSet<>();
    private final List<Integer> groupRows = new ArrayList<>();
    private final List<List<String>> groupCells = new ArrayList<>();
    private String groupRef;

    public HouseholdRows(List<String> header, Consumer<Imported> out) {
        List<RowError> problems = headerProblems(header);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).message());
        }
        for (int i = 0; i < header.size(); i++) {
            int position = i;
            Arrays.stream(ImportColumn.values()).filter(c -> c.header().equals(normalise(header.get(position))))
                    .forEach(c -> positions.put(c, position));
        }
        this.out = out;
    }

    /** What is wrong with a header row: missing, unknown or repeated columns. */
    public static List<RowError> headerProblems(List<String> header) {
        List<RowError> problems = new ArrayList<>();
        List<String> names = header.stream().map(HouseholdRows::normalise).toList();
        List<String> missing = ImportColumn.required().stream().filter(c -> !names.contains(c)).toList();
        if (!missing.isEmpty()) {
            problems.add(new RowError(1, null, "missing columns " + missing + "; the template has them all"));
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!name.isEmpty() && !ImportColumn.headers().contains(name)) {
                problems.add(new RowError(1, name, "is no column of the household import"));
            } else if (!name.isEmpty() && !seen.add(name)) {
                problems.add(new RowError(1, name, "appears twice"));
            }
        }
        return problems;
    }

    public void row(int rowNumber, List<String> cells) {
        String ref = cell(cells, ImportColumn.HOUSEHOLD_REF);
        if (groupRef != null && !groupRef.equals(ref)) {
            flush();
        }
        groupRef = ref;
        groupRows.add(rowNumber);
        groupCells.add(cells);
    }

    /** Emits the last household; call once the file has been read. */
    public void finish() {
        if (groupRef != null) {
            flush();
        }
    }

    private void flush() {
        List<Integer> rows = List.copyOf(groupRows);
        List<List<String>> cells = List.copyOf(groupCells);
        String ref = groupRef;
        groupRows.clear();
        groupCells.clear();
        groupRef = null;
        out.accept(read(ref, rows, cells));
    }

    private Imported read(String ref, List<Integer> rows, List<List<String>> cells) {
        List<RowError> errors = new ArrayList<>();
        int first = rows.get(0);
        if (ref.isEmpty()) {
            rows.forEach(row -> errors.add(new RowError(row, ImportColumn.HOUSEHOLD_REF.header(), "is required")));
            return new Imported(ref, rows, null, errors, cell(cells.get(0), ImportColumn.COMMUNE_CODE));
        }
        if (ref.length() > MAX_REF) {
            errors.add(new RowError(first, ImportColumn.HOUSEHOLD_REF.header(), "is longer than 50 characters"));
        }
        String commune = cell(cells.get(0), ImportColumn.COMMUNE_CODE);
        // A group without a commune that reuses a finished ref is the tail of a household split across the file.
        boolean split = !finished.add(commune + "|" + ref) || commune.isEmpty() && finishedRefs.contains(ref);
        finishedRefs.add(ref);
        if (split) {
            rows.forEach(row -> errors.add(new RowError(row, ImportColumn.HOUSEHOLD_REF.header(),
                    "this household's rows must be next to each other; it appeared earlier in the file")));
            return new Imported(ref, rows, null, errors, commune);
        }
        for (int i = 1; i < rows.size(); i++) {
            for (ImportColumn column : ImportColumn.values()) {
                String value = cell(cells.get(i), column);
                if (column.ofHousehold() && !value.isEmpty() && !value.equals(cell(cells.get(0), column))) {
                    errors.add(new RowError(rows.get(i), column.header(),
                            "differs from the household's first row; household data go in its first row"));
                }
            }
        }
        Cells head = new Cells(cells.get(0), first, errors);
        HouseholdSurvey.Housing housing = new HouseholdSurvey.Housing(
                head.decimal(ImportColumn.FLOOR_AREA_M2), head.code(ImportColumn.WALL_MATERIAL,
                SurveyCodes.Material.class), head.code(ImportColumn.COLUMN_MATERIAL, SurveyCodes.Material.class),
                head.code(ImportColumn.ROOF_MATERIAL, SurveyCodes.Material.class));
        String communeCode = head.text(ImportColumn.COMMUNE_CODE);
        String villageCode = head.text(ImportColumn.VILLAGE_CODE);
        String address = head.text(ImportColumn.ADDRESS);
        String phone = head.text(ImportColumn.PHONE);
        Boolean ethnicMinority = head.yesNo(ImportColumn.ETHNIC_MINORITY);
        Boolean revolutionaryMerit = head.yesNo(ImportColumn.REVOLUTIONARY_MERIT);
        Long income = head.whole(ImportColumn.MONTHLY_INCOME_VND);
        SurveyCodes.WaterSource water = head.code(ImportColumn.WATER_SOURCE, SurveyCodes.WaterSource.class);
        SurveyCodes.LatrineType latrine = head.code(ImportColumn.LATRINE_TYPE, SurveyCodes.LatrineType.class);
        Boolean telecom = head.yesNo(ImportColumn.TELECOM_USE);
        Set<SurveyCodes.InformationDevice> devices = head.codes(ImportColumn.INFORMATION_DEVICES,
                SurveyCodes.InformationDevice.class);
        Set<SurveyCodes.CauseOfPoverty> causes = head.codes(ImportColumn.CAUSES_OF_POVERTY,
                SurveyCodes.CauseOfPoverty.class);
        List<HouseholdSurvey.Member> members = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Cells member = new Cells(cells.get(i), rows.get(i), errors);
            members.add(new HouseholdSurvey.Member(
                    member.text(ImportColumn.FULL_NAME),
                    member.date(ImportColumn.BIRTH_DATE),
                    member.code(ImportColumn.SEX, CitizenId.Sex.class),
                    member.code(ImportColumn.RELATIONSHIP, SurveyCodes.Relationship.class),
                    member.text(ImportColumn.CITIZEN_ID),
                    member.yesNo(ImportColumn.HEALTH_INSURANCE),
                    member.code(ImportColumn.SCHOOL_STATUS, SurveyCodes.SchoolStatus.class),
                    member.code(ImportColumn.EDUCATION_LEVEL, SurveyCodes.EducationLevel.class),
                    member.code(ImportColumn.DIPLOMA, SurveyCodes.Diploma.class),
                    member.yesNo(ImportColumn.DISABILITY),
                    member.code(ImportColumn.WORKING_CAPACITY, SurveyCodes.WorkingCapacity.class),
                    member.code(ImportColumn.EMPLOYMENT, SurveyCodes.Employment.class)));
        }
        if (!errors.isEmpty()) {
            return new Imported(ref, rows, null, errors, commune);
        }
        boolean noHousing = housing.floorAreaM2() == null && housing.wallMaterial() == null
                && housing.columnMaterial() == null && housing.roofMaterial() == null;
        return new Imported(ref, rows, new HouseholdSurvey(communeCode, villageCode, address, phone, ethnicMinority,
                revolutionaryMerit, income, noHousing ? null : housing, water, latrine, telecom, devices, causes,
                members, null, head.date(ImportColumn.RESIDENT_SINCE), blankToNull(head.text(
                ImportColumn.PRE_REFORM_COMMUNE_CODE))), errors, commune);
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private String cell(List<String> cells, ImportColumn column) {
        Integer position = positions.get(column);
        if (position == null) {
            return ""; // an optional column the file leaves out
        }
        String value = position < cells.size() && cells.get(position) != null ? cells.get(position).strip() : "";
        // Vietnamese typed on some systems arrives decomposed (NFD); names and "có" must compare as typed elsewhere.
        return Normalizer.isNormalized(value, Normalizer.Form.NFC) ? value
                : Normalizer.normalize(value, Normalizer.Form.NFC);
    }

    private static String normalise(String header) {
        return header == null ? "" : header.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
    }

    /** The cells of one row, read as typed values; a cell that cannot be read adds an error and reads as null. */
    private final class Cells {
        private final List<String> cells;
        private final int row;
        private final List<RowError> errors;

        Cells(List<String> cells, int row, List<RowError> errors) {
            this.cells = cells;
            this.row = row;
            this.errors = errors;
        }

        String text(ImportColumn column) {
            String value = cell(cells, column);
            return value.isEmpty() ? null : value;
        }

        Boolean yesNo(ImportColumn column) {
            String value = cell(cells, column).toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                return null;
            }
            if (YES.contains(value)) {
                return true;
            }
            if (NO.contains(value)) {
                return false;
            }
            return fail(column, "must be có/không (true/false)");
        }

        Long whole(ImportColumn column) {
            String value = cell(cells, column).replace(" ", "");
            if (value.isEmpty()) {
                return null;
            }
            try {
                return new BigDecimal(value).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                return fail(column, "must be a whole number of đồng");
            }
        }

        BigDecimal decimal(ImportColumn column) {
            String value = cell(cells, column).replace(',', '.');
            if (value.isEmpty()) {
                return null;
            }
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                return fail(column, "must be a number");
            }
        }

        LocalDate date(ImportColumn column) {
            String value = cell(cells, column);
            if (value.isEmpty()) {
                return null;
            }
            try {
                return value.contains("/") ? LocalDate.parse(value, VIETNAMESE_DATE) : LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                return fail(column, "must be a date YYYY-MM-DD or dd/MM/yyyy");
            }
        }

        <E extends Enum<E>> E code(ImportColumn column, Class<E> type) {
            String value = cell(cells, column);
            if (value.isEmpty()) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return fail(column, "must be one of " + Arrays.toString(type.getEnumConstants()));
            }
        }

        <E extends Enum<E>> Set<E> codes(ImportColumn column, Class<E> type) {
            String value = cell(cells, column);
            Set<E> codes = EnumSet.noneOf(type);
            for (String code : value.split("[;,]")) {
                if (code.isBlank()) {
                    continue;
                }
                try {
                    codes.add(Enum.valueOf(type, code.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    return fail(column, "holds a code that is not one of " + Arrays.toString(type.getEnumConstants()));
                }
            }
            return codes;
        }

        private <T> T fail(ImportColumn column, String message) {
            errors.add(new RowError(row, column.header(), message));
            return null;
        }
    }

    private static String column(String property) {
        String snake = property.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return ImportColumn.headers().contains(snake) ? snake : property;
    }
}
