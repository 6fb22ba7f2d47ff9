package se.omsorgsnav.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** AUD-6: the retention rule alone, on a fixed instant. */
class RetentionRuleTests {

    static final Instant NOW = Instant.parse("2026-11-18T09:00:00Z");
    final RetentionRule rule = new RetentionRule(Period.ofYears(5));

    @Test
    @DisplayName("AUD-6: an event five years and a day old may be removed; one five years less a day old is kept")
    void fiveYearsIsTheLine() {
        OffsetDateTime now = NOW.atOffset(ZoneOffset.UTC);
        assertThat(rule.removable(now.minusYears(5).minusDays(1), false, NOW)).isTrue();
        assertThat(rule.removable(now.minusYears(5).plusDays(1), false, NOW)).isFalse();
        assertThat(rule.removable(now.minusYears(5), false, NOW)).as("exactly five years: not yet past").isFalse();
        assertThat(rule.removable(now.minusYears(5).minusNanos(1000), false, NOW)).isTrue();
    }

    @Test
    @DisplayName("AUD-6: an event held by an open review is kept however old")
    void heldIsKept() {
        assertThat(rule.removable(NOW.atOffset(ZoneOffset.UTC).minusYears(30), true, NOW)).isFalse();
    }

    @Test
    @DisplayName("AUD-6: a retention shorter than five years is refused; a longer one is honoured")
    void neverShorterThanFiveYears() {
        assertThatThrownBy(() -> new RetentionRule(Period.ofYears(4).plusMonths(11))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new RetentionRule(Period.ofYears(5).plusDays(3))).isInstanceOf(IllegalStateException.class);
        RetentionRule seven = new RetentionRule(Period.ofYears(7));
        OffsetDateTime now = NOW.atOffset(ZoneOffset.UTC);
        assertThat(seven.removable(now.minusYears(6), false, NOW)).isFalse();
        assertThat(seven.removable(now.minusYears(7).minusDays(1), false, NOW)).isTrue();
        assertThat(seven.cutoff(NOW)).isEqualTo(now.minusYears(7));
    }
}
