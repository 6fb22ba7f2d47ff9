package se.omsorgsnav.support;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import se.omsorgsnav.access.StepUp;

/**
 * Runs module-level code as a logged-in user, the way a request would: with a request and a
 * session in which the user has confirmed with the PIN (PROT-10), unless asked not to.
 */
public final class AsUser implements AutoCloseable {

    private AsUser() {}

    public static AsUser login(UserDetailsService users, String username) {
        return login(users, username, true);
    }

    public static AsUser withoutStepUp(UserDetailsService users, String username) {
        return login(users, username, false);
    }

    private static AsUser login(UserDetailsService users, String username, boolean steppedUp) {
        UserDetails details = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        if (steppedUp) {
            request.getSession(true).setAttribute(StepUp.SESSION_ATTRIBUTE, TestClock.NOW);
        }
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        return new AsUser();
    }

    @Override
    public void close() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }
}
