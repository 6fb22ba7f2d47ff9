package se.omsorgsnav.placement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * The managers' trends of nursing-home placement over a period of whole months (UX-3): counts and
 * days only, never a person or a case. The current month is measured up to {@code asOf}.
 *
 * @param home the nursing home the vacant days are shown for; null for all homes
 * @param ownHomeOnly true for a home's unit manager, who sees the vacant days of their own home only
 */
public record PlacementStatisticsView(int months, YearMonth firstMonth, LocalDate asOf, UUID home, String homeName, boolean ownHomeOnly,
                                      List<QueueLength> queue, List<WaitingTime> waitingTimes, List<VacantDays> vacantDays,
                                      List<HomeVacantDays> homes) {

    /** Persons with a signed decision who have not moved in, at the end of the month (on {@code asOf} for the current month). */
    public record QueueLength(YearMonth month, LocalDate measuredOn, int persons) {}

    /**
     * Days from the decision to the person's first offer, for first offers made in the month, and from
     * the decision to the move-in, for move-ins in the month: how many, the median and the 90th
     * percentile (interpolated). The days are null in a month with none.
     */
    public record WaitingTime(YearMonth month, int firstOffers, Double offerMedianDays, Double offerP90Days, int moveIns,
                              Double moveInMedianDays, Double moveInP90Days) {}

    /** Apartment-days in the month on which an apartment was ready to move into and stood empty. */
    public record VacantDays(YearMonth month, long days) {}

    /** A nursing home's vacant apartment-days over the whole period. */
    public record HomeVacantDays(UUID id, String name, long days) {}
}
