package se.omsorgsnav.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Swedish personnummer or samordningsnummer. An instance is always valid (real date, correct
 * check digit), so code holding one never has to validate again.
 *
 * <p>The parsing rules follow the personnummer organisation's libraries ({@code personnummer/js},
 * {@code personnummer/java}) and their shared test data ({@code personnummer/meta},
 * {@code testdata/list.json}):
 *
 * <ul>
 *   <li>10 or 12 digits, with an optional {@code -} or {@code +} before the last four.
 *   <li>For the 10-digit form the century is chosen from the birth <em>year</em> alone, not the
 *       full date: {@code -} (or nothing) means born within the last 99 calendar years,
 *       {@code +} means born in or before the year of {@code today} minus 100. This is also
 *       Skatteverket's rule: the separator changes to {@code +} at the start of the year the
 *       person turns 100. So on
 *       2026-11-22 {@code 261123-NNNN} is 2026-11-23 (and so rejected as a future date), not
 *       1926-11-23, which is written {@code 261123+NNNN} all through 2026.
 *   <li>For the 12-digit form the separator carries no information and is ignored, so
 *       {@code 19090527+9816} is accepted as the libraries do.
 *   <li>Birth number {@code 000} is never issued and is rejected.
 *   <li>A day of 61–91 marks a samordningsnummer (real day plus 60).
 * </ul>
 *
 * <p>Deliberate differences from the libraries: surrounding whitespace is trimmed, a birth date
 * after {@code today} is rejected (the libraries accept it), and interim numbers (a letter such as
 * {@code T} in the birth number) are rejected with their own message rather than offered as an
 * option.
 *
 * <p>Error messages never repeat the input, and {@link #toString()} only shows the birth year: a
 * full number must not end up in logs or error responses by accident (PROT-3, AUD-5).
 *
 * @param birthDate the real birth date, also for a samordningsnummer (whose day part is this day
 *     plus 60)
 * @param birthNumber the three-digit födelsenummer / individnummer
 * @param checkDigit the Luhn check digit
 * @param coordinationNumber whether this is a samordningsnummer
 */
public record PersonalIdentityNumber(
        LocalDate birthDate, String birthNumber, char checkDigit, boolean coordinationNumber) {

    private static final String FIELD = "personalIdentityNumber";

    static final String WRONG_FORMAT =
            "Ange personnummer med 10 eller 12 siffror, t.ex. ÅÅÅÅMMDD-NNNN.";
    static final String INTERIM_NOT_SUPPORTED =
            "Interimsnummer (med bokstav bland de fyra sista tecknen) stöds inte. "
                    + "Ange personnummer eller samordningsnummer.";
    static final String NO_SUCH_DATE = "Personnumret är inte giltigt: datumet finns inte.";
    static final String BIRTH_NUMBER_000 =
            "Personnumret är inte giltigt: födelsenumret kan inte vara 000.";
    static final String WRONG_CHECK_DIGIT =
            "Personnumret är inte giltigt: kontrollsiffran stämmer inte.";
    static final String IN_THE_FUTURE = "Personnumret kan inte ligga i framtiden.";

    /** Groups: century, year, month, day, separator, birth number, check digit. */
    private static final Pattern FORMAT =
            Pattern.compile("(\\d{2})?(\\d{2})(\\d{2})(\\d{2})([-+]?)(\\d{3})(\\d)");

    /** The interim letters of the personnummer spec v3.1, so we can say why such a number fails. */
    private static final Pattern INTERIM =
            Pattern.compile("(\\d{2})?\\d{6}[-+]?[TRSUWXJKLMN]\\d{3}", Pattern.CASE_INSENSITIVE);

    /**
     * Candidates in free text, each checked as a number: twelve or ten digits as people write them,
     * the date's parts run together or split by a space, dot or dash ("1942 03 14", "42.03.14"),
     * the last four after an optional {@code -}, {@code +}, en dash or dot with spaces around it.
     */
    private static final String PART_SEPARATOR = "[ .\\-\u2013]?";
    private static final String LAST_FOUR = "\\s{0,2}[-+\u2013.]?\\s{0,2}\\d{4}(?!\\d)";
    private static final Pattern TWELVE_LIKE = Pattern.compile("(?<!\\d)\\d{2}" + PART_SEPARATOR + "\\d{2}" + PART_SEPARATOR + "\\d{2}"
            + PART_SEPARATOR + "\\d{2}" + LAST_FOUR);
    private static final Pattern TEN_LIKE = Pattern.compile("(?<!\\d)\\d{2}" + PART_SEPARATOR + "\\d{2}" + PART_SEPARATOR + "\\d{2}" + LAST_FOUR);

    /** The length of "YYYYMMDD-NNNN"; checked first so that huge inputs fail cheaply. */
    private static final int MAX_LENGTH = 13;

    private static final int COORDINATION_DAY_OFFSET = 60;

    public PersonalIdentityNumber {
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(birthNumber, "birthNumber");
        // canonical() must always be exactly 12 digits.
        if (birthDate.getYear() < 0 || birthDate.getYear() > 9999) {
            throw invalid(NO_SUCH_DATE);
        }
        if (!birthNumber.matches("\\d{3}")) {
            throw invalid(WRONG_FORMAT);
        }
        if (birthNumber.equals("000")) {
            throw invalid(BIRTH_NUMBER_000);
        }
        if (checkDigit != luhn(birthDate, birthNumber, coordinationNumber)) {
            throw invalid(WRONG_CHECK_DIGIT);
        }
    }

    /**
     * Parses any accepted spelling. {@code today} decides the century of the 10-digit form and
     * which dates lie in the future; it is a parameter so that results do not depend on the clock.
     *
     * @throws InvalidInputException with a Swedish message that does not contain the input
     */
    public static PersonalIdentityNumber parse(String input, LocalDate today) {
        Objects.requireNonNull(today, "today");
        String value = input == null ? "" : input.strip();
        if (value.length() > MAX_LENGTH) {
            throw invalid(WRONG_FORMAT);
        }
        Matcher m = FORMAT.matcher(value);
        if (!m.matches()) {
            throw invalid(INTERIM.matcher(value).matches() ? INTERIM_NOT_SUPPORTED : WRONG_FORMAT);
        }

        int twoDigitYear = Integer.parseInt(m.group(2));
        int year = m.group(1) != null
                ? Integer.parseInt(m.group(1)) * 100 + twoDigitYear
                : fullYear(twoDigitYear, m.group(5).equals("+"), today);
        int month = Integer.parseInt(m.group(3));
        int day = Integer.parseInt(m.group(4));
        boolean coordination = day > COORDINATION_DAY_OFFSET;

        LocalDate birthDate;
        try {
            int realDay = coordination ? day - COORDINATION_DAY_OFFSET : day;
            birthDate = LocalDate.of(year, month, realDay);
        } catch (DateTimeException e) {
            throw invalid(NO_SUCH_DATE);
        }
        var number = new PersonalIdentityNumber(
                birthDate, m.group(6), m.group(7).charAt(0), coordination);
        if (birthDate.isAfter(today)) {
            throw invalid(IN_THE_FUTURE);
        }
        return number;
    }

    /** Reads a number as {@link #canonical()} stored it: 12 digits, already validated when written. */
    public static PersonalIdentityNumber fromCanonical(String canonical) {
        if (canonical == null || canonical.length() != 12) {
            throw invalid(WRONG_FORMAT);
        }
        return parse(canonical, LocalDate.MAX);
    }

    public static boolean isValid(String input, LocalDate today) {
        try {
            parse(input, today);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    /**
     * Whether free text holds a valid personnummer, written in any of its usual ways. Texts that
     * colleagues without authorisation read (a case's subject, an "ej person" deviation) must not
     * (AUD-5, 002 §2.2 "Skriv aldrig personnummer"); ordinary numbers such as telephone numbers
     * pass unless they happen to be a valid date with a correct check digit.
     */
    public static boolean appearsIn(String text) {
        if (text == null) {
            return false;
        }
        return appearsAs(TWELVE_LIKE, text) || appearsAs(TEN_LIKE, text);
    }

    /** Tries every start, not only where the previous candidate ended, so that a failed candidate cannot hide a real one. */
    private static boolean appearsAs(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        LocalDate anyDay = LocalDate.of(9999, 12, 31);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            String candidate = m.group();
            String digits = candidate.replaceAll("\\D", "");
            String head = candidate.substring(0, candidate.length() - 4);
            char sign = head.indexOf('+') >= 0 ? '+' : '-';
            if (isValid(digits.substring(0, digits.length() - 4) + sign + digits.substring(digits.length() - 4), anyDay)) {
                return true;
            }
            from = m.start() + 1;
        }
        return false;
    }

    /** "YYYYMMDD-NNNN"; a samordningsnummer keeps its day plus 60, as written on its documents. */
    public String formatted() {
        return writtenDate(birthDate, coordinationNumber) + "-" + birthNumber + checkDigit;
    }

    /** 12 digits without separator: one spelling per person, so it can be a database key. */
    public String canonical() {
        return writtenDate(birthDate, coordinationNumber) + birthNumber + checkDigit;
    }

    /** "YYYYXXXX-XXXX": enough for lists and logs without revealing who it is (PROT-3). */
    public String masked() {
        return writtenDate(birthDate, false).substring(0, 4) + "XXXX-XXXX";
    }

    public int birthYear() {
        return birthDate.getYear();
    }

    /** Masked, so that logging or string concatenation never leaks a full number (AUD-5). */
    @Override
    public String toString() {
        return masked();
    }

    /**
     * The century that puts the birth year within the last 99 years ({@code -}), or 100 years
     * further back ({@code +}); the same arithmetic as personnummer/js.
     */
    private static int fullYear(int twoDigitYear, boolean hundredOrOlder, LocalDate today) {
        int baseYear = today.getYear() - (hundredOrOlder ? 100 : 0);
        return baseYear - Math.floorMod(baseYear - twoDigitYear, 100);
    }

    /** YYYYMMDD as written in the number, so with the day plus 60 for a samordningsnummer. */
    private static String writtenDate(LocalDate birthDate, boolean coordination) {
        int day = birthDate.getDayOfMonth() + (coordination ? COORDINATION_DAY_OFFSET : 0);
        // Plain ASCII digits whatever the locale (the database key), and no Formatter: this runs on every lookup.
        int year = birthDate.getYear();
        int month = birthDate.getMonthValue();
        return new StringBuilder(8).append(year < 1000 ? "0" : "").append(year < 100 ? "0" : "").append(year < 10 ? "0" : "").append(year)
                .append(month < 10 ? "0" : "").append(month)
                .append(day < 10 ? "0" : "").append(day).toString();
    }

    /** The check digit covers the 10-digit form only (YYMMDDNNN), never the century. */
    private static char luhn(LocalDate birthDate, String birthNumber, boolean coordination) {
        String digits = writtenDate(birthDate, coordination).substring(2) + birthNumber;
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int value = (digits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += value > 9 ? value - 9 : value;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    private static InvalidInputException invalid(String swedishMessage) {
        return new InvalidInputException(FIELD, swedishMessage);
    }
}
