package vn.vnn.household.areas;

import vn.vnn.kit.upload.RowError;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a unit list in CSV (UTF-8, header {@code code,name,level,parentCode,type,validFrom,validTo,successorCodes};
 * dates ISO; successors separated by {@code ;}). Collects every cell error instead of stopping at the first.
 */
public final class UnitListParser {

    public static final List<String> COLUMNS = List.of("code", "name", "level", "parentCode", "type", "validFrom",
            "validTo", "successorCodes");
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.-]{0,19}");

    private UnitListParser() {
    }

    public record Parsed(List<UnitRow> rows, List<RowError> errors) {
    }

    public static Parsed parse(Reader csv) throws IOException {
        List<UnitRow> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            List<String> missing = COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                errors.add(new RowError(0, null, "missing columns " + missing + "; expected " + COLUMNS));
                return new Parsed(rows, errors);
            }
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber();
                UnitRow row = parseRow(line, record, errors);
                if (row != null) {
                    rows.add(row);
                }
            }
        }
        return new Parsed(rows, errors);
    }

    private static UnitRow parseRow(int line, CSVRecord record, List<RowError> errors) {
        int before = errors.size();
        String code = record.get("code");
        if (!CODE.matcher(code).matches()) {
            errors.add(new RowError(line, "code", "must be 1–20 letters, digits, dots or dashes"));
        }
        String name = record.get("name");
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new RowError(line, "name", "must be 1–200 characters"));
        }
        AdminLevel level = parseEnum(AdminLevel.class, record.get("level"), line, "level", errors);
        String parent = record.get("parentCode");
        if (level == AdminLevel.PROVINCE && !parent.isEmpty()) {
            errors.add(new RowError(line, "parentCode", "a province has no parent"));
        } else if (level != null && level != AdminLevel.PROVINCE && parent.isEmpty()) {
            errors.add(new RowError(line, "parentCode", "required for " + level));
        }
        AreaType type = parseEnum(AreaType.class, record.get("type"), line, "type", errors);
        LocalDate from = parseDate(record.get("validFrom"), line, "validFrom", true, errors);
        LocalDate to = parseDate(record.get("validTo"), line, "validTo", false, errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new RowError(line, "validTo", "is before validFrom"));
        }
        List<String> successors = record.get("successorCodes").isEmpty() ? List.of()
                : Arrays.stream(record.get("successorCodes").split(";")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        if (!successors.isEmpty() && to == null) {
            errors.add(new RowError(line, "successorCodes", "only a unit with validTo has successors"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new UnitRow(line, code, name, level, parent.isEmpty() ? null : parent, type, from, to, successors);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, int line, String column,
                                                   List<RowError> errors) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new RowError(line, column, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static LocalDate parseDate(String value, int line, String column, boolean required,
                                       List<RowError> errors) {
        if (value.isEmpty()) {
            if (required) {
                errors.add(new RowError(line, column, "required (YYYY-MM-DD)"));
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new RowError(line, column, "must be a date YYYY-MM-DD"));
            return null;
        }
    }
}
