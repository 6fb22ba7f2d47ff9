package se.omsorgsnav.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.AuthorizationRequests;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.casework.Cases;
import se.omsorgsnav.casework.FollowUps;
import se.omsorgsnav.messaging.Inbox;
import se.omsorgsnav.messaging.UnreadReminders;
import se.omsorgsnav.placement.Apartments;
import se.omsorgsnav.placement.CaseOfficerReminders;
import se.omsorgsnav.placement.PlacementTasks;

/**
 * Each role starts on its own work list (UX-2): the newest messages with the unread count
 * (MSG-6), group messages left unread past one working day for whoever answers for the group,
 * the unit, the user's cases and the unit's cases, the authorisation orders (unit managers and
 * LVS), the placement routine's tasks with their deadlines, and — until their issues land — marked
 * places for billing and alarms.
 */
@Controller
class StartController {

    private static final int START_PAGE_MESSAGES = 5;

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

    @GetMapping("/")
    String start(Model model) {
        CurrentUser me = users.current();
        boolean handler = access.has(StartPageAction.OWN_CASES, Target.NONE);
        model.addAttribute("myCases", handler ? cases.mine() : List.of());
        model.addAttribute("showMyCases", handler);
        model.addAttribute("unitCases", cases.ofMyUnit());
        model.addAttribute("role", me.role().name());
        model.addAttribute("openRequests", access.has(StartPageAction.OPEN_AUTHORIZATION_ORDERS, Target.NONE) ? requests.openCount() : 0);
        model.addAttribute("followUps", access.has(StartPageAction.UNIT_FOLLOW_UPS, Target.NONE) ? followUps.ofMyUnit() : List.of());
        model.addAttribute("inbox", inbox.page(null, START_PAGE_MESSAGES));
        model.addAttribute("unreadReminders", reminders.mine());
        model.addAttribute("moveIns", handler ? moveIns.mine() : List.of());
        model.addAttribute("placementTasks", placementTasks.mine());
        model.addAttribute("managesHome", access.has(StartPageAction.MANAGED_HOME, Target.NONE) && apartments.managesAHome());
        model.addAttribute("worksAtHome", access.has(StartPageAction.HOME_STAFF, Target.NONE) && apartments.worksAtAHome());
        return "start";
    }
}
