package vn.vnn.fund;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import vn.vnn.fund.banking.VietQr;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** VietQR payloads: EMVCo data objects as NAPAS specifies them for transfers to an account, and their CRC. */
class VietQrTest {

    @Test
    void theCrcIsCcittFalse() {
        // The check value of CRC-16/CCITT-FALSE (the catalogue's "123456789" vector) and the empty input.
        assertThat(VietQr.crc16("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x29B1);
        assertThat(VietQr.crc16(new byte[0])).isEqualTo(0xFFFF);
    }

    @Test
    void aKnownDynamicPayload() {
        // 120,000 đồng to account 0011001932418 at BIN 970415, "ủng hộ lũ lụt": a payload published with a widely
        // used VietQR generator, the message folded to ASCII as banks carry it.
        assertThat(VietQr.encode("970415", "0011001932418", 120_000L, "ủng hộ lũ lụt")).isEqualTo(
                "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA5303704540612000058"
                        + "02VN62170813ung ho lu lut6304C15C");
    }

    @Test
    void aStaticPayloadHasNoAmountAndSaysSo() {
        String payload = VietQr.encode("970436", "1234567890", null, null);
        assertThat(payload).startsWith("000201010211").doesNotContain("5406").contains("5802VN");
        assertThat(VietQr.decode(payload)).isEqualTo(new VietQr.Transfer("970436", "1234567890", null, null));
    }

    @Test
    void messagesAreFoldedToWhatBanksCarry() {
        assertThat(VietQr.foldMessage("Đóng góp Quỹ Vì người nghèo")).isEqualTo("Dong gop Quy Vi nguoi ngh");
        assertThat(VietQr.foldMessage("VNN Q99 7K3M2P")).isEqualTo("VNN Q99 7K3M2P");
        assertThat(VietQr.foldMessage("  a\t\tb 𝕍 c  ")).isEqualTo("a b c");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertThatThrownBy(() -> VietQr.encode("97041", "1", null, null)).isInstanceOf(VietQr.Invalid.class)
                .extracting(e -> ((VietQr.Invalid) e).field()).isEqualTo("bankBin");
        assertThatThrownBy(() -> VietQr.encode("970415", "12345678901234567890", null, null))
                .extracting(e -> ((VietQr.Invalid) e).field()).isEqualTo("accountNumber");
        assertThatThrownBy(() -> VietQr.encode("970415", "1", 0L, null))
                .extracting(e -> ((VietQr.Invalid) e).field()).isEqualTo("amountVnd");
        assertThatThrownBy(() -> VietQr.encode("970415", "1", VietQr.MAX_AMOUNT + 1, null))
                .extracting(e -> ((VietQr.Invalid) e).field()).isEqualTo("amountVnd");
        assertThatThrownBy(() -> VietQr.decode("0002016304FFFF")).isInstanceOf(VietQr.Invalid.class);
        assertThatThrownBy(() -> VietQr.decode("00990163040000")).isInstanceOf(VietQr.Invalid.class);
    }

    @Property(tries = 500)
    void whatIsEncodedDecodesBack(@ForAll("transfers") VietQr.Transfer transfer) {
        String payload = VietQr.encode(transfer.bankBin(), transfer.accountNumber(), transfer.amountVnd(),
                transfer.message());
        String folded = transfer.message() == null ? null : VietQr.foldMessage(transfer.message());
        assertThat(VietQr.decode(payload)).isEqualTo(new VietQr.Transfer(transfer.bankBin(),
                transfer.accountNumber(), transfer.amountVnd(), folded == null || folded.isEmpty() ? null : folded));
        assertThat(payload).matches("[\\x20-\\x7E]+").endsWith(String.format("%04X",
                VietQr.crc16(payload.substring(0, payload.length() - 4).getBytes(StandardCharsets.US_ASCII))));
        assertThat(payload.substring(10, 12)).isEqualTo(transfer.amountVnd() == null ? "11" : "12");
    }

    @Property(tries = 500)
    void anyOneCharacterChangedIsCaught(@ForAll("transfers") VietQr.Transfer transfer,
                                        @ForAll @IntRange(min = 0, max = 10_000) int where,
                                        @ForAll @IntRange(min = 1, max = 94) int shift) {
        String payload = VietQr.encode(transfer.bankBin(), transfer.accountNumber(), transfer.amountVnd(),
                transfer.message());
        int at = where % payload.length();
        char changed = (char) (0x20 + (payload.charAt(at) - 0x20 + shift) % 95);
        String broken = payload.substring(0, at) + changed + payload.substring(at + 1);
        assertThatThrownBy(() -> VietQr.decode(broken)).isInstanceOf(VietQr.Invalid.class);
    }

    @Provide
    Arbitrary<VietQr.Transfer> transfers() {
        Arbitrary<String> bins = Arbitraries.strings().numeric().ofLength(6);
        Arbitrary<String> accounts = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(19);
        Arbitrary<Long> amounts = Arbitraries.longs().between(1, VietQr.MAX_AMOUNT).injectNull(0.3);
        Arbitrary<String> messages = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcdeđơưăâêôáàảãạ ĐƠƯÂÊÔ0123456789-.").ofMaxLength(40),
                Arbitraries.strings().ofMaxLength(40)).injectNull(0.2);
        return Combinators.combine(bins, accounts, amounts, messages).as(VietQr.Transfer::new);
    }
}
