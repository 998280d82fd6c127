package vn.vnn.kit.web;

import vn.vnn.kit.text.TextInput;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Dates a client may send: ISO {@code yyyy-MM-dd}, a day that exists (no 30 February), between 1900 and 2199. The
 * registry's oldest birth dates and the longest plans fit; year 0 or 9999 is a typing slip or an attack on date
 * arithmetic, answered 422 before it reaches a rule or the database.
 */
public final class Dates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private Dates() {
    }

    /** An optional date parameter: null when absent, a 422 naming {@code field} when not a valid date. */
    public static LocalDate param(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse(text);
        } catch (TextInput.Refused e) {
            throw vn.vnn.kit.problem.ProblemException.invalid(field, e.getMessage());
        }
    }

    /** A required date parameter: a 422 naming {@code field} when absent or not a valid date. */
    public static LocalDate required(String text, String field) {
        LocalDate date = param(text, field);
        if (date == null) {
            throw vn.vnn.kit.problem.ProblemException.invalid(field, "is required (YYYY-MM-DD)");
        }
        return date;
    }

    public static LocalDate parse(String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text.trim(), ISO);
        } catch (DateTimeParseException e) {
            throw new TextInput.Refused("must be a date of the calendar as yyyy-MM-dd");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new TextInput.Refused("must be a date between " + EARLIEST + " and " + LATEST);
        }
        return date;
    }
}
