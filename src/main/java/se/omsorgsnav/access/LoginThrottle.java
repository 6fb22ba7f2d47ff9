package se.omsorgsnav.access;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows password and PIN guessing (ASVS 6.3, fault 10), counted in the database so that every
 * node sees one count. Per user: after a number of failures the user is refused for a while,
 * whether or not the password is right. Per client address: after (more) failures from one
 * address, every attempt from it is refused for a while, so that one password sprayed over many
 * user names is slowed too. A password is a password wherever it is typed: login and the check
 * before a new PIN count together. A PIN attempt is counted before the PIN is compared, so that
 * parallel attempts cannot pass the limit together. Counts are written in a transaction of their
 * own: the caller's rollback must not forgive a failure.
 */
@Component
class LoginThrottle {

    /** Which secret is guessed. */
    enum Secret { PASSWORD, PIN }

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final Clock clock;
    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration lockout;

    LoginThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
                  @Value("${omsorgsnav.login.max-failures}") int maxFailures,
                  @Value("${omsorgsnav.login.max-failures-per-address:20}") int maxFailuresPerAddress,
                  @Value("${omsorgsnav.login.lockout}") Duration lockout) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.lockout = lockout;
    }

    /** Before a password is compared: refused while the user name or this client address is locked out. */
    void check(String username) {
        // One query for both counts: HTTP Basic asks this on every API call.
        String user = userKey(Secret.PASSWORD, username);
        String address = addressKey(Secret.PASSWORD);
        boolean locked = jdbc.sql("""
                        select count(*) from login_throttle
                        where last_failure_at > ? and ((throttle_key = ? and failures >= ?) or (throttle_key = ? and failures >= ?))
                        """)
                .params(now().minus(lockout), user, maxFailures, address, maxFailuresPerAddress).query(Long.class).single() > 0;
        if (locked) {
            throw new LockedException("throttled");
        }
    }

    /** A wrong password, for the user name and the client address. */
    void failed(String username) {
        count(userKey(Secret.PASSWORD, username));
        count(addressKey(Secret.PASSWORD));
    }

    /**
     * Before a PIN is compared: counts the attempt for the user first, then answers whether it may
     * be made at all. False past the limit, or while this address is locked out.
     */
    boolean pinAttempt(UUID userId) {
        if (locked(addressKey(Secret.PIN), maxFailuresPerAddress)) {
            return false;
        }
        return count(userKey(Secret.PIN, userId.toString())) <= maxFailures;
    }

    /** A wrong PIN: the user's attempt is already counted; the address's is counted now. */
    void pinFailed() {
        count(addressKey(Secret.PIN));
    }

    /** The right PIN: the user's attempts start over. */
    void pinConfirmed(UUID userId) {
        forget(userKey(Secret.PIN, userId.toString()));
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        failed(event.getAuthentication().getName());
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        forget(userKey(Secret.PASSWORD, event.getAuthentication().getName()));
    }

    private boolean locked(String key, int max) {
        OffsetDateTime since = now().minus(lockout);
        return jdbc.sql("select count(*) from login_throttle where throttle_key = ? and failures >= ? and last_failure_at > ?")
                .params(key, max, since).query(Long.class).single() > 0;
    }

    /** One more failure under this key, a failure older than the lockout starting the count over; the new count. */
    private int count(String key) {
        try {
            return own.execute(tx -> increment(key));
        } catch (DuplicateKeyException raced) {
            // Another request inserted the first failure meanwhile: it is there to increment now.
            return own.execute(tx -> increment(key));
        }
    }

    private int increment(String key) {
        OffsetDateTime now = now();
        int updated = jdbc.sql("""
                        update login_throttle set failures = case when last_failure_at <= ? then 1 else failures + 1 end, last_failure_at = ?
                        where throttle_key = ?
                        """)
                .params(now.minus(lockout), now, key).update();
        if (updated == 0) {
            jdbc.sql("insert into login_throttle (throttle_key, failures, last_failure_at) values (?, 1, ?)").params(key, now).update();
            return 1;
        }
        // The row is locked by the update until this transaction ends: the count read is this attempt's.
        return jdbc.sql("select failures from login_throttle where throttle_key = ?").param(key).query(Integer.class).single();
    }

    private void forget(String key) {
        own.executeWithoutResult(tx -> jdbc.sql("delete from login_throttle where throttle_key = ?").param(key).update());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String userKey(Secret secret, String user) {
        String name = user == null ? "" : user.strip().toLowerCase(Locale.ROOT);
        // A user name typed into the login form can be of any length; the key holds enough of it.
        return secret.name().toLowerCase(Locale.ROOT) + ":user:" + (name.length() > 200 ? name.substring(0, 200) : name);
    }

    private static String addressKey(Secret secret) {
        String address = CurrentUsers.clientAddress();
        return secret.name().toLowerCase(Locale.ROOT) + ":address:" + (address == null ? "none" : address.length() > 100 ? address.substring(0, 100) : address);
    }
}
