package vn.vnn.household;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import vn.vnn.household.registry.CitizenId;
import vn.vnn.household.registry.CitizenId.Sex;
import vn.vnn.kit.security.PersonalData;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CitizenIdTest {

    @Property
    void aNumberBuiltFromThePersonIsValidForThatPerson(@ForAll @IntRange(min = 1, max = 96) int province,
                                                      @ForAll Sex sex,
                                                      @ForAll @IntRange(min = 1900, max = 2099) int year,
                                                      @ForAll @IntRange(min = 0, max = 999_999) int random) {
        String id = id(province, sex, year, random);
        assertThat(CitizenId.problem(id, LocalDate.of(year, 6, 1), sex)).isEmpty();
        assertThat(CitizenId.problem(id, null, null)).isEmpty();
    }

    @Property
    void anotherYearOrSexIsRefused(@ForAll @IntRange(min = 1, max = 96) int province, @ForAll Sex sex,
                                   @ForAll @IntRange(min = 1900, max = 2098) int year,
                                   @ForAll @IntRange(min = 0, max = 999_999) int random) {
        String id = id(province, sex, year, random);
        assertThat(CitizenId.problem(id, LocalDate.of(year + 1, 6, 1), sex)).isPresent();
        Sex other = sex == Sex.MALE ? Sex.FEMALE : Sex.MALE;
        assertThat(CitizenId.problem(id, LocalDate.of(year, 6, 1), other)).isPresent();
    }

    @Test
    void shapeAndProvinceAreChecked() {
        assertThat(CitizenId.problem("00119012345", null, null)).contains("must be 12 digits");
        assertThat(CitizenId.problem("00119012345a", null, null)).contains("must be 12 digits");
        assertThat(CitizenId.problem("000190123456", null, null)).get().asString().contains("province");
        assertThat(CitizenId.problem("097190123456", null, null)).get().asString().contains("province");
        assertThat(CitizenId.problem("001090123456", LocalDate.of(1990, 1, 1), Sex.MALE)).isEmpty();
        assertThat(CitizenId.problem("001305123456", LocalDate.of(2005, 1, 1), Sex.FEMALE)).isEmpty();
    }

    @Test
    void maskingKeepsOnlyTheEnds() {
        assertThat(PersonalData.maskCitizenId("001090123456")).isEqualTo("001*******56");
        assertThat(PersonalData.maskPhone("0912345678")).isEqualTo("09******78");
        assertThat(PersonalData.maskPhone("123")).isEqualTo("***");
        assertThat(PersonalData.maskCitizenId(null)).isNull();
    }

    private static String id(int province, Sex sex, int year, int random) {
        return String.format("%03d%d%02d%06d", province, CitizenId.centuryDigit(year, sex), year % 100, random);
    }
}
