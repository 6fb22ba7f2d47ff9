package se.omsorgsnav.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;

/**
 * Fuzzes the personnummer parser, the door of every number a user or client types (search, intake,
 * registration, the API lookup). The normal test run replays the corpus in
 * {@code src/test/resources/se/omsorgsnav/shared/PersonalIdentityNumberFuzzTestsInputs/}; see
 * docs/security-scan.md for fuzzing for real.
 */
class PersonalIdentityNumberFuzzTests {

    /** Fixed, so that the century of 10-digit numbers and "the future" never depend on the clock. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static final Set<String> MESSAGES = Set.of(PersonalIdentityNumber.WRONG_FORMAT, PersonalIdentityNumber.INTERIM_NOT_SUPPORTED,
            PersonalIdentityNumber.NO_SUCH_DATE, PersonalIdentityNumber.BIRTH_NUMBER_000, PersonalIdentityNumber.WRONG_CHECK_DIGIT,
            PersonalIdentityNumber.IN_THE_FUTURE);

    /**
     * Any text either parses to a number that normalises to one spelling and reads back as itself,
     * or is refused with one of the parser's own Swedish messages, which never repeat the input.
     * Nothing else is ever thrown.
     */
    @FuzzTest(maxDuration = "2m")
    void anyTextIsAValidNumberOrRefusedWithASwedishMessage(byte[] data) {
        String input = new String(data, StandardCharsets.UTF_8);
        PersonalIdentityNumber number;
        try {
            number = PersonalIdentityNumber.parse(input, TODAY);
        } catch (InvalidInputException refused) {
            assertThat(refused.getMessage()).isIn(MESSAGES);
            assertThat(refused.field()).isEqualTo("personalIdentityNumber");
            assertThat(PersonalIdentityNumber.isValid(input, TODAY)).isFalse();
            return;
        }
        String canonical = number.canonical();
        assertThat(canonical).matches("\\d{12}");
        assertThat(number.formatted()).isEqualTo(canonical.substring(0, 8) + "-" + canonical.substring(8));
        assertThat(number.birthDate()).isBeforeOrEqualTo(TODAY);
        // What was typed, less separators, is the canonical form or its last ten digits.
        String digits = input.strip().replaceAll("[-+]", "");
        assertThat(canonical).endsWith(digits);
        // Every spelling it has reads back as the same number.
        assertThat(PersonalIdentityNumber.parse(canonical, TODAY)).isEqualTo(number);
        assertThat(PersonalIdentityNumber.parse(number.formatted(), TODAY)).isEqualTo(number);
        assertThat(PersonalIdentityNumber.fromCanonical(canonical)).isEqualTo(number);
        assertThat(PersonalIdentityNumber.isValid(input, TODAY)).isTrue();
        // Logs and string concatenation never carry the full number (AUD-5).
        assertThat(number.toString()).isEqualTo(number.masked()).isEqualTo(canonical.substring(0, 4) + "XXXX-XXXX");
        // The free-text guard finds it where a person would write it.
        assertThat(PersonalIdentityNumber.appearsIn("Gäller " + number.formatted() + ", se ärendet.")).isTrue();
    }

    /** The free-text guard (case subjects, file names, deviations) takes any text without throwing. */
    @FuzzTest(maxDuration = "2m")
    void anyFreeTextIsScannedWithoutFailing(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        boolean found = PersonalIdentityNumber.appearsIn(text);
        if (PersonalIdentityNumber.isValid(text, LocalDate.of(9999, 12, 31)) && text.strip().length() >= 12) {
            // A text that is nothing but a twelve-digit number is always found.
            assertThat(found).isTrue();
        }
    }
}
