package vn.vnn.fund;

import org.junit.jupiter.api.Test;
import vn.vnn.fund.donors.DonorIdentity;
import vn.vnn.fund.donors.DonorType;

import static org.assertj.core.api.Assertions.assertThat;

/** How a donor on a donation is recognised among known donors. */
class DonorIdentityTest {

    @Test
    void organisationsByTaxCodeElseByName() {
        assertThat(DonorIdentity.of(DonorType.ORGANISATION, "0100109106", null, "0912345678", null, "Viettel"))
                .isEqualTo(new DonorIdentity(DonorIdentity.By.TAX_CODE, "0100109106"));
        assertThat(DonorIdentity.of(DonorType.ORGANISATION, null, null, "0912345678", null, "HTX Đồng Tiến"))
                .isEqualTo(new DonorIdentity(DonorIdentity.By.ORGANISATION_NAME, "HTX Đồng Tiến"));
    }

    @Test
    void individualsByCitizenIdThenPhoneThenEmailNeverByNameAlone() {
        assertThat(DonorIdentity.of(DonorType.INDIVIDUAL, null, "001190123456", "0912 345 678", "a@b.vn", "An").by())
                .isEqualTo(DonorIdentity.By.CITIZEN_ID);
        DonorIdentity phone = DonorIdentity.of(DonorType.INDIVIDUAL, null, null, "+84 912 345 678", "a@b.vn", "An");
        assertThat(phone).isEqualTo(new DonorIdentity(DonorIdentity.By.PHONE, "84912345678"));
        assertThat(phone.lockKey()).isEqualTo("donor:PHONE:84912345678");
        assertThat(DonorIdentity.of(DonorType.INDIVIDUAL, null, null, null, " An.Nguyen@Example.VN ", "An"))
                .isEqualTo(new DonorIdentity(DonorIdentity.By.EMAIL, "an.nguyen@example.vn"));
        DonorIdentity nameOnly = DonorIdentity.of(DonorType.INDIVIDUAL, null, null, null, null, "Nguyễn Văn An");
        assertThat(nameOnly.by()).isEqualTo(DonorIdentity.By.NONE);
        assertThat(nameOnly.lockKey()).isNull();
    }
}
