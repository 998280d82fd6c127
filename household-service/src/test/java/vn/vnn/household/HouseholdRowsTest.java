package vn.vnn.household;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.vnn.household.imports.HouseholdRows;
import vn.vnn.household.imports.ImportColumn;
import vn.vnn.kit.upload.RowError;
import vn.vnn.household.imports.TabularFile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HouseholdRowsTest {

    @Test
    void consecutiveRowsFormOneHouseholdWhoseDataComeFromItsFirstRow() {
        List<HouseholdRows.Imported> out = read(List.of(
                ImportApiTest.row("A", "99111", "Nguyễn Văn A", "HEAD", "", "1980-01-02", "MALE"),
                ImportApiTest.member("A", "Nguyễn Thị B", "CHILD", "", "03/04/2010", "FEMALE"),
                ImportApiTest.row("B", "99111", "Trần Văn C", "HEAD", "", "1970-01-01", "MALE")));
        assertThat(out).hasSize(2);
        HouseholdRows.Imported first = out.get(0);
        assertThat(first.rows()).containsExactly(2, 3);
        assertThat(first.errors()).isEmpty();
        assertThat(first.request().communeCode()).isEqualTo("99111");
        assertThat(first.request().ethnicMinority()).isTrue();
        assertThat(first.request().monthlyIncomeVnd()).isEqualTo(2_500_000L);
        assertThat(first.request().members()).hasSize(2);
        assertThat(first.request().members().get(1).birthDate()).isEqualTo(LocalDate.of(2010, 4, 3));
        assertThat(first.locate("members[1].citizenId", "x")).isEqualTo(new RowError(3, "citizen_id", "x"));
        assertThat(first.locate("housing.floorAreaM2", "x")).isEqualTo(new RowError(2, "floor_area_m2", "x"));
        assertThat(first.locate("members", "x")).isEqualTo(new RowError(2, "relationship", "x"));
    }

    @Test
    void aHouseholdSplitAcrossTheFileAndConflictingHouseholdCellsAreErrors() {
        List<String> conflicting = ImportApiTest.member("A", "Lê C", "CHILD", "", "2010-01-01", "MALE");
        conflicting.set(ImportColumn.COMMUNE_CODE.ordinal(), "99112");
        List<HouseholdRows.Imported> out = read(List.of(
                ImportApiTest.row("A", "99111", "Lê A", "HEAD", "", "1980-01-01", "MALE"),
                conflicting,
                ImportApiTest.row("B", "99111", "Lê B", "HEAD", "", "1980-01-01", "MALE"),
                ImportApiTest.member("A", "Lê D", "CHILD", "", "2012-01-01", "MALE")));
        assertThat(out.get(0).request()).isNull();
        assertThat(out.get(0).errors()).containsExactly(new RowError(3, "commune_code",
                "differs from the household's first row; household data go in its first row"));
        assertThat(out.get(1).errors()).isEmpty();
        assertThat(out.get(2).errors()).extracting(RowError::row, RowError::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, "household_ref"));
    }

    @Test
    void cellsThatCannotBeReadAreReportedWithoutTheirValues() {
        List<String> row = ImportApiTest.row("A", "99111", "Lê A", "HEAD", "", "30/02/1980", "MAN");
        row.set(ImportColumn.MONTHLY_INCOME_VND.ordinal(), "2,5 triệu");
        row.set(ImportColumn.TELECOM_USE.ordinal(), "maybe");
        HouseholdRows.Imported household = read(List.of(row)).get(0);
        assertThat(household.request()).isNull();
        assertThat(household.errors()).extracting(RowError::column)
                .containsExactlyInAnyOrder("birth_date", "sex", "monthly_income_vnd", "telecom_use");
        assertThat(household.errors().toString()).doesNotContain("triệu").doesNotContain("maybe");
    }

    @Test
    void headerProblemsNameMissingUnknownAndRepeatedColumns() {
        List<String> header = new ArrayList<>(ImportColumn.headers());
        header.remove("sex");
        header.add("notes");
        header.add("phone");
        assertThat(HouseholdRows.headerProblems(header)).extracting(RowError::column, RowError::message)
                .contains(org.assertj.core.groups.Tuple.tuple("notes", "is no column of the household import"),
                        org.assertj.core.groups.Tuple.tuple("phone", "appears twice"));
        assertThat(HouseholdRows.headerProblems(header).get(0).message()).contains("[sex]");
    }

    @Test
    void xlsxDatesAndLongNumbersReadAsTheyWouldInCsv() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("x");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("birth_date");
            header.createCell(2).setCellValue("citizen_id");
            Row row = sheet.createRow(1);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            row.createCell(0).setCellValue(LocalDate.of(1985, 7, 9));
            row.getCell(0).setCellStyle(date);
            row.createCell(2).setCellValue(1_085_001_234.0);
            sheet.createRow(2); // blank rows are skipped
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        List<List<String>> rows = new ArrayList<>();
        TabularFile.read(TabularFile.Format.XLSX, xlsx, (n, cells) -> rows.add(cells));
        assertThat(rows).containsExactly(List.of("birth_date", "", "citizen_id"),
                List.of("1985-07-09", "", "1085001234"));
        assertThat(TabularFile.header(TabularFile.Format.CSV,
                "\uFEFFhousehold_ref,commune_code\nA,1\n".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("household_ref", "commune_code");
        assertThatThrownBy(() -> TabularFile.header(TabularFile.Format.XLSX, new byte[] {1, 2, 3}))
                .isInstanceOf(TabularFile.UnreadableFile.class);
    }

    private static List<HouseholdRows.Imported> read(List<List<String>> rows) {
        List<HouseholdRows.Imported> out = new ArrayList<>();
        HouseholdRows reader = new HouseholdRows(ImportColumn.headers(), out::add);
        for (int i = 0; i < rows.size(); i++) {
            reader.row(i + 2, rows.get(i));
        }
        reader.finish();
        return out;
    }
}
