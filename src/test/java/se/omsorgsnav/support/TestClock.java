package se.omsorgsnav.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Tests stand on a fixed, ordinary working day, so that date rules give the same answer every run.
 * A routine that spans days (seed 003: offer on Friday, answer after the weekend) moves the clock
 * with {@link #travelTo} and puts it back with {@link #reset} in a finally block: tests run one at
 * a time in the shared context, and every other test expects {@link #TODAY}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 18);
    public static final Instant NOW = ZonedDateTime.of(TODAY.atTime(10, 0), ZONE).toInstant();

    private volatile Instant now = NOW;

    @Bean
    @Primary
    TestClock fixedClock() {
        return this;
    }

    /** Ten in the morning of the given day, Swedish time. */
    public void travelTo(LocalDate day) {
        now = ZonedDateTime.of(day.atTime(10, 0), ZONE).toInstant();
    }

    public void reset() {
        now = NOW;
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
