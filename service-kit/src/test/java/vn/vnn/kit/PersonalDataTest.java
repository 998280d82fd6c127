package vn.vnn.kit;

import org.junit.jupiter.api.Test;
import vn.vnn.kit.security.PersonalData;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTest {

    @Test
    void masksKeepOnlyEnoughToRecogniseTheValue() {
        assertThat(PersonalData.maskCitizenId("001090123456")).isEqualTo("001*******56");
        assertThat(PersonalData.maskPhone("0912345678")).isEqualTo("09******78");
        assertThat(PersonalData.maskEmail("lan.nguyen@vnpt.vn")).isEqualTo("l***@vnpt.vn");
        assertThat(PersonalData.maskEmail("nonsense")).isEqualTo("n*******");
        assertThat(PersonalData.maskContact("lan.nguyen@vnpt.vn")).isEqualTo("l***@vnpt.vn");
        assertThat(PersonalData.maskContact("0912345678")).isEqualTo("09******78");
        assertThat(PersonalData.maskAddress("Số 12 ngõ 5, Phường Ba Đình, Hà Nội"))
                .isEqualTo("***, Phường Ba Đình, Hà Nội");
        assertThat(PersonalData.maskAddress("Hà Nội")).isEqualTo("***");
        assertThat(PersonalData.maskPhone(null)).isNull();
    }
}
