package vn.vnn.household.api;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.vnn.household.domain.ImportColumn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import java.util.List;

/** The downloadable templates: the header row and one example household of two members in the demo commune. */
final class ImportTemplate {

    private static final List<List<String>> EXAMPLE = List.of(
            List.of("A-0001", "99111", "99111-01", "Thôn Đông, xã An Hoà", "0912345678", "không", "không",
                    "3200000", "28.5", "BRICK", "CONCRETE", "METAL_SHEET", "DRILLED_WELL", "SEMI_SEPTIC", "có",
                    "SMARTPHONE;TELEVISION", "LACK_OF_CAPITAL", "Nguyễn Văn Bình", "1978-04-12", "MALE", "HEAD",
                    "001078012345", "có", "FINISHED", "LOWER_SECONDARY", "LOWER_SECONDARY", "không", "FULL",
                    "UNSTABLE"),
            List.of("A-0001", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
                    "Trần Thị Hoà", "1981-09-30", "FEMALE", "SPOUSE", "001181054321", "có", "FINISHED", "PRIMARY",
                    "PRIMARY", "không", "FULL", "UNSTABLE"));

    private ImportTemplate() {
    }

    static String csv() {
        StringWriter out = new StringWriter();
        out.write('\uFEFF'); // spreadsheet programs then read the diacritics as UTF-8
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(ImportColumn.headers().toArray(String[]::new)).get())) {
            for (List<String> row : EXAMPLE) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The first sheet is the one imported; the second explains each column in Vietnamese. */
    static byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            DataFormat formats = workbook.createDataFormat();
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(formats.getFormat("@")); // citizen IDs and codes keep their leading zeros
            Sheet data = workbook.createSheet("Hộ gia đình");
            Row header = data.createRow(0);
            List<ImportColumn> columns = List.of(ImportColumn.values());
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i).header());
                header.getCell(i).setCellStyle(bold);
                data.setDefaultColumnStyle(i, text);
                data.setColumnWidth(i, 18 * 256);
            }
            for (int r = 0; r < EXAMPLE.size(); r++) {
                Row row = data.createRow(r + 1);
                for (int i = 0; i < columns.size(); i++) {
                    row.createCell(i).setCellValue(EXAMPLE.get(r).get(i));
                    row.getCell(i).setCellStyle(text);
                }
            }
            Sheet guide = workbook.createSheet("Hướng dẫn");
            Row guideHeader = guide.createRow(0);
            guideHeader.createCell(0).setCellValue("Cột");
            guideHeader.createCell(1).setCellValue("Nội dung");
            guideHeader.getCell(0).setCellStyle(bold);
            guideHeader.getCell(1).setCellStyle(bold);
            for (int i = 0; i < columns.size(); i++) {
                Row row = guide.createRow(i + 1);
                row.createCell(0).setCellValue(columns.get(i).header());
                row.createCell(1).setCellValue(columns.get(i).description());
            }
            guide.setColumnWidth(0, 22 * 256);
            guide.setColumnWidth(1, 100 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
