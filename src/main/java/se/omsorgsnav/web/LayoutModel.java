package se.omsorgsnav.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import se.omsorgsnav.access.AccessAction;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.AuditLogAction;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.Target;

/** What every page needs: who is logged in, and the zone times are shown in. */
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

    /** The menu offers the log review and the access workflow only to whom the catalogue lets in. */
    @ModelAttribute("mayReviewLog")
    boolean mayReviewLog() {
        return access.has(AuditLogAction.AUDIT_REVIEW_OPENED, Target.NONE);
    }

    @ModelAttribute("mayAdministerAccess")
    boolean mayAdministerAccess() {
        return access.has(AccessAction.AUTHORIZATION_REQUEST_LIST, Target.NONE);
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
