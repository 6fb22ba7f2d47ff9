package se.omsorgsnav.placement;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.shared.InvalidInputException;

/**
 * The managers' trends of placement (UX-3): the queue at each month's end, the waiting times from
 * decision to first offer and to move-in, and the apartment-days that stood ready but empty, per
 * month. The placement coordinators and the operations lead see every home, a nursing home's unit
 * manager the vacant days of their own home (the queue and the waiting times are the
 * municipality's, shared by all). Counts only, so no gate and no audit of who looked; a role with
 * no business in placement is refused, and the refusal recorded, as on the other placement pages.
 * <p>
 * A period's series are computed at most every {@code omsorgsnav.placement.statistics-refresh}
 * (five minutes) and kept for whoever asks for the same period and home the same day: the history
 * behind them does not change by the minute, and the queries read years of it. The access check
 * runs on every request, before the kept answer is handed out.
 */
@Component
public class PlacementStatistics {

    /** The periods a manager can choose, in months: one year, two, five and ten. */
    public static final List<Integer> PERIODS = List.of(12, 24, 60, 120);

    private final StatisticsQueries queries;
    private final Apartments apartments;
    private final AccessControl access;
    private final Clock clock;
    private final Cache<Key, PlacementStatisticsView> computed;

    private record Key(int months, UUID shown, UUID ownHome, LocalDate today) {}

    PlacementStatistics(StatisticsQueries queries, Apartments apartments, AccessControl access, Clock clock,
                        @Value("${omsorgsnav.placement.statistics-refresh:5m}") Duration refresh) {
        this.queries = queries;
        this.apartments = apartments;
        this.access = access;
        this.clock = clock;
        this.computed = Caffeine.newBuilder().expireAfterWrite(refresh).maximumSize(1_000).build();
    }

    /**
     * The last {@code months} whole months up to today, with the vacant days of one home ({@code home}
     * null for all of them; a unit manager always gets their own).
     */
    @Transactional(readOnly = true)
    public PlacementStatisticsView over(int months, UUID home) {
        UUID ownHome = null;
        if (!access.has(PlacementAction.VIEW_STATISTICS, Target.NONE)) {
            // A home's unit manager sees their own home; anyone else is refused, the refusal recorded.
            ownHome = apartments.requireHomeManager(PlacementAction.VIEW_HOME_STATISTICS);
        }
        if (!PERIODS.contains(months)) {
            throw new InvalidInputException("months", "Välj period: 12, 24, 60 eller 120 månader.");
        }
        LocalDate today = LocalDate.now(clock);
        YearMonth first = YearMonth.from(today).minusMonths(months - 1L);
        LocalDate from = first.atDay(1);

        List<StatisticsQueries.Home> homes = queries.homes(ownHome);
        UUID shown = ownHome != null ? ownHome : home;
        String shownName = null;
        if (shown != null) {
            shownName = homes.stream().filter(h -> h.id().equals(shown)).map(StatisticsQueries.Home::name).findFirst()
                    .orElseThrow(() -> new InvalidInputException("home", "Välj ett av kommunens vård- och omsorgsboenden."));
        }
        UUID own = ownHome;
        String name = shownName;
        return computed.get(new Key(months, shown, ownHome, today), k -> compute(months, first, from, today, own, shown, name, homes));
    }

    private PlacementStatisticsView compute(int months, YearMonth first, LocalDate from, LocalDate today, UUID ownHome, UUID shown,
                                            String shownName, List<StatisticsQueries.Home> homes) {
        VacantDayCount vacant = VacantDayCount.of(queries.vacancySpans(from, today, ownHome), first, months, today);
        List<PlacementStatisticsView.VacantDays> vacantDays = new ArrayList<>();
        long[] series = shown == null ? vacant.total() : vacant.ofHome(shown);
        for (int i = 0; i < months; i++) {
            vacantDays.add(new PlacementStatisticsView.VacantDays(first.plusMonths(i), series[i]));
        }
        List<PlacementStatisticsView.HomeVacantDays> perHome = homes.stream()
                .map(h -> new PlacementStatisticsView.HomeVacantDays(h.id(), h.name(), sum(vacant.ofHome(h.id())))).toList();
        return new PlacementStatisticsView(months, first, today, shown, shownName, ownHome != null, queue(first, months, from, today),
                waitingTimes(first, months, from, today), vacantDays, perHome);
    }

    private List<PlacementStatisticsView.QueueLength> queue(YearMonth first, int months, LocalDate from, LocalDate today) {
        List<StatisticsQueries.QueueFlow> flows = queries.queueFlows(from, today);
        List<PlacementStatisticsView.QueueLength> queue = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            YearMonth month = first.plusMonths(i);
            int number = number(month);
            int persons = 0;
            for (StatisticsQueries.QueueFlow f : flows) {
                // In the queue at the month's end: decided by then, and not moved in by then.
                if (f.decidedMonth() <= number && (f.movedInMonth() == null || f.movedInMonth() > number)) {
                    persons += f.decisions();
                }
            }
            LocalDate end = month.atEndOfMonth();
            queue.add(new PlacementStatisticsView.QueueLength(month, end.isAfter(today) ? today : end, persons));
        }
        return queue;
    }

    private List<PlacementStatisticsView.WaitingTime> waitingTimes(YearMonth first, int months, LocalDate from, LocalDate today) {
        Map<String, StatisticsQueries.Waiting> byMonth = new HashMap<>();
        for (StatisticsQueries.Waiting w : queries.waitingTimes(from, today)) {
            byMonth.put(w.kind() + w.month(), w);
        }
        List<PlacementStatisticsView.WaitingTime> times = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            YearMonth month = first.plusMonths(i);
            StatisticsQueries.Waiting offer = byMonth.get("OFFER" + number(month));
            StatisticsQueries.Waiting moveIn = byMonth.get("MOVE_IN" + number(month));
            times.add(new PlacementStatisticsView.WaitingTime(month, offer == null ? 0 : offer.count(), offer == null ? null : offer.median(),
                    offer == null ? null : offer.p90(), moveIn == null ? 0 : moveIn.count(), moveIn == null ? null : moveIn.median(),
                    moveIn == null ? null : moveIn.p90()));
        }
        return times;
    }

    /** The month's number as the SQL computes it: year * 12 + month - 1. */
    static int number(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    private static long sum(long[] days) {
        long sum = 0;
        for (long d : days) {
            sum += d;
        }
        return sum;
    }
}
