package se.omsorgsnav.support;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Runs module-level code as a logged-in user, the way a request would. */
public final class AsUser implements AutoCloseable {

    private AsUser() {}

    public static AsUser login(UserDetailsService users, String username) {
        UserDetails details = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        return new AsUser();
    }

    @Override
    public void close() {
        SecurityContextHolder.clearContext();
    }
}
