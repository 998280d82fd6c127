package vn.vnn.kit.security;

/**
 * Masks personal data for callers who do not need it in full: a citizen ID or a phone number keeps only enough to
 * recognise it ({@code 001*******45}, {@code 09******78}).
 */
public final class PersonalData {

    private PersonalData() {
    }

    public static String maskCitizenId(String id) {
        return mask(id, 3, 2);
    }

    public static String maskPhone(String phone) {
        return mask(phone, 2, 2);
    }

    private static String mask(String value, int keepStart, int keepEnd) {
        if (value == null) {
            return null;
        }
        if (value.length() <= keepStart + keepEnd) {
            return "*".repeat(value.length());
        }
        return value.substring(0, keepStart) + "*".repeat(value.length() - keepStart - keepEnd)
                + value.substring(value.length() - keepEnd);
    }
}
