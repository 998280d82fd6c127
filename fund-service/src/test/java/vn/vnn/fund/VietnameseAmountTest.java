package vn.vnn.fund;

import org.junit.jupiter.api.Test;
import vn.vnn.fund.donations.VietnameseAmount;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseAmountTest {

    @Test
    void amountsReadAsOnAReceipt() {
        assertThat(VietnameseAmount.inWords(0)).isEqualTo("Không đồng");
        assertThat(VietnameseAmount.inWords(5)).isEqualTo("Năm đồng");
        assertThat(VietnameseAmount.inWords(10)).isEqualTo("Mười đồng");
        assertThat(VietnameseAmount.inWords(15)).isEqualTo("Mười lăm đồng");
        assertThat(VietnameseAmount.inWords(21)).isEqualTo("Hai mươi mốt đồng");
        assertThat(VietnameseAmount.inWords(25)).isEqualTo("Hai mươi lăm đồng");
        assertThat(VietnameseAmount.inWords(105)).isEqualTo("Một trăm linh năm đồng");
        assertThat(VietnameseAmount.inWords(110)).isEqualTo("Một trăm mười đồng");
        assertThat(VietnameseAmount.inWords(1_000_000)).isEqualTo("Một triệu đồng");
        assertThat(VietnameseAmount.inWords(1_005_000)).isEqualTo("Một triệu không trăm linh năm nghìn đồng");
        assertThat(VietnameseAmount.inWords(2_340_000)).isEqualTo("Hai triệu ba trăm bốn mươi nghìn đồng");
        assertThat(VietnameseAmount.inWords(150_000_000)).isEqualTo("Một trăm năm mươi triệu đồng");
        assertThat(VietnameseAmount.inWords(1_250_500_000)).isEqualTo(
                "Một tỷ hai trăm năm mươi triệu năm trăm nghìn đồng");
        assertThat(VietnameseAmount.inWords(1_000_000_000_000L)).isEqualTo("Một nghìn tỷ đồng");
        assertThat(VietnameseAmount.inFigures(150_000_000)).isEqualTo("150.000.000 đồng");
    }
}
