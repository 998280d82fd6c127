package vn.vnn.fund.donors;

import java.util.Locale;

/**
 * How a donor described on a donation is recognised among known donors. An organisation by its tax code, else by
 * its name; an individual by citizen ID, else phone, else e-mail — never by name alone, since two people may share
 * a name (each such gift makes a new donor unless the officer names a known one by id).
 *
 * @param by    what identifies the donor
 * @param value the identifying value in the form it is compared in (digits of a phone, lower-case e-mail, NFC name)
 */
public record DonorIdentity(By by, String value) {

    public enum By { TAX_CODE, CITIZEN_ID, PHONE, EMAIL, ORGANISATION_NAME, NONE }

    /** {@code name} already normalised (NFC, single spaces). */
    public static DonorIdentity of(DonorType type, String taxCode, String citizenId, String phone, String email,
                                   String name) {
        if (type == DonorType.ORGANISATION) {
            return taxCode != null ? new DonorIdentity(By.TAX_CODE, taxCode)
                    : new DonorIdentity(By.ORGANISATION_NAME, name);
        }
        if (citizenId != null) {
            return new DonorIdentity(By.CITIZEN_ID, citizenId);
        }
        if (phone != null && !phoneDigits(phone).isEmpty()) {
            return new DonorIdentity(By.PHONE, phoneDigits(phone));
        }
        if (email != null && !email.isBlank()) {
            return new DonorIdentity(By.EMAIL, email.strip().toLowerCase(Locale.ROOT));
        }
        return new DonorIdentity(By.NONE, null);
    }

    /** The key that serialises concurrent look-ups of the same value where the table has no unique index. */
    public String lockKey() {
        return by == By.PHONE || by == By.EMAIL ? "donor:" + by + ":" + value : null;
    }

    public static String phoneDigits(String phone) {
        return phone.replaceAll("[^0-9]", "");
    }
}
