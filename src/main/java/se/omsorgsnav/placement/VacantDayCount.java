package se.omsorgsnav.placement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Vacant apartment-days per home and month: each vacancy counts from the day the apartment is ready
 * up to (not including) the next move-in, or through today while it stands empty. Two reports for
 * one apartment before its next move-in (a move-out, then a renovation) overlap; their days are
 * counted once.
 */
final class VacantDayCount {

    private final Map<UUID, long[]> byHome = new HashMap<>();
    private final long[] total;

    private VacantDayCount(int months) {
        this.total = new long[months];
    }

    static VacantDayCount of(List<StatisticsQueries.VacancySpan> spans, YearMonth first, int months, LocalDate today) {
        VacantDayCount count = new VacantDayCount(months);
        LocalDate from = first.atDay(1);
        LocalDate until = today.plusDays(1);
        Map<UUID, List<StatisticsQueries.VacancySpan>> byApartment = new HashMap<>();
        for (StatisticsQueries.VacancySpan s : spans) {
            byApartment.computeIfAbsent(s.apartmentId(), k -> new ArrayList<>()).add(s);
        }
        for (List<StatisticsQueries.VacancySpan> apartment : byApartment.values()) {
            apartment.sort(Comparator.comparing(StatisticsQueries.VacancySpan::readyOn));
            LocalDate countedTo = from;
            for (StatisticsQueries.VacancySpan s : apartment) {
                LocalDate start = max(s.readyOn(), countedTo);
                LocalDate end = s.movedInOn() == null || s.movedInOn().isAfter(until) ? until : s.movedInOn();
                if (start.isBefore(end)) {
                    count.add(s.homeId(), start, end, first);
                    countedTo = end;
                }
            }
        }
        return count;
    }

    /** Adds the days [start, end) month by month. */
    private void add(UUID home, LocalDate start, LocalDate end, YearMonth first) {
        long[] days = byHome.computeIfAbsent(home, k -> new long[total.length]);
        LocalDate day = start;
        while (day.isBefore(end)) {
            YearMonth month = YearMonth.from(day);
            LocalDate next = min(month.plusMonths(1).atDay(1), end);
            int i = (int) ChronoUnit.MONTHS.between(first, month);
            long n = ChronoUnit.DAYS.between(day, next);
            days[i] += n;
            total[i] += n;
            day = next;
        }
    }

    long[] total() {
        return total;
    }

    long[] ofHome(UUID home) {
        return byHome.getOrDefault(home, new long[total.length]);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
