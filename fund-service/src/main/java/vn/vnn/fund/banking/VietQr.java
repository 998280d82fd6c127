package vn.vnn.fund.banking;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * VietQR payloads for transfers to a bank account: EMVCo's merchant-presented QR as NAPAS specifies it for its 24/7
 * inter-bank transfers (chuyển nhanh NAPAS 247). Each data object is an id, a two-digit length and a value:
 * <ul>
 *     <li>00 payload format "01"; 01 point of initiation, "11" static (the payer types the amount) or "12" dynamic;</li>
 *     <li>38 the beneficiary: 00 NAPAS' GUID {@value #NAPAS_GUID}, 01 the bank (00 its six-digit BIN, 01 the account
 *     number), 02 the service {@value #TRANSFER_TO_ACCOUNT} (transfer to an account);</li>
 *     <li>53 currency "704" (VND), 54 the amount in đồng (dynamic only), 58 country "VN";</li>
 *     <li>62 additional data, 08 the transfer message (nội dung chuyển khoản) that banks copy into the statement;</li>
 *     <li>63 CRC-16/CCITT-FALSE of everything before it, "6304" included, as four upper-case hex digits.</li>
 * </ul>
 * Messages are folded to plain ASCII (banks drop or mangle Vietnamese diacritics in transfer messages) and limited to
 * {@value #MAX_MESSAGE} characters, so that a reference code in them survives to the statement.
 */
public final class VietQr {

    public static final String NAPAS_GUID = "A000000727";
    public static final String TRANSFER_TO_ACCOUNT = "QRIBFTTA";
    public static final int MAX_MESSAGE = 25;
    /** Tag 54 holds at most 13 characters. */
    public static final long MAX_AMOUNT = 9_999_999_999_999L;

    private static final Pattern BIN = Pattern.compile("\\d{6}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9A-Za-z]{1,19}");

    private VietQr() {
    }

    /** What a payload carries; {@code amountVnd} null for a static QR, {@code message} null when there is none. */
    public record Transfer(String bankBin, String accountNumber, Long amountVnd, String message) {
    }

    /** Refused input, naming the field. */
    public static final class Invalid extends IllegalArgumentException {
        private final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /**
     * The payload of a transfer to the account: dynamic when an amount is given, static otherwise. The message is
     * folded to ASCII first ({@link #foldMessage}).
     */
    /** A bank account's static QR: the payer types the amount and the message. */
    public static String staticPayload(vn.vnn.fund.funds.BankAccount account) {
        return encode(account.bankBin, account.accountNumber, null, null);
    }

    public static String encode(String bankBin, String accountNumber, Long amountVnd, String message) {
        if (bankBin == null || !BIN.matcher(bankBin).matches()) {
            throw new Invalid("bankBin", "must be the bank's six-digit BIN");
        }
        if (accountNumber == null || !ACCOUNT.matcher(accountNumber).matches()) {
            throw new Invalid("accountNumber", "must be 1–19 letters or digits");
        }
        if (amountVnd != null && (amountVnd < 1 || amountVnd > MAX_AMOUNT)) {
            throw new Invalid("amountVnd", "must be between 1 and " + MAX_AMOUNT + " đồng");
        }
        String folded = message == null ? "" : foldMessage(message);
        StringBuilder payload = new StringBuilder(160)
                .append(tlv("00", "01"))
                .append(tlv("01", amountVnd == null ? "11" : "12"))
                .append(tlv("38", tlv("00", NAPAS_GUID)
                        + tlv("01", tlv("00", bankBin) + tlv("01", accountNumber))
                        + tlv("02", TRANSFER_TO_ACCOUNT)))
                .append(tlv("53", "704"));
        if (amountVnd != null) {
            payload.append(tlv("54", Long.toString(amountVnd)));
        }
        payload.append(tlv("58", "VN"));
        if (!folded.isEmpty()) {
            payload.append(tlv("62", tlv("08", folded)));
        }
        payload.append("6304");
        return payload.append(crcHex(payload)).toString();
    }

    /** Reads a payload back; refuses one whose CRC or structure is wrong. */
    public static Transfer decode(String payload) {
        if (payload == null || payload.length() < 8 || !payload.regionMatches(payload.length() - 8, "6304", 0, 4)) {
            throw new Invalid("payload", "does not end with its CRC");
        }
        String body = payload.substring(0, payload.length() - 4);
        if (!crcHex(body).equals(payload.substring(payload.length() - 4))) {
            throw new Invalid("payload", "its CRC does not match");
        }
        Map<String, String> root = objects(payload.substring(0, payload.length() - 8));
        Map<String, String> beneficiary = objects(require(root, "38"));
        if (!NAPAS_GUID.equals(beneficiary.get("00"))) {
            throw new Invalid("payload", "is not a VietQR payload");
        }
        Map<String, String> bank = objects(require(beneficiary, "01"));
        String additional = root.get("62");
        String message = additional == null ? null : objects(additional).get("08");
        String amount = root.get("54");
        return new Transfer(require(bank, "00"), require(bank, "01"), amount == null ? null : Long.valueOf(amount),
                message);
    }

    /**
     * A transfer message as banks carry it: Vietnamese letters without their marks (đ as d), other characters outside
     * printable ASCII as spaces, runs of spaces as one, at most {@value #MAX_MESSAGE} characters.
     */
    public static String foldMessage(String message) {
        String decomposed = Normalizer.normalize(message.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            folded.append(c >= 0x20 && c < 0x7F ? c : ' ');
        }
        String single = folded.toString().trim().replaceAll(" {2,}", " ");
        return single.length() <= MAX_MESSAGE ? single : single.substring(0, MAX_MESSAGE).trim();
    }

    /** CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR). */
    public static int crc16(byte[] data) {
        int crc = 0xFFFF;
        for (byte b : data) {
            crc ^= (b & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
                crc &= 0xFFFF;
            }
        }
        return crc;
    }

    private static String crcHex(CharSequence text) {
        return String.format(Locale.ROOT, "%04X", crc16(text.toString().getBytes(StandardCharsets.US_ASCII)));
    }

    /** One data object; the value holds at most 99 characters. */
    static String tlv(String id, String value) {
        if (value.length() > 99) {
            throw new IllegalArgumentException("data object " + id + " longer than 99 characters");
        }
        return id + (value.length() < 10 ? "0" : "") + value.length() + value;
    }

    /** The data objects of a template, by id, in order; refuses a length that runs past the end. */
    static Map<String, String> objects(String template) {
        Map<String, String> objects = new LinkedHashMap<>();
        int at = 0;
        while (at < template.length()) {
            if (at + 4 > template.length()) {
                throw new Invalid("payload", "a data object is cut short");
            }
            String id = template.substring(at, at + 2);
            char tens = template.charAt(at + 2);
            char units = template.charAt(at + 3);
            if (tens < '0' || tens > '9' || units < '0' || units > '9') {
                throw new Invalid("payload", "a data object's length is not two digits");
            }
            int length = (tens - '0') * 10 + (units - '0');
            if (at + 4 + length > template.length()) {
                throw new Invalid("payload", "a data object runs past the end");
            }
            objects.put(id, template.substring(at + 4, at + 4 + length));
            at += 4 + length;
        }
        return objects;
    }

    private static String require(Map<String, String> objects, String id) {
        String value = objects.get(id);
        if (value == null) {
            throw new Invalid("payload", "has no data object " + id);
        }
        return value;
    }
}
