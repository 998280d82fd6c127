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
