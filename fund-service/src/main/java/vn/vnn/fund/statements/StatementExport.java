package vn.vnn.fund.api;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.vnn.kit.text.SpreadsheetCells;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The statement as officers file it: CSV (UTF-8 with BOM) and an Excel workbook, Vietnamese headers. */
final class StatementExport {

    private static final List<String> HEADER = List.of("Loại", "Ngày", "Số biên lai", "Người/đơn vị ủng hộ",
            "Đối tượng", "Hình thức/Nội dung chi", "Xã nhận hỗ trợ", "Số tiền (đồng)", "Trạng thái");

    private StatementExport() {
    }

    static String csv(Statement statement) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF'); // so that spreadsheet programs read the diacritics as UTF-8
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(HEADER.toArray(String[]::new)).get())) {
            for (List<Object> row : rows(statement)) {
                printer.printRecord(row.stream().map(SpreadsheetCells::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static byte[] xlsx(Statement statement) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet sheet = workbook.createSheet("Sao kê " + statement.fund().code());
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(statement.fund().name() + " — sao kê từ " + statement.from() + " đến "
                    + statement.to());
            title.getCell(0).setCellStyle(bold);
            Row header = sheet.createRow(2);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(HEADER.get(i));
                header.getCell(i).setCellStyle(bold);
            }
            int r = 3;
            for (List<Object> cells : rows(statement)) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < cells.size(); i++) {
                    Object value = cells.get(i);
                    if (value instanceof Number number) {
                        row.createCell(i).setCellValue(number.doubleValue());
                    } else if (value != null) {
                        row.createCell(i).setCellValue(SpreadsheetCells.text(value.toString()));
                    }
                }
            }
            for (int i = 0; i < HEADER.size(); i++) {
                sheet.autoSizeColumn(i);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<Object>> rows(Statement s) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(line("Số dư đầu kỳ", s.from(), s.openingBalanceVnd()));
        for (Statement.Receipt receipt : s.receipts()) {
            rows.add(java.util.Arrays.asList("Thu", receipt.receivedOn(), receipt.receiptNo(), receipt.donorName(),
                    receipt.donorType(), "CASH".equals(receipt.kind()) ? "Tiền" : "Hiện vật", null,
                    receipt.amountVnd(), "CANCELLED".equals(receipt.status()) ? "Đã huỷ " + receipt.cancelledOn()
                            : "Đã nhận"));
        }
        for (Statement.Support support : s.support()) {
            rows.add(java.util.Arrays.asList("Chi", support.paidOn(), null, null, null, support.category(),
                    support.communeCode(), support.amountVnd(), "Đã chi"));
        }
        rows.add(line("Tổng thu", s.to(), s.totals().receivedVnd()));
        rows.add(line("Tổng thu bị huỷ", s.to(), s.totals().reversedVnd()));
        rows.add(line("Tổng chi hỗ trợ", s.to(), s.totals().supportPaidVnd()));
        rows.add(line("Số dư cuối kỳ", s.to(), s.closingBalanceVnd()));
        return rows;
    }

    private static List<Object> line(String label, Object date, long amount) {
        return java.util.Arrays.asList(label, date, null, null, null, null, null, amount, null);
    }
}
