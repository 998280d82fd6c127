package vn.vnn.kit;

import com.lowagie.text.pdf.BaseFont;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.vnn.kit.export.TableExport;
import vn.vnn.kit.pdf.PdfFonts;
import vn.vnn.kit.persistence.Versions;
import vn.vnn.kit.problem.ProblemException;
import vn.vnn.kit.problem.ProblemType;
import vn.vnn.kit.security.AreaScope;
import vn.vnn.kit.time.VietnamClock;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The helpers every service shares: Vietnam's date, the version check, exports, PDF fonts, the scope condition. */
class SharedPiecesTest {

    @Test
    void todayIsTheVietnameseCalendarDateWhateverTheServerZone() {
        VietnamClock clock = new VietnamClock();
        // 17:30 UTC on 30 June is already 1 July in Vietnam (UTC+7): the day the 2025 reorganisation took effect.
        clock.set(Clock.fixed(Instant.parse("2025-06-30T17:30:00Z"), ZoneOffset.UTC));
        assertThat(clock.today()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(clock.thisMonth().toString()).isEqualTo("2025-07");
        assertThat(clock.now().getOffset()).isEqualTo(ZoneOffset.ofHours(7));
        assertThat(VietnamClock.startOf(LocalDate.of(2025, 7, 1)).toInstant())
                .isEqualTo(Instant.parse("2025-06-30T17:00:00Z"));
        clock.reset();
        assertThat(clock.today()).isAfter(LocalDate.of(2025, 7, 1));
    }

    @Test
    void aChangedVersionIsAConflictAndAMissingOneIsInvalidWhereRequired() {
        Versions.requireUnchanged("Donor", "d1", 3, 3L);
        Versions.requireUnchanged("Donor", "d1", 3, null);
        assertThatThrownBy(() -> Versions.requireUnchanged("Donor", "d1", 3, 2L))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.CONFLICT);
                    assertThat(e.getMessage()).contains("Donor d1 changed meanwhile (version 3)");
                });
        assertThatThrownBy(() -> Versions.requireGivenAndUnchanged("Household", "h1", 3, null, "version"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.VALIDATION));
    }

    @Test
    void csvStartsWithAByteOrderMarkKeepsDiacriticsAndNeutralisesFormulas() {
        String csv = TableExport.csv(List.of("Tên", "Số tiền"),
                List.of(List.of("Nguyễn Thị Ánh", 500_000L), Arrays.asList("=HYPERLINK(\"x\")", null)));
        assertThat(csv).startsWith("\uFEFFTên,Số tiền");
        assertThat(csv).contains("Nguyễn Thị Ánh,500000").contains("'=HYPERLINK");
    }

    @Test
    void workbookHasTitleBoldHeaderNumbersAsNumbersAndTextSheetsKeepLeadingZeros() throws IOException {
        byte[] bytes = TableExport.xlsx(
                TableExport.Sheet.of("Sao kê", List.of("Người ủng hộ", "Số tiền"),
                        List.of(List.of("-Trần Văn Đức", 1_000_000L))).titled("Quỹ Vì người nghèo xã Đông Hà"),
                TableExport.Sheet.of("Mã", List.of("Mã"), List.of(List.of("001078012345"))).asText(18));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            XSSFSheet statement = workbook.getSheet("Sao kê");
            assertThat(statement.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Quỹ Vì người nghèo xã Đông Hà");
            assertThat(statement.getRow(2).getCell(0).getCellStyle().getFont().getBold()).isTrue();
            assertThat(statement.getRow(3).getCell(0).getStringCellValue()).isEqualTo("'-Trần Văn Đức");
            assertThat(statement.getRow(3).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            XSSFSheet codes = workbook.getSheet("Mã");
            assertThat(codes.getRow(1).getCell(0).getStringCellValue()).isEqualTo("001078012345");
            assertThat(codes.getRow(1).getCell(0).getCellStyle().getDataFormatString()).isEqualTo("@");
            assertThat(codes.getColumnWidth(0)).isEqualTo(18 * 256);
        }
    }

    @Test
    void everyFaceHasTheVietnameseLetters() {
        for (PdfFonts.Face face : PdfFonts.Face.values()) {
            BaseFont font = PdfFonts.of(face);
            for (char c : "ẠạẦầỆệỖỗƯưỮữĐđỳỹ".toCharArray()) {
                assertThat(font.charExists(c)).as(face + " has " + c).isTrue();
            }
        }
    }

    @Test
    void scopeConditionKeepsTheReachedAreasOnly() {
        Map<String, Object> params = new HashMap<>();
        assertThat(AreaScope.NATIONAL.where("h.communeCode")).isEqualTo("1 = 1");
        AreaScope.NATIONAL.bind(params);
        assertThat(params).isEmpty();
        assertThat(AreaScope.NATIONAL.sqlArray()).isNull();
        AreaScope communes = AreaScope.of(Set.of("99111"));
        assertThat(communes.where("h.communeCode", "h.provinceCode"))
                .isEqualTo("(h.communeCode in :scope or h.provinceCode in :scope)");
        communes.bind(params);
        assertThat(params).containsEntry("scope", Set.of("99111"));
        // An area-bound caller without areas reaches nothing, and the query stays valid.
        assertThat(AreaScope.NOTHING.sqlArray()).containsExactly("-");
    }
}
