package vn.vnn.household.domain;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;

/**
 * Reads the first sheet of an XLSX workbook or a UTF-8 CSV file row by row, without holding the file's rows in memory
 * (XLSX through POI's streaming SAX reader). Rows are numbered as a spreadsheet shows them: the header is row 1.
 */
public final class TabularFile {

    public enum Format { CSV, XLSX }

    @FunctionalInterface
    public interface RowSink {
        void row(int rowNumber, List<String> cells);
    }

    /** The file cannot be read as the format it claims to be. */
    public static final class UnreadableFile extends RuntimeException {
        public UnreadableFile(String message) {
            super(message);
        }
    }

    private TabularFile() {
    }

    public static void read(Format format, byte[] content, RowSink sink) {
        read(format, new ByteArrayInputStream(content), sink);
    }

    public static void read(Format format, InputStream content, RowSink sink) {
        if (format == Format.CSV) {
            readCsv(content, sink);
        } else {
            readXlsx(content, sink);
        }
    }

    /** The header row, or an empty list for an empty file. */
    public static List<String> header(Format format, byte[] content) {
        List<String> header = new ArrayList<>();
        try {
            read(format, content, (row, cells) -> {
                header.addAll(cells);
                throw new Stop();
            });
        } catch (Stop done) {
            // only the first row was wanted
        }
        return header;
    }

    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private static void readCsv(InputStream content, RowSink sink) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();
        InputStream in = new java.io.BufferedInputStream(content, 1 << 16);
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(skipBom(in), StandardCharsets.UTF_8), format)) {
            int row = 0;
            for (CSVRecord record : parser) {
                sink.row(++row, record.toList());
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UnreadableFile("not a readable CSV file: " + e.getMessage());
        }
    }

    private static InputStream skipBom(InputStream in) {
        try {
            in.mark(3);
            if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
                in.reset();
            }
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readXlsx(InputStream content, RowSink sink) {
        try (OPCPackage pkg = OPCPackage.open(content)) {
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableFile("the workbook has no sheet");
            }
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                    new ReadOnlySharedStringsTable(pkg), new Rows(sink), new IsoDates(), false));
            try (InputStream sheet = sheets.next()) {
                parser.parse(new InputSource(sheet));
            }
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                 | POIXMLException | IllegalArgumentException | UncheckedIOException e) {
            throw new UnreadableFile("not a readable XLSX workbook");
        }
    }

    /** Collects a row's cells by column; empty cells are absent from the sheet XML, so gaps are filled with "". */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowSink sink;
        private final List<String> cells = new ArrayList<>();

        Rows(RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().anyMatch(cell -> !cell.isBlank())) {
                sink.row(rowNum + 1, List.copyOf(cells));
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value.strip());
        }
    }

    /**
     * Dates as ISO strings and plain numbers without exponent or grouping, whatever the cell's display format, so
     * that a date or a 12-digit number typed into Excel reads the same as in CSV.
     */
    private static final class IsoDates extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
