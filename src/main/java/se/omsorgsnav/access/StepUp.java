package se.omsorgsnav.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import se.omsorgsnav.audit.AuditAction;
import se.omsorgsnav.audit.AuditEntry;
import se.omsorgsnav.audit.AuditLog;
import se.omsorgsnav.audit.AuditOutcome;
import se.omsorgsnav.shared.InvalidInputException;

/**
 * Step-up before a protected person is shown in full (PROT-10, 002 §2.5: "en säkerhetsruta som
 * efterfrågar lösenord"): the user confirms with a personal PIN, valid for a short, configurable
 * time, bound to the session. API calls with HTTP Basic carry the password on every request and
 * count as confirmed; a bearer token carries no password, so it counts only if its
 * {@code auth_time} (the login at the identity provider) lies within the same window. Without a
 * request there is no confirmation: it fails closed.
 */
@Component
public class StepUp {

    public static final String SESSION_ATTRIBUTE = "omsorgsnav.stepUpAt";
    static final String TOO_MANY = "För många felaktiga försök. Vänta en stund och försök igen.";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration validity;
    private final OidcStaff oidc;
    /** Access control asks this whether the PIN was confirmed, and this asks it to record a wrong PIN: hence a provider. */
    private final ObjectProvider<AccessControl> access;
    private final LoginThrottle throttle;

    StepUp(JdbcClient jdbc, PasswordEncoder passwords, CurrentUsers users, AuditLog audit, Clock clock, OidcStaff oidc,
           ObjectProvider<AccessControl> access, LoginThrottle throttle,
           @Value("${omsorgsnav.access.step-up-validity:15m}") Duration validity) {
        this.access = access;
        this.throttle = throttle;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.validity = validity;
        this.oidc = oidc;
    }

    /** Has the current user confirmed recently enough on this session? */
    public boolean satisfied() {
        HttpServletRequest request = request();
        if (request == null) {
            return false;
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            Object authentication = SecurityContextHolder.getContext().getAuthentication();
            // HTTP Basic carried the password on this very request; a bearer token must show a recent login.
            return OidcStaff.isBearer(authentication) ? oidc.recentlyAuthenticated(authentication, validity) : true;
        }
        HttpSession session = request.getSession(false);
        Object at = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        return at instanceof Instant instant && !instant.plus(validity).isBefore(clock.instant());
    }

    public boolean hasPin() {
        return jdbc.sql("select pin_hash from app_user where id = ?").param(users.current().id()).query(String.class).optional().isPresent();
    }

    /** Confirms with the PIN; audited either way. After five wrong PINs the user waits (the throttle's lockout), on every node. */
    @Transactional
    public void confirm(String pin) {
        CurrentUser me = users.current();
        HttpSession session = request() == null ? null : request().getSession(true);
        if (session == null) {
            // No request, no session to bind the confirmation to: denied like anything absent.
            access.getObject().require(AccessAction.STEP_UP, java.util.Optional.empty());
        }
        String hash = jdbc.sql("select pin_hash from app_user where id = ?").param(me.id()).query(String.class).optional().orElse(null);
        if (hash == null) {
            throw new InvalidInputException("pin", "Du har ingen PIN-kod ännu. Skapa en under Min PIN-kod.");
        }
        // Counted in the database before the PIN is compared (fault 10): the same limit on every node and for parallel attempts.
        if (!throttle.pinAttempt(me.id())) {
            throw new InvalidInputException("pin", TOO_MANY);
        }
        if (pin == null || !passwords.matches(pin.strip(), hash)) {
            throttle.pinFailed();
            access.getObject().recordRefusal(AccessAction.STEP_UP, Target.NONE);
            throw new InvalidInputException("pin", "Fel PIN-kod.");
        }
        throttle.pinConfirmed(me.id());
        session.setAttribute(SESSION_ATTRIBUTE, clock.instant());
        audit.record(users.actor(), new AuditEntry(null, null, AuditAction.VIEW, "STEP_UP", AuditOutcome.ALLOWED));
    }

    /** The user sets their own PIN, proving who they are with the password; stored hashed. */
    @Transactional
    public void setPin(String password, String newPin) {
        CurrentUser me = users.current();
        String passwordHash = jdbc.sql("select password_hash from app_user where id = ?").param(me.id()).query(String.class).single();
        // The password typed here counts with those typed at login (fault 10): a session is no way round the throttle.
        try {
            throttle.check(me.username());
        } catch (org.springframework.security.authentication.LockedException e) {
            throw new InvalidInputException("password", TOO_MANY);
        }
        if (password == null || !passwords.matches(password, passwordHash)) {
            throttle.failed(me.username());
            access.getObject().recordRefusal(AccessAction.PIN, Target.NONE);
            throw new InvalidInputException("password", "Fel lösenord.");
        }
        String pin = newPin == null ? "" : newPin.strip();
        if (!pin.matches("\\d{6,12}")) {
            throw new InvalidInputException("pin", "PIN-koden ska vara 6–12 siffror.");
        }
        if (pin.chars().distinct().count() == 1 || "0123456789".contains(pin) || "9876543210".contains(pin)) {
            throw new InvalidInputException("pin", "Välj en PIN-kod som inte är samma siffra eller en talföljd.");
        }
        jdbc.sql("update app_user set pin_hash = ? where id = ?").params(passwords.encode(pin), me.id()).update();
        audit.record(users.actor(), new AuditEntry(null, null, AuditAction.UPDATE, "PIN", AuditOutcome.ALLOWED));
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes ? attributes.getRequest() : null;
    }
}
