package se.omsorgsnav.access;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * A browser session keeps its login between requests; the staff register may have changed since
 * (fault 13). Asked on every request, with one indexed query: a session whose user is gone, is
 * disabled, or now has another role, unit or grant right than at login is no longer valid — the
 * user logs in again and gets what the register says today.
 */
@Component
public class StaffSessions {

    private final StaffUserDetailsService staff;

    StaffSessions(StaffUserDetailsService staff) {
        this.staff = staff;
    }

    /** Does the register still say what the session says? A principal that is not our staff is not ours to judge. */
    public boolean stillValid(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof StaffIdentity identity)) {
            return true;
        }
        CurrentUser then = identity.user();
        return staff.find(then.username())
                .filter(StaffPrincipal::isEnabled)
                .map(now -> now.user().equals(then))
                .orElse(false);
    }
}
