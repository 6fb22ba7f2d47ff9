package se.omsorgsnav.placement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import java.util.UUID;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.shared.WorkingDayCalendar;

/**
 * Each role's placement work on its start page (UX-2), with the deadlines the routine sets: the
 * offer-maker's offers to make and answers to record (one working day), the home's vacancy report
 * after a tenant's death (next working day), the admin assistant's executions (next working day
 * after the move-in), the coordinators' offers past their answer day. Case numbers only.
 */
@Component
public class PlacementTasks {

    /** The start page shows the most urgent; the full lists are on the placement pages. */
    static final int SHOWN = 50;

    private final Offers offers;
    private final Tenancies tenancies;
    private final Apartments apartments;
    private final AccessControl access;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    PlacementTasks(Offers offers, Tenancies tenancies, Apartments apartments, AccessControl access, WorkingDayCalendar calendar, Clock clock) {
        this.offers = offers;
        this.tenancies = tenancies;
        this.apartments = apartments;
        this.access = access;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Mine, the most urgent first; an empty list for roles outside the routine. Built from the
     * placement lists, which already withhold a protected person's apartment and dates from whoever
     * lacks an authorisation for her case and audit every row they show (issue 14, fault 4).
     */
    @Transactional
    public List<PlacementTask> mine() {
        LocalDate today = LocalDate.now(clock);
        List<PlacementTask> tasks = new ArrayList<>();
        UUID myHome = apartments.myHome();
        boolean homeManager = access.has(PlacementAction.MANAGE_HOME, Target.unit(myHome));
        boolean offerMaker = access.has(PlacementAction.WORK_HOME_ALLOCATIONS, Target.unit(myHome))
                || access.has(PlacementAction.WORK_AGREED_OFFERS, Target.NONE);
        if (offerMaker) {
            for (Offers.WorkedAllocation a : offers.mine()) {
                String apartment = a.apartment() == null ? "lägenheten" : "lägenhet " + a.apartment();
                if (a.mayOffer() && a.status() == AllocationStatus.ALLOCATED) {
                    tasks.add(new PlacementTask(a.caseNumber(), "Erbjud " + apartment + " och registrera erbjudandet", null, false,
                            "/placement/offers"));
                } else if (a.mayOffer() && a.status() == AllocationStatus.OFFERED) {
                    tasks.add(new PlacementTask(a.caseNumber(), "Registrera svaret på erbjudandet om " + apartment, a.answerDueOn(),
                            a.overdue(), "/placement/offers"));
                } else if (a.mayExecute() && a.moveInOn() != null) {
                    LocalDate due = calendar.nextWorkingDay(a.moveInOn());
                    tasks.add(new PlacementTask(a.caseNumber(), "Verkställ beslutet (inflyttning " + a.moveInOn() + ")", due, today.isAfter(due),
                            "/placement/offers"));
                }
            }
        }
        if (homeManager) {
            for (Tenant t : tenancies.ofMyHome()) {
                if (t.diedOn() != null) {
                    tasks.add(new PlacementTask(t.caseNumber(), "Hyresgästen har avlidit: rapportera lägenhet " + t.apartment() + " ledig",
                            t.reportDueOn(), t.overdue(), "/placement/home"));
                }
            }
        }
        if (access.has(PlacementAction.FOLLOW_UP_OVERDUE_OFFERS, Target.NONE)) {
            for (Offers.OverdueOffer o : offers.overdue()) {
                tasks.add(new PlacementTask(o.caseNumber(), "Erbjudandet är inte besvarat: följ upp med boendet", o.answerDueOn(), true,
                        "/placement/queue"));
            }
        }
        tasks.sort(Comparator.comparing(PlacementTask::dueOn, Comparator.nullsLast(Comparator.naturalOrder())));
        return tasks.size() > SHOWN ? List.copyOf(tasks.subList(0, SHOWN)) : tasks;
    }
}
