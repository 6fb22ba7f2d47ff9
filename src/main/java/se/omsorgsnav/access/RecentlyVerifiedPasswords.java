package se.omsorgsnav.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers, for a short while, that a password matched its stored hash, so that an API client
 * sending HTTP Basic on every call pays bcrypt once per window instead of once per call (bcrypt
 * at cost 10 is about 60 ms of a core; see bench/README.md).
 *
 * <p>Why this is safe: {@code matches(raw, encoded)} is a pure function of its two arguments, and
 * the memory is keyed by both. A changed password or PIN has a new stored hash, so the old entry
 * can never answer for it; a disabled user or changed role is still seen, because the user row is
 * read on every call and only the hash comparison is remembered. Only successes are kept: a wrong
 * guess always costs the full bcrypt, so guessing is not made faster. The key is an HMAC under a
 * random per-process key, so the memory holds no password and nothing that can be tested offline
 * without that key.
 */
final class RecentlyVerifiedPasswords implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Cache<String, Boolean> verified;
    private final SecretKeySpec key;

    RecentlyVerifiedPasswords(PasswordEncoder delegate, Duration window, long capacity, Ticker ticker) {
        this.delegate = delegate;
        this.verified = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(capacity).ticker(ticker).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || encodedPassword.isEmpty()) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String pair = fingerprint(rawPassword, encodedPassword);
        if (verified.getIfPresent(pair) != null) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            verified.put(pair, Boolean.TRUE);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
