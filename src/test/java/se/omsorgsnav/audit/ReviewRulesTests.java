package se.omsorgsnav.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import se.omsorgsnav.shared.WorkingDayCalendar;

/** AUD-4's rules on their own: the Swedish working-day calendar and many persons in a short time. */
class ReviewRulesTests {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final ReviewRules RULES = new ReviewRules(
            new ReviewRules.Settings(LocalTime.of(7, 0), LocalTime.of(18, 0), Set.of("ALARM_OPERATOR"), 15, Duration.ofMinutes(10)),
            new WorkingDayCalendar(), STOCKHOLM);

    @ParameterizedTest(name = "{0} {1} as {2}: outside working hours = {3}")
    @CsvSource({
            "2026-11-18, 10:00, CASE_OFFICER, false, an ordinary Wednesday",
            "2026-11-18, 06:59, CASE_OFFICER, true, before seven",
            "2026-11-18, 07:00, CASE_OFFICER, false, seven sharp",
            "2026-11-18, 17:59, CASE_OFFICER, false, just before six",
            "2026-11-18, 18:00, CASE_OFFICER, true, six sharp",
            "2026-11-21, 10:00, CASE_OFFICER, true, a Saturday",
            "2026-11-22, 10:00, CASE_OFFICER, true, a Sunday",
            "2026-01-06, 10:00, CASE_OFFICER, true, trettondedag jul",
            "2026-04-03, 10:00, CASE_OFFICER, true, långfredagen",
            "2026-04-06, 10:00, CASE_OFFICER, true, annandag påsk",
            "2026-05-01, 10:00, CASE_OFFICER, true, första maj",
            "2026-05-14, 10:00, CASE_OFFICER, true, Kristi himmelsfärdsdag",
            "2026-06-19, 10:00, CASE_OFFICER, true, midsommarafton",
            "2026-12-24, 10:00, CASE_OFFICER, true, julafton",
            "2026-12-31, 10:00, CASE_OFFICER, true, nyårsafton",
            "2026-01-05, 10:00, CASE_OFFICER, false, trettondagsafton is a working day",
            "2026-11-18, 03:00, ALARM_OPERATOR, false, the alarm centre works around the clock",
            "2026-12-24, 03:00, ALARM_OPERATOR, false, also at Christmas"
    })
    @DisplayName("Review rule: access outside working hours follows the Swedish calendar")
    void outsideWorkingHours(String day, String time, String role, boolean outside, String why) {
        LocalDateTime at = LocalDateTime.parse(day + "T" + time);
        ReviewRules.Event event = new ReviewRules.Event(UUID.randomUUID(), at.atZone(STOCKHOLM).toOffsetDateTime(), UUID.randomUUID(), role,
                UUID.randomUUID(), UUID.randomUUID(), "VIEW", "ALLOWED");
        assertThat(RULES.outsideWorkingHours(event)).as(why).isEqualTo(outside);
    }

    @Test
    @DisplayName("Review rule: sixteen persons opened within ten minutes are flagged; the same sixteen spread over the day are not")
    void manyPersonsInAShortTime() {
        UUID hurried = UUID.randomUUID();
        UUID steady = UUID.randomUUID();
        List<ReviewRules.Event> events = new ArrayList<>();
        LocalDateTime nine = LocalDateTime.of(2026, 11, 18, 9, 0);
        for (int i = 0; i < 16; i++) {
            events.add(view(hurried, nine.plusSeconds(30L * i)));
            events.add(view(steady, nine.plusMinutes(20L * i)));
        }
        // Fifteen distinct persons in a window are still within the threshold.
        UUID within = UUID.randomUUID();
        for (int i = 0; i < 15; i++) {
            events.add(view(within, nine.plusSeconds(30L * i)));
        }
        Map<UUID, java.util.EnumSet<ReviewFlag>> flags = RULES.flag(events, everyoneRelated());
        long hurriedFlagged = events.stream().filter(e -> e.userId().equals(hurried))
                .filter(e -> flags.getOrDefault(e.id(), java.util.EnumSet.noneOf(ReviewFlag.class)).contains(ReviewFlag.MANY_PERSONS)).count();
        assertThat(hurriedFlagged).isEqualTo(16);
        assertThat(events.stream().filter(e -> !e.userId().equals(hurried)).anyMatch(e -> flags.containsKey(e.id()))).isFalse();
    }

    private static ReviewRules.Event view(UUID user, LocalDateTime at) {
        return new ReviewRules.Event(UUID.randomUUID(), at.atZone(STOCKHOLM).toOffsetDateTime(), user, "CASE_OFFICER", UUID.randomUUID(),
                UUID.randomUUID(), "VIEW", "ALLOWED");
    }

    private static AuditReviewFacts everyoneRelated() {
        return new AuditReviewFacts() {
            @Override
            public Set<UUID> lockedAmong(Collection<UUID> personIds) {
                return Set.of();
            }

            @Override
            public Set<Access> withCaseRelation(Collection<Access> accesses) {
                return new HashSet<>(accesses);
            }

            @Override
            public Map<UUID, String> describe(List<UUID> personIds, boolean export) {
                return Map.of();
            }
        };
    }
}
