package se.omsorgsnav.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * PLC-13: the calendar against an independent list. The weekday days off of each year are
 * written out by hand from the Swedish holiday rules (Easter from the almanac; Ascension 39 days
 * after Easter; Midsummer Eve the Friday before the Saturday 20–26 June; the three eves as days off
 * as Swedish employers treat them), not computed by the library under test.
 */
class WorkingDayCalendarTests {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar();

    /** Weekday non-working days per year. */
    private static final Map<Integer, Set<String>> WEEKDAYS_OFF = Map.of(
            2025, Set.of("01-01", "01-06", "04-18", "04-21", "05-01", "05-29", "06-06", "06-20", "12-24", "12-25", "12-26", "12-31"),
            2026, Set.of("01-01", "01-06", "04-03", "04-06", "05-01", "05-14", "06-19", "12-24", "12-25", "12-31"),
            2027, Set.of("01-01", "01-06", "03-26", "03-29", "05-06", "06-25", "12-24", "12-31"),
            2028, Set.of("01-06", "04-14", "04-17", "05-01", "05-25", "06-06", "06-23", "12-25", "12-26"));

    @Test
    @DisplayName("PLC-13: the weekdays off of 2025–2028 are exactly the Swedish public holidays and the three eves")
    void weekdaysOffMatchTheIndependentList() {
        WEEKDAYS_OFF.forEach((year, expected) -> {
            Set<String> actual = new TreeSet<>();
            for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                boolean weekday = d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
                if (weekday && !calendar.isWorkingDay(d)) {
                    actual.add(String.format("%02d-%02d", d.getMonthValue(), d.getDayOfMonth()));
                }
            }
            assertThat(actual).as("weekdays off in %d", year).containsExactlyInAnyOrderElementsOf(expected);
        });
    }

    @Test
    @DisplayName("PLC-13: the next working day skips weekends, Easter, Midsummer, Christmas and New Year")
    void nextWorkingDay() {
        assertThat(calendar.nextWorkingDay(LocalDate.of(2026, 4, 2))).as("Maundy Thursday → after Easter Monday").isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(calendar.nextWorkingDay(LocalDate.of(2026, 6, 18))).as("before Midsummer Eve").isEqualTo(LocalDate.of(2026, 6, 22));
        assertThat(calendar.nextWorkingDay(LocalDate.of(2026, 12, 23))).as("before Christmas").isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(calendar.nextWorkingDay(LocalDate.of(2026, 12, 30))).as("before New Year").isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(calendar.nextWorkingDay(LocalDate.of(2027, 1, 5))).as("before Epiphany").isEqualTo(LocalDate.of(2027, 1, 7));
        assertThat(calendar.previousWorkingDay(LocalDate.of(2026, 12, 28))).isEqualTo(LocalDate.of(2026, 12, 23));
    }
}
