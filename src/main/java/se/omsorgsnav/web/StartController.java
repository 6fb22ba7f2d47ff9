package se.omsorgsnav.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import se.omsorgsnav.access.AccessAction;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.AuthorizationRequests;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.casework.Cases;
import se.omsorgsnav.casework.FollowUps;
import se.omsorgsnav.messaging.Inbox;
import se.omsorgsnav.messaging.MessageType;
import se.omsorgsnav.messaging.UnreadReminders;
import se.omsorgsnav.placement.Apartments;
import se.omsorgsnav.placement.CaseOfficerReminders;
import se.omsorgsnav.placement.PlacementAction;
import se.omsorgsnav.placement.PlacementTasks;

/**
 * Each role starts on its own work list (UX-2): the newest messages with the unread count
 * (MSG-6), group messages left unread past one working day for whoever answers for the group,
 * the unit, the user's cases and the unit's cases, the authorisation orders (unit managers and
 * LVS), the placement routine's tasks with their deadlines, the fee officers' unread move-ins,
 * deaths, move-outs and fee information, and the alarm operators' unread assignments.
 */
@Controller
class StartController {

    private static final int START_PAGE_MESSAGES = 5;
    private static final int WORK_LIST_MESSAGES = 20;
    /** What reaches a fee officer to act on (MSG-4, BIL-7). */
    private static final Set<MessageType> FEE_WORK = EnumSet.of(MessageType.MOVE_IN, MessageType.DEATH_OR_MOVE_OUT, MessageType.FEE_INFORMATION);
    /** The send list the alarm centre receives its assignments on (MSG-2; seed 002 §9). */
    static final String ALARM_ASSIGNMENT_GROUP = "Trygghetsjouren uppdragsmottagare";

    private final Cases cases;
    private final CurrentUsers users;
    private final AccessControl access;
    private final AuthorizationRequests requests;
    private final FollowUps followUps;
    private final Inbox inbox;
    private final UnreadReminders reminders;
    private final Apartments apartments;
    private final CaseOfficerReminders moveIns;
    private final PlacementTasks placementTasks;

    StartController(Cases cases, CurrentUsers users, AccessControl access, AuthorizationRequests requests, FollowUps followUps, Inbox inbox,
                    UnreadReminders reminders, Apartments apartments, CaseOfficerReminders moveIns, PlacementTasks placementTasks) {
        this.moveIns = moveIns;
        this.placementTasks = placementTasks;
        this.apartments = apartments;
        this.inbox = inbox;
        this.reminders = reminders;
        this.followUps = followUps;
        this.cases = cases;
        this.users = users;
        this.access = access;
        this.requests = requests;
    }

    /** The authorisation work list, and whether one orders there (a unit manager) rather than decides. */
    record OrderLinks(boolean workList, boolean orderForm) {}

    /**
     * The placement pages the start page links to, each by the action its page requires, so a link
     * is shown exactly when following it is allowed (issue 14 §1).
     */
    record PlacementLinks(boolean signDecision, boolean home, boolean homeOffers, boolean agreedOffers, boolean queue, boolean matching,
                          boolean respite, boolean statistics) {

        static PlacementLinks of(Set<PlacementAction> anywhere, Set<PlacementAction> atMyHome) {
            return new PlacementLinks(anywhere.contains(PlacementAction.SIGN_DECISION),
                    atMyHome.contains(PlacementAction.MANAGE_HOME),
                    atMyHome.contains(PlacementAction.WORK_HOME_ALLOCATIONS),
                    !atMyHome.contains(PlacementAction.WORK_HOME_ALLOCATIONS) && anywhere.contains(PlacementAction.WORK_AGREED_OFFERS),
                    anywhere.contains(PlacementAction.VIEW_QUEUE) && anywhere.contains(PlacementAction.VIEW_OVERDUE_OFFERS),
                    anywhere.contains(PlacementAction.VIEW_VACANT_APARTMENTS) && anywhere.contains(PlacementAction.VIEW_QUEUE),
                    anywhere.contains(PlacementAction.VIEW_RESPITE_BOOKINGS) || atMyHome.contains(PlacementAction.VIEW_HOME_RESPITE_BOOKINGS),
                    anywhere.contains(PlacementAction.VIEW_STATISTICS) || atMyHome.contains(PlacementAction.VIEW_HOME_STATISTICS));
        }

        /** The card is shown when it has a link. */
        public boolean any() {
            return home || homeOffers || agreedOffers || queue || matching || respite || statistics;
        }
    }

    @GetMapping("/")
    String start(Model model) {
        CurrentUser me = users.current();
        Set<StartPageAction> lists = access.permitted(StartPageAction.class, Target.NONE);
        boolean handler = lists.contains(StartPageAction.OWN_CASES);
        model.addAttribute("lists", lists.stream().map(Enum::name).collect(Collectors.toSet()));
        model.addAttribute("myCases", handler ? cases.mine() : List.of());
        model.addAttribute("showMyCases", handler);
        model.addAttribute("unitCases", cases.ofMyUnit());
        model.addAttribute("openRequests", lists.contains(StartPageAction.OPEN_AUTHORIZATION_ORDERS) ? requests.openCount() : 0);
        model.addAttribute("followUps", lists.contains(StartPageAction.UNIT_FOLLOW_UPS) ? followUps.ofMyUnit() : List.of());
        model.addAttribute("inbox", inbox.page(null, START_PAGE_MESSAGES));
        model.addAttribute("unreadReminders", reminders.mine());
        model.addAttribute("moveIns", handler ? moveIns.mine() : List.of());
        model.addAttribute("placementTasks", placementTasks.mine());
        model.addAttribute("feeWork", lists.contains(StartPageAction.FEE_MESSAGES) ? inbox.unreadOfTypes(FEE_WORK, WORK_LIST_MESSAGES) : List.of());
        model.addAttribute("assignments", lists.contains(StartPageAction.ALARM_ASSIGNMENTS)
                ? inbox.unreadViaSystemGroup(ALARM_ASSIGNMENT_GROUP, WORK_LIST_MESSAGES) : List.of());
        Set<AccessAction> orders = access.permitted(AccessAction.class, Target.NONE);
        model.addAttribute("orders", new OrderLinks(orders.contains(AccessAction.AUTHORIZATION_REQUEST_LIST),
                orders.contains(AccessAction.AUTHORIZATION_ORDER_FORM)));
        // "Own unit" in placement is the home one works at: a unit that is no nursing home gives a target no such rule lets through.
        Target home = Target.unit(apartments.worksAtAHome() ? me.unitId() : null);
        model.addAttribute("placement", PlacementLinks.of(access.permitted(PlacementAction.class, Target.NONE),
                access.permitted(PlacementAction.class, home)));
        return "start";
    }
}
