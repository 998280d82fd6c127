package vn.vnn.kit.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Names as people type them: Vietnamese can arrive composed (NFC, "ồ" as one code point) or decomposed (NFD, "o" +
 * two combining marks), with stray spaces. Every name is stored and compared in one form, so that the same name
 * typed two ways is one name.
 */
public final class Names {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Names() {
    }

    /** Unicode NFC, trimmed, inner runs of white space as one space; null stays null. */
    public static String normalise(String name) {
        if (name == null) {
            return null;
        }
        return SPACES.matcher(Normalizer.normalize(name, Normalizer.Form.NFC).strip()).replaceAll(" ");
    }
}
