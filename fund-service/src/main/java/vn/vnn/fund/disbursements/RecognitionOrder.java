package vn.vnn.fund.disbursements;

import java.time.LocalDate;

/**
 * Events about one household can arrive late (a redelivery, a replay from the start of the topic). A recognition
 * replaces the one we hold only when it is not older: a later review year, or the same year and a date on or after.
 */
public final class RecognitionOrder {

    private RecognitionOrder() {
    }

    public static boolean supersedes(int newYear, LocalDate newDate, int currentYear, LocalDate currentDate) {
        return newYear > currentYear || newYear == currentYear && !newDate.isBefore(currentDate);
    }
}
