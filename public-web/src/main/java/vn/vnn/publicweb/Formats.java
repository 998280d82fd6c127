package vn.vnn.publicweb;

import io.quarkus.qute.TemplateExtension;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** How the pages write money and days, the Vietnamese way: 1.500.000 đ, 30/11/2026. */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Formats() {
    }

    static String vnd(Long amount) {
        return amount == null ? "" : String.format(java.util.Locale.ROOT, "%,d", amount).replace(',', '.') + " đ";
    }

    static String day(LocalDate date) {
        return date == null ? "" : date.format(DAY);
    }

    static String statusVi(String status) {
        return switch (status == null ? "" : status) {
            case "VALID", "ACCEPTED" -> "Hợp lệ";
            case "CANCELLED" -> "Đã huỷ";
            default -> status;
        };
    }
}
