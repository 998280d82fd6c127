package vn.vnn.fund.banking;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Reference codes for transfer messages: six characters of Crockford's base 32 (digits and letters without I, L, O
 * and U), so that a code read aloud or retyped from a banking app is not mistaken, and a code guessed at random hits
 * one of a million intents about once in a thousand tries.
 */
public final class ReferenceCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReferenceCodes() {
    }

    public static String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /**
     * The code as typed back: upper case, with the letters Crockford's alphabet reads as digits (O as 0, I and L as
     * 1); null when it cannot be a code.
     */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.strip().toUpperCase(Locale.ROOT).replace('O', '0').replace('I', '1').replace('L', '1');
        if (code.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return null;
            }
        }
        return code;
    }

    /** The transfer message of a fund's intent: "VNN", the fund's code where it fits, the reference code. */
    public static String transferMessage(String fundCode, String referenceCode) {
        String full = "VNN " + VietQr.foldMessage(fundCode).replace(' ', '-') + " " + referenceCode;
        return full.length() <= VietQr.MAX_MESSAGE ? full : "VNN " + referenceCode;
    }
}
