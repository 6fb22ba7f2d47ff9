package se.omsorgsnav.shared;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Which days the municipality's offices work: Monday to Friday, except Swedish public holidays and
 * the eves that are de-facto days off (midsommarafton, julafton, nyårsafton). Jollyday lists the
 * eves together with the statutory days, which is what this calendar needs; a rule that must tell
 * them apart (a deadline counted in statutory days) keeps its own set.
 */
@Component
public class WorkingDayCalendar {

    private final HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN));
    private final Map<Integer, Set<LocalDate>> daysOffByYear = new ConcurrentHashMap<>();

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
            return false;
        }
        return !daysOff(day.getYear()).contains(day);
    }

    /** The last working day strictly before {@code day}. */
    public LocalDate previousWorkingDay(LocalDate day) {
        LocalDate d = day.minusDays(1);
        while (!isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** The first working day strictly after {@code day}. */
    public LocalDate nextWorkingDay(LocalDate day) {
        LocalDate d = day.plusDays(1);
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    private Set<LocalDate> daysOff(int year) {
        return daysOffByYear.computeIfAbsent(year, y -> holidays.getHolidays(Year.of(y)).stream()
                .map(Holiday::getDate)
                .collect(Collectors.toUnmodifiableSet()));
    }
}
