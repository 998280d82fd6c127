package vn.vnn.household.registry;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The 12-digit citizen identity number (số định danh cá nhân / CCCD, Thông tư 59/2021/TT-BCA): digits 1–3 the
 * province of birth registration (001–096), digit 4 sex and century of birth, digits 5–6 the last two digits of the
 * birth year, digits 7–12 random.
 */
public final class CitizenId {

    public enum Sex { MALE, FEMALE }

    private CitizenId() {
    }

    /** Why {@code id} is not a valid number for a person born on {@code birthDate} of {@code sex}; empty if valid. */
    public static Optional<String> problem(String id, LocalDate birthDate, Sex sex) {
        if (id == null || !id.matches("[0-9]{12}")) {
            return Optional.of("must be 12 digits");
        }
        int province = Integer.parseInt(id.substring(0, 3));
        if (province < 1 || province > 96) {
            return Optional.of("starts with " + id.substring(0, 3) + ", which is no province code (001–096)");
        }
        int centuryDigit = id.charAt(3) - '0';
        int century = switch (centuryDigit / 2) {
            case 0 -> 1900;
            case 1 -> 2000;
            case 2 -> 2100;
            case 3 -> 2200;
            default -> 1800;
        };
        Sex encodedSex = centuryDigit % 2 == 0 ? Sex.MALE : Sex.FEMALE;
        int year = century + Integer.parseInt(id.substring(4, 6));
        if (birthDate != null && birthDate.getYear() != year) {
            return Optional.of("encodes birth year " + year + ", not " + birthDate.getYear());
        }
        if (sex != null && sex != encodedSex) {
            return Optional.of("encodes sex " + encodedSex + ", not " + sex);
        }
        return Optional.empty();
    }

    /** Digit 4 for a person of {@code sex} born in {@code year} (1800–2299). */
    public static int centuryDigit(int year, Sex sex) {
        int base = switch (year / 100) {
            case 19 -> 0;
            case 20 -> 2;
            case 21 -> 4;
            case 22 -> 6;
            case 18 -> 8;
            default -> throw new IllegalArgumentException("year out of range: " + year);
        };
        return base + (sex == Sex.FEMALE ? 1 : 0);
    }
}
