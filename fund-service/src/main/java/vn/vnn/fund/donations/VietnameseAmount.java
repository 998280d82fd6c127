package vn.vnn.fund.donations;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Amounts of money as receipts write them: {@code 150.000.000 đồng} and "Một trăm năm mươi triệu đồng". */
public final class VietnameseAmount {

    private static final String[] DIGITS = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
    private static final String[] SCALES = {"", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ", "tỷ tỷ"};

    private VietnameseAmount() {
    }

    /** In figures with dots between thousands, as written in Vietnam. */
    public static String inFigures(long amountVnd) {
        NumberFormat format = NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN"));
        return format.format(amountVnd).replace('\u00a0', '.') + " đồng";
    }

    /** In words, capitalised, ending in "đồng". */
    public static String inWords(long amountVnd) {
        if (amountVnd < 0) {
            throw new IllegalArgumentException("a negative amount: " + amountVnd);
        }
        if (amountVnd == 0) {
            return "Không đồng";
        }
        List<Integer> groups = new ArrayList<>();
        for (long rest = amountVnd; rest > 0; rest /= 1000) {
            groups.add((int) (rest % 1000));
        }
        List<String> words = new ArrayList<>();
        for (int i = groups.size() - 1; i >= 0; i--) {
            int group = groups.get(i);
            if (group == 0) {
                continue;
            }
            words.add(group(group, i == groups.size() - 1));
            if (!SCALES[i].isEmpty()) {
                words.add(SCALES[i]);
            }
        }
        String text = String.join(" ", words);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + " đồng";
    }

    /** Three digits; a group after the first says its zero hundreds ("không trăm linh năm"). */
    private static String group(int value, boolean leading) {
        int hundreds = value / 100;
        int tens = value / 10 % 10;
        int units = value % 10;
        List<String> words = new ArrayList<>();
        if (hundreds > 0 || !leading) {
            words.add(DIGITS[hundreds]);
            words.add("trăm");
        }
        if (tens == 0) {
            if (units > 0 && !words.isEmpty()) {
                words.add("linh");
            }
        } else if (tens == 1) {
            words.add("mười");
        } else {
            words.add(DIGITS[tens]);
            words.add("mươi");
        }
        if (units == 1 && tens >= 2) {
            words.add("mốt");
        } else if (units == 5 && tens >= 1) {
            words.add("lăm");
        } else if (units > 0) {
            words.add(DIGITS[units]);
        }
        return String.join(" ", words);
    }
}
