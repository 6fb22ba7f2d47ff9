package se.omsorgsnav.support;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Tests stand on a fixed, ordinary working day, so that date rules give the same answer every run. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 18);
    public static final java.time.Instant NOW = ZonedDateTime.of(TODAY.atTime(10, 0), ZONE).toInstant();

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(NOW, ZONE);
    }
}
