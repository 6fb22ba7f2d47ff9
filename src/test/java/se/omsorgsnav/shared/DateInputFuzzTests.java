package se.omsorgsnav.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Fuzzes the parsing of a date typed in a form or sent in the API (placement decisions, offers,
 * answers, move-ins, respite bookings, vacancies, a date of death). The normal test run replays the
 * corpus in {@code src/test/resources/se/omsorgsnav/shared/DateInputFuzzTestsInputs/}; see
 * docs/security-scan.md for fuzzing for real.
 */
class DateInputFuzzTests {

    /**
     * Any text is either a date written the way the form asks (four-digit year, month, day: so
     * one the database can store and that reads back as typed) or refused with the field's own
     * Swedish message, which never repeats the input. Nothing else is ever thrown.
     */
    @FuzzTest(maxDuration = "2m")
    void anyTextIsADateAsTypedOrRefusedWithASwedishMessage(byte[] data) {
        String input = new String(data, StandardCharsets.UTF_8);
        LocalDate date;
        try {
            date = DateInput.required("offeredOn", "Datum för erbjudandet", input);
        } catch (InvalidInputException refused) {
            assertThat(refused.field()).isEqualTo("offeredOn");
            assertThat(refused.getMessage()).isIn("Datum för erbjudandet måste anges.",
                    "Datum för erbjudandet ska vara ett datum, till exempel 2026-12-01.");
            return;
        }
        assertThat(date.getYear()).isBetween(1, 9999);
        assertThat(date.toString()).isEqualTo(input.strip());
        assertThat(DateInput.required("offeredOn", "Datum för erbjudandet", date.toString())).isEqualTo(date);
    }
}
