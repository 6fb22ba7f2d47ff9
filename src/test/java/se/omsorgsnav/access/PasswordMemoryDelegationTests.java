package se.omsorgsnav.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** What the memory of verified passwords leaves to the real encoder, with a recording stand-in for it. */
class PasswordMemoryDelegationTests {

    /** Says yes to one pair only, and to absent input; remembers what it was asked. */
    private static final class OnePair implements PasswordEncoder {
        final List<String> asked = new ArrayList<>();

        @Override
        public String encode(CharSequence raw) {
            return "enc:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            asked.add(raw + "|" + encoded);
            return raw == null || encoded == null || encoded.isEmpty() || ("xp".contentEquals(raw) && "h".equals(encoded));
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return true;
        }
    }

    @Test
    @DisplayName("a remembered pair never answers for another split of the same characters between hash and password")
    void pairsAreKeptApart() {
        OnePair delegate = new OnePair();
        RecentlyVerifiedPasswords memory = new RecentlyVerifiedPasswords(delegate, Duration.ofMinutes(1), 100, Ticker.systemTicker());
        assertThat(memory.matches("xp", "h")).isTrue();
        assertThat(memory.matches("xp", "h")).isTrue();
        assertThat(delegate.asked).containsExactly("xp|h");
        assertThat(memory.matches("p", "hx")).isFalse();
        assertThat(delegate.asked).containsExactly("xp|h", "p|hx");
    }

    @Test
    @DisplayName("absent input, encoding and upgrading are the real encoder's answers")
    void theRestIsDelegated() {
        OnePair delegate = new OnePair();
        RecentlyVerifiedPasswords memory = new RecentlyVerifiedPasswords(delegate, Duration.ofMinutes(1), 100, Ticker.systemTicker());
        assertThat(memory.matches(null, "h")).isTrue();
        assertThat(memory.matches("x", null)).isTrue();
        assertThat(memory.matches("x", "")).isTrue();
        assertThat(delegate.asked).containsExactly("null|h", "x|null", "x|");
        assertThat(memory.encode("abc")).isEqualTo("enc:abc");
        assertThat(memory.upgradeEncoding("h")).isTrue();
    }
}
