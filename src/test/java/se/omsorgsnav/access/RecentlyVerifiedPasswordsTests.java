package se.omsorgsnav.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The memory of matched passwords only saves work: it never answers differently than bcrypt would. */
class RecentlyVerifiedPasswordsTests {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final PasswordEncoder counted = new PasswordEncoder() {
        @Override public String encode(CharSequence raw) { return bcrypt.encode(raw); }
        @Override public boolean matches(CharSequence raw, String encoded) {
            bcryptChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final RecentlyVerifiedPasswords passwords = new RecentlyVerifiedPasswords(counted, Duration.ofSeconds(60), 100, nanos::get);

    @Test
    @DisplayName("Password check: a matching password is checked by bcrypt once within the window, and again after it")
    void rememberedWithinTheWindow() {
        String hash = passwords.encode("Omsorg2026!");
        assertThat(passwords.matches("Omsorg2026!", hash)).isTrue();
        assertThat(passwords.matches("Omsorg2026!", hash)).isTrue();
        assertThat(bcryptChecks).hasValue(1);

        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(passwords.matches("Omsorg2026!", hash)).isTrue();
        assertThat(bcryptChecks).hasValue(2);
    }

    @Test
    @DisplayName("Password check: a wrong password always costs the full bcrypt check, so guessing is not made faster")
    void wrongPasswordsAreNeverRemembered() {
        String hash = passwords.encode("Omsorg2026!");
        assertThat(passwords.matches("Omsorg2026!", hash)).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(passwords.matches("omsorg2026!", hash)).isFalse();
        }
        assertThat(bcryptChecks).hasValue(4);
    }

    @Test
    @DisplayName("Password check: after a password change the old password is refused at once, and the new one is checked afresh")
    void aNewHashIsNeverAnsweredFromMemory() {
        String old = passwords.encode("Omsorg2026!");
        assertThat(passwords.matches("Omsorg2026!", old)).isTrue();
        String changed = passwords.encode("Nytt-losen-2027");
        assertThat(passwords.matches("Omsorg2026!", changed)).isFalse();
        assertThat(passwords.matches("Nytt-losen-2027", changed)).isTrue();
        assertThat(bcryptChecks).hasValue(3);
    }

    @Test
    @DisplayName("Password check: an empty or missing password or hash never matches")
    void emptyNeverMatches() {
        String hash = passwords.encode("Omsorg2026!");
        assertThat(passwords.matches("", hash)).isFalse();
        assertThat(passwords.matches("Omsorg2026!", "")).isFalse();
        assertThat(passwords.matches("Omsorg2026!", null)).isFalse();
    }
}
