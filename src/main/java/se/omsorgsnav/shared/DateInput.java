package se.omsorgsnav.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** A date typed in a form or sent in the API (ISO, 2026-12-01), or a Swedish error naming the field. */
public final class DateInput {

    /** Four-digit years only: Java also reads "+10000-01-01" and "-999999999-01-01", which no one means and neither the
     *  database nor the holiday calendar takes (found by DateInputFuzzTests; the working-days API answered 500). */
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private DateInput() {}

    public static LocalDate required(String field, String label, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, label + " måste anges.");
        }
        try {
            return iso(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, label + " ska vara ett datum, till exempel 2026-12-01.");
        }
    }

    /** YYYY-MM-DD with a year from 0001 to 9999, surrounding whitespace ignored; anything else throws DateTimeParseException. */
    public static LocalDate iso(String value) {
        String v = value.strip();
        if (!ISO.matcher(v).matches() || v.startsWith("0000")) {
            throw new DateTimeParseException("Not a date YYYY-MM-DD with a year 0001-9999", v, 0);
        }
        return LocalDate.parse(v);
    }
}
