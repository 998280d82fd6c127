package vn.vnn.kit.text;

import java.text.Normalizer;

/**
 * What text a client may send, in a body, a query or a path alike: no control characters (C0, DEL, C1; PostgreSQL
 * cannot even store NUL), no lone surrogates (not Unicode at all), no bidirectional controls (they make a name
 * display as something else), no U+FFFD (the trace of bytes that were not UTF-8) and no noncharacters. Tab and line
 * breaks only in free text. Accepted text is returned in NFC, the form Vietnamese is stored and compared in: "ễ"
 * typed as e + two combining marks and as one precomposed letter are then the same string.
 */
public final class TextInput {

    /** Longest one-line value (names, codes, addresses, references). */
    public static final int LINE_MAX_LENGTH = 1_000;
    /** Longest free text (notes, reasons, comments, descriptions). */
    public static final int FREE_TEXT_MAX_LENGTH = 10_000;

    private TextInput() {
    }

    /** Why a value was refused; the message names the problem, never the value. */
    public static final class Refused extends IllegalArgumentException {
        public Refused(String message) {
            super(message, null);
        }
    }

    /** The value in NFC, or {@link Refused} saying what is wrong with it. Null stays null. */
    public static String accept(String value, boolean freeText) {
        if (value == null) {
            return null;
        }
        int max = freeText ? FREE_TEXT_MAX_LENGTH : LINE_MAX_LENGTH;
        if (value.length() > max * 4) {
            throw tooLong(max);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, value.charAt(i + 1));
                    if ((codePoint & 0xFFFE) == 0xFFFE) {
                        throw new Refused("must not contain Unicode noncharacters");
                    }
                    i++;
                    continue;
                }
                throw new Refused("is not valid Unicode text (a lone surrogate)");
            }
            if (Character.isLowSurrogate(c)) {
                throw new Refused("is not valid Unicode text (a lone surrogate)");
            }
            String reason = refusedCharacter(c, freeText);
            if (reason != null) {
                throw new Refused(reason);
            }
        }
        String normalised = Normalizer.isNormalized(value, Normalizer.Form.NFC) ? value
                : Normalizer.normalize(value, Normalizer.Form.NFC);
        if (normalised.codePointCount(0, normalised.length()) > max) {
            throw tooLong(max);
        }
        return normalised;
    }

    private static Refused tooLong(int max) {
        return new Refused("must be at most " + max + " characters");
    }

    private static String refusedCharacter(char c, boolean freeText) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return freeText ? null : "must be a single line without tabs or line breaks";
        }
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
            return "must not contain control characters";
        }
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C || c == 0x2028 || c == 0x2029) {
            return "must not contain bidirectional or line-separator control characters";
        }
        if (c == 0xFFFD) {
            return "is not valid UTF-8 (it holds a replacement character)";
        }
        if (c == 0xFFFE || c == 0xFFFF || (c >= 0xFDD0 && c <= 0xFDEF) || c == 0xFEFF) {
            return "must not contain Unicode noncharacters or byte-order marks";
        }
        return null;
    }
}
