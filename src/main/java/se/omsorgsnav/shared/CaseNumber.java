package se.omsorgsnav.shared;

import java.util.regex.Pattern;

/**
 * The number of a case ("ärendenummer"): the safe handle for a protected person (002 §2.2).
 * It is built from the year and a sequence, never from any part of a personnummer.
 */
public record CaseNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("AO-\\d{4}-\\d{5,9}");

    public CaseNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidInputException("caseNumber", "Ärendenumret har fel format. Det ska se ut som AO-2026-01001.");
        }
    }

    public static CaseNumber of(int year, long sequence) {
        return new CaseNumber("AO-%04d-%05d".formatted(year, sequence));
    }

    public static CaseNumber parse(String input) {
        return new CaseNumber(input == null ? null : input.trim().toUpperCase());
    }

    @Override
    public String toString() {
        return value;
    }
}
