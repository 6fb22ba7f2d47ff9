package se.omsorgsnav.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.omsorgsnav.shared.CaseNumber;
import se.omsorgsnav.shared.InvalidInputException;

/** MSG-5: the subject line never holds a personnummer; for a locked person it is the case number. */
class SubjectGuardTests {

    private static final CaseNumber CASE = new CaseNumber("AO-2026-01001");

    @ParameterizedTest(name = "refused: \"{0}\"")
    @ValueSource(strings = {
            // Astrid (test personnummer 19420310-9147) in every usual spelling
            "19420310-9147", "420310-9147", "4203109147", "19420310 9147", "19420310+9147", "194203109147",
            "420310 9147", "420310 - 9147", "420310  -  9147", "19420310 +9147", "420310.9147", "19420310.9147",
            "1942.03.10-9147", "1942-03-10-9147", "42-03-10-9147", "42 03 10-9147", "42.03.10-9147", "1942 03 10 9147",
            "420310\u20139147",
            // inside other words
            "Gäller 19420310-9147", "pnr:420310-9147", "(420310-9147)", "Flytt 420310-9147, rum 12", "Personnummer: 194203109147.",
            "Möte 2026-12-01 om 420310-9147", "AO-2026-01001 420310-9147",
            // Greta (19380508-9145), Karl (19290618-8798, also in the form with + that a number takes at 100)
            "19380508-9145", "3805089145", "380508-9145 inflyttning", "290618+8798", "192906188798",
            // a samordningsnummer: the day plus 60
            "19420370-9144", "420370-9144", "4203709144", "42 03 70 9144"})
    @DisplayName("Subject guard: a subject holding a personnummer or samordningsnummer, in any common spelling, is refused with a Swedish message that does not repeat it")
    void personnummerIsRefused(String subject) {
        assertThatThrownBy(() -> SubjectGuard.subject(subject, null, false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(SubjectGuard.NO_PERSONNUMMER)
                .hasMessageNotContaining("9147");
        assertThatThrownBy(() -> SubjectGuard.subject(subject, CASE, true)).as("also on a protected person's case")
                .hasMessage(SubjectGuard.NO_PERSONNUMMER);
    }

    @ParameterizedTest(name = "passes: \"{0}\"")
    @ValueSource(strings = {"AO-2026-01001", "Möte 2026-11-30", "möte 14/12", "Inflyttning Solgården rum 12", "Telefon 031-123 45 67",
            "Faktura 12345678", "Nyckel nr 4711 hämtad", "Vecka 48: 3 lediga lägenheter", "Hyra 6 500 kr från 2026-12-01", "Kl 14.30 i morgon",
            "Ärende AO-2026-01001 och AO-2026-01002", "Larm 1234 utlöste kl 0345"})
    @DisplayName("Subject guard: case numbers, dates, times and ordinary numbers pass as a subject")
    void harmlessSubjectsPass(String subject) {
        assertThat(SubjectGuard.subject(subject, null, false)).isEqualTo(subject);
    }

    @Test
    @DisplayName("Subject guard: for a protected person the subject is the case number: written by the system when left empty, accepted when typed, anything else refused")
    void protectedPersonGetsTheCaseNumber() {
        assertThat(SubjectGuard.subject(null, CASE, true)).isEqualTo("AO-2026-01001");
        assertThat(SubjectGuard.subject("  ", CASE, true)).isEqualTo("AO-2026-01001");
        assertThat(SubjectGuard.subject(" ao-2026-01001 ", CASE, true)).isEqualTo("AO-2026-01001");
        for (String typed : new String[] {"AO-2026-01001 Astrid", "Flytt", "AO-2026-01001 Centrum", "AO-2026-01002"}) {
            assertThatThrownBy(() -> SubjectGuard.subject(typed, CASE, true)).as(typed).hasMessage(SubjectGuard.CASE_NUMBER_ONLY);
        }
    }

    @Test
    @DisplayName("Subject guard: an ordinary case's message needs a subject of at most 200 characters")
    void ordinarySubjectIsRequired() {
        assertThatThrownBy(() -> SubjectGuard.subject(" ", CASE, false)).hasMessage("Ämnesraden måste anges.");
        assertThatThrownBy(() -> SubjectGuard.subject("x".repeat(201), CASE, false)).hasMessageContaining("högst 200");
    }
}
