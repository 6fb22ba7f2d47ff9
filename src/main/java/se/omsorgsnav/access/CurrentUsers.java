package se.omsorgsnav.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import se.omsorgsnav.audit.AuditActor;
import se.omsorgsnav.audit.CurrentActor;

/** Who is logged in on this request, and where they come from. */
@Component
public class CurrentUsers implements CurrentActor {

    /** The logged-in user; {@link AccessDenied} when nobody is (fail closed). */
    public CurrentUser current() {
        return find().orElseThrow(AccessDenied::new);
    }

    /** The logged-in user, if anyone is logged in (for the page layout). */
    public java.util.Optional<CurrentUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffIdentity principal) {
            return java.util.Optional.of(principal.user());
        }
        return java.util.Optional.empty();
    }

    /** The user as the audit log records them, with the client address of this request. */
    @Override
    public AuditActor actor() {
        return current().auditActor(clientAddress());
    }

    static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
