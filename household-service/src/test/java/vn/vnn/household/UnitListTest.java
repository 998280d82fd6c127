package vn.vnn.household;

import org.junit.jupiter.api.Test;
import vn.vnn.household.areas.AdminLevel;
import vn.vnn.kit.upload.RowError;
import vn.vnn.household.areas.UnitListParser;
import vn.vnn.household.areas.UnitRow;
import vn.vnn.household.areas.UnitTreeRules;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnitListTest {

    private static final String HEADER = "code,name,level,parentCode,type,validFrom,validTo,successorCodes\n";

    @Test
    void theDemoProvinceIsASoundTreeOnBothSidesOfTheReform() throws IOException {
        String csv = Files.readString(Path.of("../deploy/demo/areas.csv"), StandardCharsets.UTF_8);
        UnitListParser.Parsed parsed = UnitListParser.parse(new StringReader(csv));
        assertThat(parsed.errors()).isEmpty();
        assertThat(UnitTreeRules.check(parsed.rows(), List.of())).isEmpty();
        assertThat(parsed.rows()).extracting(UnitRow::name).allMatch(name -> name.contains("demo")
                || name.contains("DEMO"));
        assertThat(parsed.rows()).filteredOn(r -> r.level() == AdminLevel.DISTRICT)
                .allMatch(r -> r.validTo() != null && r.validTo().toString().equals("2025-06-30"));
    }

    @Test
    void everyBadCellIsReportedWithRowAndColumn() throws IOException {
        UnitListParser.Parsed parsed = UnitListParser.parse(new StringReader(HEADER
                + "01,Hà Nội,PROVINCE,,URBAN,2008-01-01,,\n"
                + "bad code!,,TOWN,,FOREST,2025-13-01,,\n"
                + "00004,Phường X,COMMUNE,,URBAN,2025-07-01,2025-01-01,\n"
                + "00005,Phường Y,COMMUNE,01,URBAN,2025-07-01,,00009\n"));
        assertThat(parsed.rows()).extracting(UnitRow::code).containsExactly("01");
        assertThat(parsed.errors()).extracting(e -> e.row() + ":" + e.column()).contains("2:code", "2:name",
                "2:level", "2:type", "2:validFrom", "3:parentCode", "3:validTo", "4:successorCodes");
    }

    @Test
    void missingColumnsAreOneClearError() throws IOException {
        UnitListParser.Parsed parsed = UnitListParser.parse(new StringReader("code,name\n01,Hà Nội\n"));
        assertThat(parsed.errors()).singleElement().extracting(RowError::message).asString()
                .contains("missing columns", "level");
    }

    @Test
    void treeRulesCatchOrphansWrongLevelsOverlapsAndUnknownSuccessors() throws IOException {
        UnitListParser.Parsed parsed = UnitListParser.parse(new StringReader(HEADER
                + "01,Hà Nội,PROVINCE,,URBAN,2008-01-01,,\n"
                + "00001,Phường A,COMMUNE,02,URBAN,2025-07-01,,\n"
                + "00002-01,Tổ 1,VILLAGE,01,URBAN,2025-07-01,,\n"
                + "00003,Phường B,COMMUNE,01,URBAN,2008-01-01,2025-06-30,00099\n"
                + "00003,Phường B mới,COMMUNE,01,URBAN,2025-01-01,,\n"));
        assertThat(parsed.errors()).isEmpty();
        List<RowError> errors = UnitTreeRules.check(parsed.rows(), List.of());
        assertThat(errors).extracting(e -> e.row() + ":" + e.column()).contains("2:parentCode", "3:parentCode",
                "4:successorCodes", "4:validFrom", "5:validFrom");
    }
}
