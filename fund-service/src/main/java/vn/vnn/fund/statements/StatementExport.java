package vn.vnn.fund.statements;


import vn.vnn.kit.export.TableExport;

import java.util.ArrayList;
import java.util.List;

/** The statement as officers file it: CSV (UTF-8 with BOM) and an Excel workbook, Vietnamese headers. */
final class StatementExport {

    private static final List<String> HEADER = List.of("Loại", "Ngày", "Số biên lai", "Người/đơn vị ủng hộ",
            "Đối tượng", "Hình thức/Nội dung chi", "Xã nhận hỗ trợ", "Số tiền (đồng)", "Trạng thái");

    private StatementExport() {
    }

    static String csv(Statement statement) {
        return TableExport.csv(HEADER, rows(statement));
    }

    static byte[] xlsx(Statement statement) {
        return TableExport.xlsx(TableExport.Sheet.of("Sao kê " + statement.fund().code(), HEADER, rows(statement))
                .titled(statement.fund().name() + " — sao kê từ " + statement.from() + " đến " + statement.to()));
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
