package se.omsorgsnav.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import se.omsorgsnav.access.AccessAction;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.AuditLogAction;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.casework.CaseworkAction;
import se.omsorgsnav.person.PersonAction;

/** What every page needs: who is logged in, the menu they may follow, and the zone times are shown in. */
@ControllerAdvice
class LayoutModel {

    private final CurrentUsers users;
    private final AccessControl access;
    private final java.time.Clock clock;

    LayoutModel(CurrentUsers users, AccessControl access, java.time.Clock clock) {
        this.users = users;
        this.access = access;
        this.clock = clock;
    }

    /**
     * The menu's links that depend on access (issue 14 §1: pages show only permitted buttons),
     * each decided by the same action its page requires, so a link is shown exactly when
     * following it is allowed. The rules are a role and one's own unit: no query, once a request.
     */
    record Nav(boolean unattachedDeviations, boolean registerPerson, boolean authorizations, boolean auditReviews) {
        static final Nav NONE = new Nav(false, false, false, false);
    }

    @ModelAttribute("nav")
    Nav nav() {
        CurrentUser me = users.find().orElse(null);
        if (me == null) {
            return Nav.NONE;
        }
        return new Nav(access.has(CaseworkAction.UNATTACHED_DEVIATIONS, Target.unit(me.unitId())),
                access.has(PersonAction.REGISTER_PERSON, Target.NONE),
                access.has(AccessAction.AUTHORIZATION_REQUEST_LIST, Target.NONE),
                access.has(AuditLogAction.AUDIT_REVIEW_LIST, Target.NONE));
    }

    /** The time zone pages show times in (the municipality's, from the clock). */
    @ModelAttribute("zone")
    java.time.ZoneId zone() {
        return clock.getZone();
    }

    @ModelAttribute("me")
    CurrentUser me() {
        return users.find().orElse(null);
    }
}
