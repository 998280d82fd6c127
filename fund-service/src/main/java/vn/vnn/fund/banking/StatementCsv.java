package vn.vnn.fund.banking;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bank statements exported as CSV, read by a column profile per bank: which header holds the booking date (and its
 * pattern), the bank's reference, the debit and credit amounts, the running balance and the transfer message. The
 * running balance is what makes a CSV statement checkable: the opening balance is the first row's balance before its
 * amount, the closing balance the last row's, and every row must follow from the one before.
 */
public final class StatementCsv {

    /** Where a bank puts each column (headers compared without case, marks or surrounding spaces). */
    public record Profile(String name, String date, String datePattern, String reference, String debit,
                          String credit, String balance, String message, String counterparty) {
    }

    /** Vietcombank's account statement export, as its internet banking downloads it. */
    public static final Profile VIETCOMBANK = new Profile("vietcombank", "Ngày giao dịch", "dd/MM/yyyy",
            "Số tham chiếu", "Số tiền ghi nợ", "Số tiền ghi có", "Số dư", "Nội dung chi tiết", null);
    /** BIDV's account statement export. */
    public static final Profile BIDV = new Profile("bidv", "Ngày hiệu lực", "dd/MM/yyyy", "Mã giao dịch", "Ghi nợ",
            "Ghi có", "Số dư", "Mô tả", "Tên đơn vị đối ứng");
    public static final List<Profile> PROFILES = List.of(VIETCOMBANK, BIDV);

    private StatementCsv() {
    }

    public static Profile profile(String name) {
        return PROFILES.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new BankStatement.Unreadable("no column profile " + name + "; known: "
                        + PROFILES.stream().map(Profile::name).toList()));
    }

    /** One row of a table: its number as the file counts it (header = 1) and its cells as text. */
    public record Row(int number, List<String> cells) {
    }

    public static BankStatement read(Reader csv, Profile profile, String accountNumber, String statementNumber) {
        try (CSVParser parser = CSVParser.parse(csv, CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true)
                .setTrim(true).get())) {
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(new Row((int) record.getRecordNumber(), record.toList()));
            }
            return read(rows, profile, accountNumber, statementNumber);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BankStatement.Unreadable("the CSV file could not be read");
        }
    }

    /**
     * A statement from a table's rows (a CSV file's or a spreadsheet's), the first row being the header. Without a
     * statement number (the exports carry none) the statement is numbered by its period, first to last booking day.
     */
    public static BankStatement read(List<Row> rows, Profile profile, String accountNumber, String statementNumber) {
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(profile.datePattern(), Locale.ROOT);
        List<BankStatement.Line> lines = new ArrayList<>();
        long opening = 0;
        long balance = 0;
        LocalDate first = null;
        LocalDate last = null;
        Map<String, Integer> columns = null;
        for (Row record : rows) {
            if (record.cells().stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            if (columns == null) {
                columns = header(record, profile);
                continue;
            }
            int row = record.number();
            long debit = amount(cell(record, columns, profile.debit()), row, profile.debit());
            long credit = amount(cell(record, columns, profile.credit()), row, profile.credit());
            if (debit != 0 && credit != 0) {
                throw new BankStatement.Unreadable("row " + row + " has both a debit and a credit");
            }
            long amount = credit - debit;
            long after = signedAmount(cell(record, columns, profile.balance()), row, profile.balance());
            if (lines.isEmpty()) {
                opening = after - amount;
            } else if (after != balance + amount) {
                throw new BankStatement.Unreadable("row " + row + ": the balance does not follow from the row "
                        + "before it (" + balance + " + " + amount + " ≠ " + after + ")");
            }
            balance = after;
            LocalDate on;
            try {
                String text = cell(record, columns, profile.date()).strip();
                on = LocalDate.parse(text.length() > profile.datePattern().length()
                        ? text.substring(0, profile.datePattern().length()) : text, dates);
            } catch (DateTimeParseException | NullPointerException e) {
                throw new BankStatement.Unreadable("row " + row + ", " + profile.date() + ": not a date "
                        + profile.datePattern());
            }
            first = first == null ? on : first;
            last = on;
            lines.add(new BankStatement.Line(lines.size() + 1, on, amount,
                    blank(cell(record, columns, profile.reference())), blank(cell(record, columns,
                    profile.message())), profile.counterparty() == null ? null
                    : blank(cell(record, columns, profile.counterparty())), null));
        }
        if (lines.isEmpty()) {
            throw new BankStatement.Unreadable("no statement lines under the header");
        }
        String number = statementNumber != null ? statementNumber
                : first.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + last.format(DateTimeFormatter.BASIC_ISO_DATE);
        return new BankStatement(accountNumber, number, first, opening, last, balance, lines);
    }

    private static Map<String, Integer> header(Row record, Profile profile) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < record.cells().size(); i++) {
            if (record.cells().get(i) != null) {
                columns.put(key(record.cells().get(i)), i);
            }
        }
        for (String needed : new String[]{profile.date(), profile.debit(), profile.credit(), profile.balance(),
                profile.reference(), profile.message()}) {
            if (!columns.containsKey(key(needed))) {
                throw new BankStatement.Unreadable("the header has no column \"" + needed + "\" (profile "
                        + profile.name() + ")");
            }
        }
        return columns;
    }

    private static String cell(Row record, Map<String, Integer> columns, String name) {
        Integer at = columns.get(key(name));
        return at == null || at >= record.cells().size() ? null : record.cells().get(at);
    }

    /** A header as compared: lower case, without Vietnamese marks, single spaces. */
    private static String key(String header) {
        String plain = Normalizer.normalize(header.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace("\uFEFF", "").strip().replaceAll("\\s+", " ");
    }

    /** An amount cell: empty is zero; thousands separated by dots or commas (Vietnamese or English style). */
    private static long amount(String cell, int row, String column) {
        long value = signedAmount(cell, row, column);
        if (value < 0) {
            throw new BankStatement.Unreadable("row " + row + ", " + column + ": negative");
        }
        return value;
    }

    private static long signedAmount(String cell, int row, String column) {
        if (cell == null || cell.isBlank()) {
            return 0;
        }
        String digits = cell.strip().replace(" ", "").replace("VND", "").replace("đ", "");
        // 1.500.000 or 1,500,000 (no fraction in đồng); a trailing ",00" or ".00" is dropped.
        digits = digits.replaceAll("[.,]00$", "").replace(".", "").replace(",", "");
        try {
            return new BigDecimal(digits).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BankStatement.Unreadable("row " + row + ", " + column + ": not an amount in đồng");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
