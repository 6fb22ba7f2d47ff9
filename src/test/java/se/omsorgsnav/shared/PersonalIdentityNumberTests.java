package se.omsorgsnav.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Test numbers only. The valid personnummer are from Skatteverket's published list of test
 * personnummer (src/test/resources/skatteverket-testpersonnummer.csv, see TestPins). That list
 * holds no samordningsnummer: those (day + 60) come from the personnummer organisation's shared
 * test data (personnummer/meta, testdata/list.json), and 701063-2391 is Skatteverket's own
 * example. A 10-digit number counts in both centuries (TestPinsTests reads it so): the century
 * cases use listed numbers whose other reading is no one's (in the future, or before 1830), all
 * but "born today" (see there). The rest are invalid on purpose (check digit, date, future,
 * format), so no one's number.
 */
class PersonalIdentityNumberTests {

    /** Fixed, so that the century of 10-digit numbers and "the future" never depend on the clock. */
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    private static final String FORMAT =
            "Ange personnummer med 10 eller 12 siffror, t.ex. ÅÅÅÅMMDD-NNNN.";
    private static final String CHECK_DIGIT =
            "Personnumret är inte giltigt: kontrollsiffran stämmer inte.";
    private static final String DATE = "Personnumret är inte giltigt: datumet finns inte.";
    private static final String FUTURE = "Personnumret kan inte ligga i framtiden.";
    private static final String BIRTH_NUMBER =
            "Personnumret är inte giltigt: födelsenumret kan inte vara 000.";
    private static final String INTERIM =
            "Interimsnummer (med bokstav bland de fyra sista tecknen) stöds inte. "
                    + "Ange personnummer eller samordningsnummer.";

