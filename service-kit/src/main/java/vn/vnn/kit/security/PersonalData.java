package vn.vnn.kit.security;

/**
 * Masks personal data for callers who do not need it in full: a citizen ID or a phone number keeps only enough to
 * recognise it ({@code 001*******45}, {@code 09******78}, {@code l***@example.vn}).
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

    /** {@code l***@example.vn}: the first letter and the domain. */
    public static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? mask(email, 1, 0) : email.charAt(0) + "***" + email.substring(at);
    }

    /** A contact given as either an e-mail address or a phone number, masked as such. */
    public static String maskContact(String contact) {
        return contact != null && contact.contains("@") ? maskEmail(contact) : maskPhone(contact);
    }

    /** An address keeps only its last part (the area), e.g. {@code ***, Ba Đình, Hà Nội}. */
    public static String maskAddress(String address) {
        if (address == null) {
            return null;
        }
        String[] parts = address.split(",");
        if (parts.length < 3) {
            return "***";
        }
        return "***," + parts[parts.length - 2] + "," + parts[parts.length - 1];
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
