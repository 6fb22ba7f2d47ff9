package se.omsorgsnav.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import se.omsorgsnav.shared.DatabaseUnreachable;

/**
 * Login with a user name and password (the form and HTTP Basic): Spring's password check over the
 * staff register, with the two failures of the lookup told apart from an internal fault. Spring
 * wraps whatever the lookup throws in an {@link InternalAuthenticationServiceException}, which
 * form login logs as an error with its stack and every door answers like a wrong password (401,
 * "login failed"). Here the throttle's refusal (a {@link LockedException}) is a refusal again,
 * logged on one line; a database that does not answer is an {@link AuthenticationServiceException}
 * that keeps its cause, so the doors answer 503 ({@code DatabaseUnreachable}).
 */
@Component
class PasswordLogin implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(PasswordLogin.class);

    private final DaoAuthenticationProvider passwords;

    PasswordLogin(StaffUserDetailsService staff, PasswordEncoder encoder) {
        this.passwords = new DaoAuthenticationProvider(staff);
        this.passwords.setPasswordEncoder(encoder);
    }

    @Override
    public Authentication authenticate(Authentication login) throws AuthenticationException {
        try {
            return passwords.authenticate(login);
        } catch (InternalAuthenticationServiceException e) {
            if (e.getCause() instanceof LockedException throttled) {
                // Neither the user name nor the address: both are personal data (AUD-5).
                log.warn("Login refused: the user name or the client address is locked out after repeated failures");
                throw throttled;
            }
            if (DatabaseUnreachable.explains(e)) {
                throw new AuthenticationServiceException("database unreachable", e.getCause());
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
