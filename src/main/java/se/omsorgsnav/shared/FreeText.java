package se.omsorgsnav.shared;

/** Free text typed by a user: trimmed, bounded, without control characters, or a Swedish error. */
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
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(field, label + " får vara högst " + max + " tecken.");
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, label + " innehåller otillåtna tecken.");
        }
        return v;
    }
}
