package vn.vnn.household.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
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
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import vn.vnn.kit.text.TextInput;

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

    /** Most rows in a file (about 300 MB of CSV): a partner splits a larger register into several files. */
    public static final int MAX_ROWS = 1_000_000;
    /** Most columns in a row; the template has fewer than 40. */
    public static final int MAX_COLUMNS = 200;
    /** Longest line of a CSV file before it is taken for a runaway quoted cell. */
    public static final int MAX_LINE_CHARS = 64 * 1024;
    /**
     * XLSX is a zip: an entry may inflate to at most this many bytes, and to at most {@link #MIN_INFLATE_RATIO}'s
     * inverse (100 times) its compressed size; past either the workbook is refused as a zip bomb before it is read.
     */
    public static final long MAX_XLSX_ENTRY_BYTES = 1L << 30;
    public static final double MIN_INFLATE_RATIO = 0.01;
    /** The shared-strings part is held in memory while the sheet streams: its inflated size is capped. */
    public static final long MAX_SHARED_STRINGS_BYTES = 64L << 20;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_XLSX_ENTRY_BYTES);
        ZipSecureFile.setMaxTextSize(MAX_XLSX_ENTRY_BYTES);
    }

    private TabularFile() {
    }

    public static void read(Format format, byte[] content, RowSink sink) {
        read(format, new ByteArrayInputStream(content), sink);
    }

    public static void read(Format format, InputStream content, RowSink sink) {
        readRaw(format, content, limited(sink));
    }

    /**
     * The number of rows (the header counted), without the cell checks of {@link #read}: a second pass over a file
     * for its size alone. Refused as {@link #read} would refuse it for too many rows.
     */
    public static int countRows(Format format, InputStream content) {
        int[] rows = {0};
        readRaw(format, content, (rowNumber, cells) -> {
            if (rowNumber > MAX_ROWS + 1) {
                throw new UnreadableFile("more than " + MAX_ROWS + " rows; split the file");
            }
            rows[0] = rowNumber;
        });
        return rows[0];
    }

    private static void readRaw(Format format, InputStream content, RowSink checked) {
        if (format == Format.CSV) {
            readCsv(content, checked);
        } else {
            Path copy = null;
            try {
                // POI reads a zip from a stream wholly into memory; from a file it inflates one entry at a time.
                copy = Files.createTempFile("vnn-xlsx-", ".xlsx");
                Files.copy(content, copy, StandardCopyOption.REPLACE_EXISTING);
                readXlsx(copy, checked);
            } catch (IOException e) {
                throw new UnreadableFile("the workbook could not be read to its end");
            } finally {
                deleteQuietly(copy);
            }
        }
    }

    public static void read(Format format, Path file, RowSink sink) {
        RowSink checked = limited(sink);
        if (format == Format.CSV) {
            try (InputStream in = Files.newInputStream(file)) {
                readCsv(in, checked);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            readXlsx(file, checked);
        }
    }

    /** Every cell under the rule of {@link TextInput} (one line, no control characters, NFC), rows and columns capped. */
    private static RowSink limited(RowSink sink) {
        return (rowNumber, cells) -> {
            if (rowNumber > MAX_ROWS + 1) {
                throw new UnreadableFile("more than " + MAX_ROWS + " rows; split the file");
            }
            if (cells.size() > MAX_COLUMNS) {
                throw new UnreadableFile("row " + rowNumber + " has more than " + MAX_COLUMNS + " columns");
            }
            List<String> accepted = new ArrayList<>(cells.size());
            for (int column = 0; column < cells.size(); column++) {
                try {
                    accepted.add(TextInput.accept(cells.get(column), false));
                } catch (TextInput.Refused e) {
                    throw new UnreadableFile("row " + rowNumber + ", column " + (column + 1) + ": the cell "
                            + e.getMessage());
                }
            }
            sink.row(rowNumber, accepted);
        };
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    /** The header row, or an empty list for an empty file. */
    public static List<String> header(Format format, Path file) {
        List<String> header = new ArrayList<>();
        try {
            read(format, file, (row, cells) -> {
                header.addAll(cells);
                throw new Stop();
            });
        } catch (Stop done) {
            // only the first row was wanted
        }
        return header;
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
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (CSVParser parser = CSVParser.parse(new LineLimit(new InputStreamReader(skipBom(in), utf8)), format)) {
            int row = 0;
            for (CSVRecord record : parser) {
                sink.row(++row, record.toList());
            }
        } catch (CharacterCodingException e) {
            throw new UnreadableFile("not a UTF-8 CSV file (save it from Excel as \"CSV UTF-8\")");
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
            if (cause instanceof CharacterCodingException) {
                throw new UnreadableFile("not a UTF-8 CSV file (save it from Excel as \"CSV UTF-8\")");
            }
            throw new UnreadableFile(cause instanceof LineTooLong ? cause.getMessage()
                    : "not a readable CSV file: " + cause.getMessage());
        }
    }

    private static final class LineTooLong extends IOException {
        LineTooLong() {
            super("a line is longer than " + MAX_LINE_CHARS + " characters (an unclosed quote?)");
        }
    }

    /** Refuses a line longer than {@link #MAX_LINE_CHARS}, so one endless quoted cell cannot fill the heap. */
    private static final class LineLimit extends java.io.FilterReader {
        private int sinceNewline;

        LineLimit(java.io.Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c);
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            for (int i = 0; i < read; i++) {
                count(buffer[offset + i]);
            }
            return read;
        }

        private void count(int c) throws IOException {
            sinceNewline = c == '\n' ? 0 : sinceNewline + 1;
            if (sinceNewline > MAX_LINE_CHARS) {
                throw new LineTooLong();
            }
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

    private static void readXlsx(Path file, RowSink sink) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            for (var part : pkg.getPartsByName(java.util.regex.Pattern.compile("/xl/sharedStrings.xml"))) {
                if (part.getSize() > MAX_SHARED_STRINGS_BYTES) {
                    throw new UnreadableFile("the workbook's shared text is larger than " + MAX_SHARED_STRINGS_BYTES
                            + " bytes; save it as CSV UTF-8 or split it");
                }
            }
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
                 | POIXMLException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            if (isZipBomb(e)) {
                throw new UnreadableFile("the workbook inflates beyond the limits (more than " + MAX_XLSX_ENTRY_BYTES
                        + " bytes in one part or over 100 times its compressed size)");
            }
            throw new UnreadableFile("not a readable XLSX workbook");
        }
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Zip bomb") || message.contains("MAX_ENTRY_SIZE") || message.contains("max entry size")
                    || message.contains("setMaxTextSize") || message.contains("setMaxEntrySize")) {
                return true;
            }
        }
        return false;
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
            if (column >= MAX_COLUMNS) {
                throw new UnreadableFile("a row has more than " + MAX_COLUMNS + " columns");
            }
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
