package se.omsorgsnav.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.WorkingDayCalendar;

/**
 * One working-day calendar for the whole municipality (PLC-13): other systems and our own pages ask
 * here rather than keep their own list of Swedish holidays.
 */
@RestController
@Tag(name = "Kalender")
class CalendarApiController {

    static final int MAX_DAYS = 366;

    private final WorkingDayCalendar calendar;

    CalendarApiController(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    record WorkingDays(LocalDate from, LocalDate to, List<LocalDate> workingDays) {}

    @Operation(summary = "Arbetsdagar i en period",
            description = "Måndag–fredag utom svenska helgdagar samt midsommarafton, julafton och nyårsafton. Perioden räknas med "
                    + "båda ändarna och får vara högst " + MAX_DAYS + " dagar.")
    @GetMapping(path = "/api/v1/calendar/working-days", produces = MediaType.APPLICATION_JSON_VALUE)
    WorkingDays workingDays(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw new InvalidInputException("to", "Perioden slutar innan den börjar.");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new InvalidInputException("to", "Perioden får vara högst " + MAX_DAYS + " dagar.");
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                days.add(d);
            }
        }
        return new WorkingDays(first, last, days);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "Ange datum som ÅÅÅÅ-MM-DD.");
        }
        try {
            return se.omsorgsnav.shared.DateInput.iso(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "Ange datum som ÅÅÅÅ-MM-DD.");
        }
    }
}
