package se.omsorgsnav.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A date typed in a form or sent in the API (ISO, 2026-12-01), or a Swedish error naming the field. */
public final class DateInput {

    private DateInput() {}

    public static LocalDate required(String field, String label, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, label + " måste anges.");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, label + " ska vara ett datum, till exempel 2026-12-01.");
        }
    }
}
