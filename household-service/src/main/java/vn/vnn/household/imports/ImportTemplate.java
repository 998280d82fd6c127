package vn.vnn.household.imports;

import vn.vnn.kit.export.TableExport;

import org.apache.poi.ss.usermodel.Sheet;

import java.util.List;

/** The downloadable templates: the header row and one example household of two members in the demo commune. */
final class ImportTemplate {

    private static final List<List<String>> EXAMPLE = List.of(
            List.of("A-0001", "99111", "99111-01", "Thôn Đông, xã An Hoà", "0912345678", "không", "không",
                    "3200000", "28.5", "BRICK", "CONCRETE", "METAL_SHEET", "DRILLED_WELL", "SEMI_SEPTIC", "có",
                    "SMARTPHONE;TELEVISION", "LACK_OF_CAPITAL", "Nguyễn Văn Bình", "1978-04-12", "MALE", "HEAD",
                    "001078012345", "có", "FINISHED", "LOWER_SECONDARY", "LOWER_SECONDARY", "không", "FULL",
                    "UNSTABLE", "", ""),
            List.of("A-0001", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
                    "Trần Thị Hoà", "1981-09-30", "FEMALE", "SPOUSE", "001181054321", "có", "FINISHED", "PRIMARY",
                    "PRIMARY", "không", "FULL", "UNSTABLE", "", ""));

    private ImportTemplate() {
    }

    static String csv() {
        return TableExport.csv(ImportColumn.headers(), EXAMPLE);
    }

    /** The first sheet is the one imported; the second explains each column in Vietnamese. */
    static byte[] xlsx() {
        List<ImportColumn> columns = List.of(ImportColumn.values());
        int[] widths = new int[columns.size()];
        java.util.Arrays.fill(widths, 18);
        return TableExport.xlsx(
                TableExport.Sheet.of("Hộ gia đình", ImportColumn.headers(), EXAMPLE).asText(widths),
                TableExport.Sheet.of("Hướng dẫn", List.of("Cột", "Nội dung"),
                        columns.stream().map(c -> List.of(c.header(), c.description())).toList()).widths(22, 100));
    }
}
