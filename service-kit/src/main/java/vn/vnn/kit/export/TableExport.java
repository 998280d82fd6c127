package vn.vnn.kit.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.vnn.kit.text.SpreadsheetCells;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Tables officers download, as CSV (UTF-8 with a byte-order mark, so that spreadsheet programs read the diacritics
 * as UTF-8) or as an Excel workbook (bold header, numbers as numbers). Text cells from users are neutralised against
 * formula injection ({@link SpreadsheetCells}).
 */
public final class TableExport {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv; charset=UTF-8";

    /**
     * One sheet of a workbook.
     *
     * @param name         the sheet's name
     * @param title        a line above the header (with an empty row after it); null for none
     * @param header       the column headings
     * @param rows         the cells: numbers become numeric cells, null an empty cell, anything else text
     * @param text         every cell formatted as text ("@"), so that codes keep their leading zeros
     * @param columnWidths widths in characters; null to fit the columns to their content
     */
    public record Sheet(String name, String title, List<String> header, List<? extends List<?>> rows, boolean text,
                        int[] columnWidths) {

        public static Sheet of(String name, List<String> header, List<? extends List<?>> rows) {
            return new Sheet(name, null, header, rows, false, null);
        }

        public Sheet titled(String title) {
            return new Sheet(name, title, header, rows, text, columnWidths);
        }

        public Sheet asText(int... widths) {
            return new Sheet(name, title, header, rows, true, widths.length == 0 ? null : widths);
        }

        public Sheet widths(int... widths) {
            return new Sheet(name, title, header, rows, text, widths);
        }
    }

    private TableExport() {
    }

    public static String csv(List<String> header, Iterable<? extends List<?>> rows) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(header.toArray(String[]::new)).get())) {
            for (List<?> row : rows) {
                printer.printRecord(row.stream().map(SpreadsheetCells::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static byte[] xlsx(Sheet... sheets) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            for (Sheet sheet : sheets) {
                write(workbook.createSheet(sheet.name()), sheet, bold, text);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(XSSFSheet target, Sheet sheet, CellStyle bold, CellStyle text) {
        int r = 0;
        if (sheet.title() != null) {
            Row title = target.createRow(r);
            title.createCell(0).setCellValue(SpreadsheetCells.text(sheet.title()));
            title.getCell(0).setCellStyle(bold);
            r += 2;
        }
        Row header = target.createRow(r++);
        for (int i = 0; i < sheet.header().size(); i++) {
            header.createCell(i).setCellValue(sheet.header().get(i));
            header.getCell(i).setCellStyle(bold);
            if (sheet.text()) {
                target.setDefaultColumnStyle(i, text);
            }
        }
        for (List<?> cells : sheet.rows()) {
            Row row = target.createRow(r++);
            for (int i = 0; i < cells.size(); i++) {
                Object value = cells.get(i);
                if (value instanceof Number number && !sheet.text()) {
                    row.createCell(i).setCellValue(number.doubleValue());
                } else if (value != null) {
                    row.createCell(i).setCellValue(SpreadsheetCells.text(value.toString()));
                }
                if (sheet.text() && row.getCell(i) != null) {
                    row.getCell(i).setCellStyle(text);
                }
            }
        }
        for (int i = 0; i < sheet.header().size(); i++) {
            if (sheet.columnWidths() == null) {
                target.autoSizeColumn(i);
            } else if (i < sheet.columnWidths().length) {
                target.setColumnWidth(i, sheet.columnWidths()[i] * 256);
            }
        }
    }
}
