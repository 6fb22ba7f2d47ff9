package se.omsorgsnav.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after a number of failed logins for one user name, further attempts
 * are refused for a while, whether or not the password is right (ASVS 6.3). Kept per node in
 * memory: with several nodes an attacker gets that many times the attempts, still few.
 */
@Component
class LoginThrottle {

    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(@Value("${omsorgsnav.login.max-failures}") int maxFailures,
                  @Value("${omsorgsnav.login.lockout}") Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    private record Failures(int count, Instant last) {}

    void check(String username) {
        Failures f = failures.get(key(username));
        if (f != null && f.count() >= maxFailures && f.last().plus(lockout).isAfter(clock.instant())) {
            throw new LockedException("throttled");
        }
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        Instant now = clock.instant();
        failures.merge(key(event.getAuthentication().getName()), new Failures(1, now),
                (old, one) -> old.last().plus(lockout).isBefore(now) ? one : new Failures(old.count() + 1, now));
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        failures.remove(key(event.getAuthentication().getName()));
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase();
    }
}
