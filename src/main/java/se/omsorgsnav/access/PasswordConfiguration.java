package se.omsorgsnav.access;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** How passwords and PINs are hashed and checked, for every way of logging in and for step-up. */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    @Bean
    PasswordEncoder passwordEncoder(@Value("${omsorgsnav.login.verified-password-window:60s}") Duration window) {
        // bcrypt today, and able to verify and upgrade to a stronger encoding later.
        PasswordEncoder hashes = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return window.isZero() ? hashes : new RecentlyVerifiedPasswords(hashes, window, 50_000, Ticker.systemTicker());
    }
}
