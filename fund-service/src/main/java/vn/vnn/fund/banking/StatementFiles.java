package vn.vnn.fund.banking;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The formats a bank statement is uploaded in, and reading one into a {@link BankStatement}: SWIFT MT940, ISO 20022
 * camt.053, and a bank's CSV or XLSX export read by its column profile ({@link StatementCsv}).
 */
public final class StatementFiles {

    public enum Kind { MT940, CAMT053, CSV, XLSX }

    /** A format as uploaded; CSV and XLSX name the bank's column profile. */
    public record Format(Kind kind, StatementCsv.Profile profile) {

        /** As stored: "MT940", "CAMT053", "CSV:vietcombank". */
        public String code() {
            return profile == null ? kind.name() : kind.name() + ":" + profile.name();
        }

        public static Format of(String kind, String profile) {
            Kind parsed;
            try {
                parsed = Kind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT).replace(".", ""));
            } catch (IllegalArgumentException e) {
                throw new BankStatement.Unreadable("format must be one of MT940, CAMT053, CSV, XLSX");
            }
            if (parsed == Kind.CSV || parsed == Kind.XLSX) {
                if (profile == null || profile.isBlank()) {
                    throw new BankStatement.Unreadable("a " + parsed + " statement needs the bank's column profile: "
                            + StatementCsv.PROFILES.stream().map(StatementCsv.Profile::name).toList());
                }
                return new Format(parsed, StatementCsv.profile(profile.strip()));
            }
            return new Format(parsed, null);
        }

        public static Format ofCode(String code) {
            int colon = code.indexOf(':');
            return colon < 0 ? of(code, null) : of(code.substring(0, colon), code.substring(colon + 1));
        }
    }

    /** Largest number of rows read from a spreadsheet (a month of a busy account is far below). */
    static final int MAX_ROWS = 1_000_000;

    private StatementFiles() {
    }

    /** Reads a statement; spreadsheets and CSV exports carry no account number, so the account's is taken. */
    public static BankStatement read(Format format, byte[] content, String accountNumber) {
        return switch (format.kind()) {
            case MT940 -> Mt940.read(new String(content, StandardCharsets.UTF_8));
            case CAMT053 -> Camt053.read(new ByteArrayInputStream(content));
            case CSV -> StatementCsv.read(new InputStreamReader(new ByteArrayInputStream(content),
                    StandardCharsets.UTF_8), format.profile(), accountNumber, null);
            case XLSX -> StatementCsv.read(xlsxRows(content, format.profile()), format.profile(), accountNumber,
                    null);
        };
    }

    /**
     * The first sheet's rows as text, read as a stream of XML events (the whole workbook is never built in memory):
     * dates in the profile's pattern, numbers in plain digits, text as typed.
     */
    static List<StatementCsv.Row> xlsxRows(byte[] content, StatementCsv.Profile profile) {
        List<StatementCsv.Row> rows = new ArrayList<>();
        ZipSecureFile.setMinInflateRatio(0.005);
        try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(workbook);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new BankStatement.Unreadable("the workbook has no sheet");
            }
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(),
                    new ReadOnlySharedStringsTable(workbook), new Rows(rows), new Cells(profile), false));
            try (InputStream sheet = sheets.next()) {
                parser.parse(new InputSource(sheet));
            }
        } catch (BankStatement.Unreadable e) {
            throw e;
        } catch (Exception e) {
            throw new BankStatement.Unreadable("the XLSX file could not be read");
        }
        return rows;
    }

    /** Collects each row's cells at their column, empty cells as null. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<StatementCsv.Row> rows;
        private List<String> cells;

        Rows(List<StatementCsv.Row> rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            if (rowNum >= MAX_ROWS) {
                throw new BankStatement.Unreadable("more than " + MAX_ROWS + " rows");
            }
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            rows.add(new StatementCsv.Row(rowNum + 1, cells));
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new org.apache.poi.ss.util.CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add(null);
            }
            cells.add(value);
        }
    }

    /** Formats numeric cells for the profile: a date cell in its pattern, an amount as plain digits. */
    private static final class Cells extends DataFormatter {
        private final DateTimeFormatter dates;

        Cells(StatementCsv.Profile profile) {
            this.dates = DateTimeFormatter.ofPattern(profile.datePattern(), Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().format(dates);
            }
            BigDecimal number = BigDecimal.valueOf(value).stripTrailingZeros();
            // A fraction of a đồng is no amount: left unreadable rather than read with its point dropped.
            return number.scale() > 0 ? number.toPlainString() + "?" : number.toPlainString();
        }
    }
}
