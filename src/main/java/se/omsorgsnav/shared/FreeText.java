package se.omsorgsnav.shared;

/**
 * Free text typed by a user: trimmed, bounded, without control characters, or a Swedish error. A
 * text area's text keeps its line breaks ({@code ...Lines}); a one-line field has none.
 */
public final class FreeText {

    private FreeText() {}

    public static String required(String field, String label, String value, int max) {
        String v = optional(field, label, value, max);
        if (v == null) {
            throw new InvalidInputException(field, label + " måste anges.");
        }
        return v;
    }

    /** Null for blank input. */
    public static String optional(String field, String label, String value, int max) {
        return checked(field, label, value, max, false);
    }

    /** A text from a text area: as {@link #required}, but line breaks and tabs are kept (a browser's CR LF becomes LF). */
    public static String requiredLines(String field, String label, String value, int max) {
        String v = optionalLines(field, label, value, max);
        if (v == null) {
            throw new InvalidInputException(field, label + " måste anges.");
        }
        return v;
    }

    /** A text from a text area, null for blank input; line breaks and tabs kept. */
    public static String optionalLines(String field, String label, String value, int max) {
        return checked(field, label, value == null ? null : value.replace("\r\n", "\n").replace('\r', '\n'), max, true);
    }

    private static String checked(String field, String label, String value, int max, boolean lines) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(field, label + " får vara högst " + max + " tecken.");
        }
        if (v.chars().anyMatch(c -> Character.isISOControl(c) && !(lines && (c == '\n' || c == '\t')))) {
            throw new InvalidInputException(field, label + " innehåller otillåtna tecken.");
        }
        return v;
    }
}
