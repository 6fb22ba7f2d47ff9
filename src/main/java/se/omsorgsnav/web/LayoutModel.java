package se.omsorgsnav.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;

/** What every page needs: who is logged in, and the zone times are shown in. */
@ControllerAdvice
class LayoutModel {

    private final CurrentUsers users;
    private final java.time.Clock clock;

    LayoutModel(CurrentUsers users, java.time.Clock clock) {
        this.users = users;
        this.clock = clock;
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