    @ParameterizedTest(name = "{0}")
    @DisplayName("Personnummer: valid numbers are accepted in every spelling (10/12 digits, -, + or none)")
    @CsvSource(textBlock = """
            # input,       canonical,    birth date, samordningsnummer
            19570413-3106, 195704133106, 1957-04-13, false
            195704133106,  195704133106, 1957-04-13, false
            570413-3106,   195704133106, 1957-04-13, false
            5704133106,    195704133106, 1957-04-13, false
            19460119-8882, 194601198882, 1946-01-19, false
            460119-8882,   194601198882, 1946-01-19, false
            # (the 10-digit form of a 2000s number is the leap day's below: read in 1900, any other date's may be someone's)
            20000405-2387, 200004052387, 2000-04-05, false
            # 100 years or older: '+' in the 10-digit form; ignored in the 12-digit form
            19090121+9816, 190901219816, 1909-01-21, false
            19090121-9816, 190901219816, 1909-01-21, false
            090121+9816,   190901219816, 1909-01-21, false
            19090527+9816, 190905279816, 1909-05-27, false
            090527+9816,   190905279816, 1909-05-27, false
            # samordningsnummer: day + 60
            19730288-9931, 197302889931, 1973-02-28, true
            730288-9931,   197302889931, 1973-02-28, true
            7302889931,    197302889931, 1973-02-28, true
            20210791-9967, 202107919967, 2021-07-31, true
            210791-9967,   202107919967, 2021-07-31, true
            # Skatteverket's own samordningsnummer example (man born 1970-10-03)
            701063-2391,   197010632391, 1970-10-03, true
            # leap days
            20000229-2399, 200002292399, 2000-02-29, false
            000229-2399,   200002292399, 2000-02-29, false
            0002292399,    200002292399, 2000-02-29, false
            960229-2386,   199602292386, 1996-02-29, false
            20000289-9987, 200002899987, 2000-02-29, true
            """)
    void acceptsValidNumbers(String input, String canonical, LocalDate birthDate, boolean coordination) {
        PersonalIdentityNumber number = parse(input);

        assertThat(number.canonical()).isEqualTo(canonical);
        assertThat(number.birthDate()).isEqualTo(birthDate);
        assertThat(number.coordinationNumber()).isEqualTo(coordination);
        assertThat(number.birthNumber()).isEqualTo(canonical.substring(8, 11));
        assertThat(number.checkDigit()).isEqualTo(canonical.charAt(11));
        assertThat(PersonalIdentityNumber.isValid(input, TODAY)).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("Personnummer: the century of a 10-digit number follows the birth year and the separator, "
            + "as in the personnummer libraries and Skatteverket's rule")
    @CsvSource(textBlock = """
            # born today: the one possible real person's number here that is not on the list (TestPinsTests allows it):
            # the list has no one born after 2024, and none of its numbers is listed in both centuries (this one in 1926).
            261204-9029, 2026-12-04
            2612049029,  2026-12-04
            # turns 100 today
            261204+9029, 1926-12-04
            # turns 100 later this year: written with '+' from 1 January of that year
            261223+9232, 1926-12-23
            # turns 99 this year
            270108-9167, 1927-01-08
            270108+9167, 1827-01-08
            000229-2399, 2000-02-29
            990101-2386, 1999-01-01
            # the 12-digit form needs no separator rule
            19261223-9232, 1926-12-23
            192612239232,  1926-12-23
            """)
    void resolvesTheCentury(String input, LocalDate birthDate) {
        assertThat(parse(input).birthDate()).isEqualTo(birthDate);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("Personnummer: invalid numbers are rejected with a Swedish message that does not repeat the input")
    @CsvSource(textBlock = """
            # wrong check digit
            19570413-3107,  CHECK_DIGIT
            570413-3100,    CHECK_DIGIT
            19700428-9895,  CHECK_DIGIT
            19730288-9932,  CHECK_DIGIT
            # birth number 000 is never issued (Luhn is right here)
            20150916-0006,  BIRTH_NUMBER
            150916-0006,    BIRTH_NUMBER
            # no such date
            19000229-9980,  DATE
            000229+9980,    DATE
            19970229-9984,  DATE
            19970289-9981,  DATE
            19570001-9986,  DATE
            19571301-9981,  DATE
            19570400-9983,  DATE
            19570431-9986,  DATE
            19570460-9980,  DATE
            19570492-9982,  DATE
            # in the future: '-' in 2026 means 2026, never 1926
            261223-9232,    FUTURE
            2612239232,     FUTURE
            20261223-9232,  FUTURE
            20300101-9987,  FUTURE
            # wrong length, separator or characters
            5704289,        FORMAT
            570428999,      FORMAT
            57041331069,    FORMAT
            1957041331069,  FORMAT
            570428-999,     FORMAT
            19570413--3106, FORMAT
            570413/3106,    FORMAT
            570413 3106,    FORMAT
            19090527 9816,  FORMAT
            1957-04-13-3106, FORMAT
            +5704133106,    FORMAT
            57O413-3106,    FORMAT
            abcdefghij,     FORMAT
            ５７０４２８-９９９９, FORMAT
            20000101-A220,  FORMAT
            # interim numbers (spec v3.1 of the personnummer libraries) are not supported
            000101-T220,    INTERIM
            20000101T220,   INTERIM
            20000101-X220,  INTERIM
            """)
    void rejectsInvalidNumbers(String input, String expected) {
        InvalidInputException e = parseFailure(input);

        assertThat(e.getMessage()).isEqualTo(message(expected));
        assertThat(e.getMessage()).doesNotContain(input).doesNotContain(input.substring(0, 6));
        assertThat(PersonalIdentityNumber.isValid(input, TODAY)).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @DisplayName("Personnummer: missing input (null, empty, whitespace only) is rejected")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\t", "\n", " \r\n "})
    void rejectsMissingInput(String input) {
        assertThat(parseFailure(input).getMessage()).isEqualTo(FORMAT);
        assertThat(PersonalIdentityNumber.isValid(input, TODAY)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("Personnummer: about 10 kB of input is rejected without echoing it")
    @MethodSource("hugeInputs")
    void rejectsHugeInput(String description, String input) {
        InvalidInputException e = parseFailure(input);

        assertThat(e.getMessage()).isEqualTo(FORMAT);
        assertThat(e.getMessage().length()).isLessThan(100);
    }

    static Stream<Arguments> hugeInputs() {
        return Stream.of(
                Arguments.of("10 240 digits", "1".repeat(10_240)),
                Arguments.of("a valid number repeated", "19570413-3106".repeat(800)));
    }

    @Test
    @DisplayName("Personnummer: errors name the field personalIdentityNumber")
    void errorsNameTheField() {
        assertThat(parseFailure("19570413-3107").field()).isEqualTo("personalIdentityNumber");
        assertThat(parseFailure("").field()).isEqualTo("personalIdentityNumber");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @DisplayName("Personnummer: surrounding whitespace is ignored")
    @ValueSource(strings = {" 19570413-3106", "19570413-3106 ", "\t570413-3106\n", "  5704133106  "})
    void trimsWhitespace(String input) {
        assertThat(parse(input)).isEqualTo(parse("195704133106"));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("Personnummer: different spellings of the same number give equal records and the same canonical form")
    @MethodSource("spellingsOfTheSameNumber")
    void spellingsAreEqual(List<String> spellings) {
        PersonalIdentityNumber first = parse(spellings.get(0));

        for (String spelling : spellings) {
            PersonalIdentityNumber other = parse(spelling);
            assertThat(other).isEqualTo(first).hasSameHashCodeAs(first);
            assertThat(other.canonical()).isEqualTo(first.canonical());
        }
    }

    static Stream<List<String>> spellingsOfTheSameNumber() {
        return Stream.of(
                List.of("19570413-3106", "195704133106", "570413-3106", "5704133106", " 570413-3106 "),
                List.of("19090121+9816", "19090121-9816", "190901219816", "090121+9816"),
                List.of("19730288-9931", "197302889931", "730288-9931", "7302889931"));
    }

    @Test
    @DisplayName("Personnummer: formatted() is YYYYMMDD-NNNN, keeps day + 60 for a samordningsnummer "
            + "and needs no '+' for 100-year-olds")
    void formats() {
        assertThat(parse("570413-3106").formatted()).isEqualTo("19570413-3106");
        assertThat(parse("730288-9931").formatted()).isEqualTo("19730288-9931");
        assertThat(parse("090121+9816").formatted()).isEqualTo("19090121-9816");
    }

    @Test
    @DisplayName("Personnummer: canonical() is 12 digits without separator")
    void canonicalForm() {
        assertThat(parse("090121+9816").canonical()).isEqualTo("190901219816");
        assertThat(parse("701063-2391").canonical()).isEqualTo("197010632391");
    }

    @Test
    @DisplayName("Personnummer: birthYear() is the four-digit year of the real birth date")
    void birthYear() {
        assertThat(parse("090121+9816").birthYear()).isEqualTo(1909);
        assertThat(parse("210791-9967").birthYear()).isEqualTo(2021);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("Personnummer: the masked form shows only the birth year")
    @CsvSource({
        "19570413-3106, 1957XXXX-XXXX",
        "090121+9816,   1909XXXX-XXXX",
        "730288-9931,   1973XXXX-XXXX",
        "20000229-2399, 2000XXXX-XXXX"
    })
    void masks(String input, String masked) {
        assertThat(parse(input).masked()).isEqualTo(masked);
    }

    @Test
    @DisplayName("Personnummer: toString(), string concatenation and formatting never leak the full number")
    void toStringDoesNotLeak() {
        PersonalIdentityNumber number = parse("19570413-3106");

        assertThat(number.toString()).isEqualTo("1957XXXX-XXXX");
        assertThat("person " + number).isEqualTo("person 1957XXXX-XXXX");
        assertThat(String.format("%s", number)).isEqualTo("1957XXXX-XXXX");
        assertThat(List.of(number).toString()).isEqualTo("[1957XXXX-XXXX]");
        assertThat(number.toString()).doesNotContain("0413").doesNotContain("3106");
    }

    @Test
    @DisplayName("Personnummer: the record constructor accepts a valid number and gives the same value as parsing")
    void constructorAcceptsValidNumbers() {
        assertThat(new PersonalIdentityNumber(LocalDate.of(1957, 4, 13), "310", '6', false))
                .isEqualTo(parse("570413-3106"));
        assertThat(new PersonalIdentityNumber(LocalDate.of(1973, 2, 28), "993", '1', true).canonical())
                .isEqualTo("197302889931");
    }

    @Test
    @DisplayName("Personnummer: the record constructor rejects an invalid number, so none can exist")
    void constructorRejectsInvalidNumbers() {
        LocalDate date = LocalDate.of(1957, 4, 13);

        assertThat(constructionFailure(date, "310", '7', false).getMessage()).isEqualTo(CHECK_DIGIT);
        // The check digit covers day + 60, so the same digits cannot also be a samordningsnummer.
        assertThat(constructionFailure(date, "310", '6', true).getMessage()).isEqualTo(CHECK_DIGIT);
        assertThat(constructionFailure(date, "310", 'x', false).getMessage()).isEqualTo(CHECK_DIGIT);
        assertThat(constructionFailure(LocalDate.of(2015, 9, 16), "000", '6', false).getMessage())
                .isEqualTo(BIRTH_NUMBER);
        assertThat(constructionFailure(date, "99", '9', false).getMessage()).isEqualTo(FORMAT);
        assertThat(constructionFailure(date, "9999", '9', false).getMessage()).isEqualTo(FORMAT);
        assertThat(constructionFailure(date, "9a9", '9', false).getMessage()).isEqualTo(FORMAT);
        assertThat(constructionFailure(LocalDate.of(10_000, 1, 1), "999", '9', false).getMessage())
                .isEqualTo(DATE);
        assertThatNullPointerException()
                .isThrownBy(() -> new PersonalIdentityNumber(null, "999", '9', false));
        assertThatNullPointerException()
                .isThrownBy(() -> new PersonalIdentityNumber(date, null, '9', false));
    }

    private static PersonalIdentityNumber parse(String input) {
        return PersonalIdentityNumber.parse(input, TODAY);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Gäller 19420310-9147", "gäller 194203109147 igen", "420310-9147 saknade larm", "420310 9147", "(19420310+9147)"})
    @DisplayName("Personnummer: one in free text is found in each of its usual spellings")
    void foundInText(String text) {
        assertThat(PersonalIdentityNumber.appearsIn(text)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Larm 1234 kl 0345, rum 12", "telefon 031-123 45 67", "19420310-9146", "ärende AO-2026-01001", "1942031091470", ""})
    @DisplayName("Personnummer: ordinary numbers, a wrong check digit and longer digit runs are not taken for a personnummer")
    void notFoundInText(String text) {
        assertThat(PersonalIdentityNumber.appearsIn(text)).isFalse();
        assertThat(PersonalIdentityNumber.appearsIn(null)).isFalse();
    }

    private static InvalidInputException parseFailure(String input) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> parse(input));
        assertThat(e).as("parsing should fail").isNotNull();
        return e;
    }

    private static InvalidInputException constructionFailure(
            LocalDate birthDate, String birthNumber, char checkDigit, boolean coordination) {
        InvalidInputException e = catchThrowableOfType(
                InvalidInputException.class,
                () -> new PersonalIdentityNumber(birthDate, birthNumber, checkDigit, coordination));
        assertThat(e).as("construction should fail").isNotNull();
        return e;
    }

    private static String message(String key) {
        return switch (key) {
            case "FORMAT" -> FORMAT;
            case "CHECK_DIGIT" -> CHECK_DIGIT;
            case "DATE" -> DATE;
            case "FUTURE" -> FUTURE;
            case "BIRTH_NUMBER" -> BIRTH_NUMBER;
            case "INTERIM" -> INTERIM;
            default -> throw new IllegalArgumentException(key);
        };
    }
}
