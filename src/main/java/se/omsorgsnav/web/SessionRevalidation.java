package se.omsorgsnav.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import se.omsorgsnav.access.StaffSessions;

/**
 * Fault 13: a disabled user, or one whose role was changed (to fee officer, say), loses the
 * browser session at the next request, not at its expiry. Not a bean, so that the servlet
 * container does not run it outside the security chain.
 */
final class SessionRevalidation extends OncePerRequestFilter {

    private final StaffSessions sessions;

    SessionRevalidation(StaffSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!sessions.stillValid(SecurityContextHolder.getContext().getAuthentication())) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }
}
