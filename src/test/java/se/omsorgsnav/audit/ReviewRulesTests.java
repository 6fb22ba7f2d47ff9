package se.omsorgsnav.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
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

    @Test
    @DisplayName("Review rule: the user's accesses are taken in time order, however they arrive; one person opened again is one person")
    void manyPersonsInTimeOrderAndDistinct() {
        UUID hurried = UUID.randomUUID();
        UUID repeating = UUID.randomUUID();
        UUID again = UUID.randomUUID();
        List<ReviewRules.Event> events = new ArrayList<>();
        LocalDateTime nine = LocalDateTime.of(2026, 11, 18, 9, 0);
        // Sixteen persons within eight minutes, delivered newest first: sorted, they crowd one window.
        for (int i = 15; i >= 0; i--) {
            events.add(view(hurried, nine.plusSeconds(30L * i)));
        }
        // Fifteen persons and one of them opened twice more: fifteen distinct, within the threshold.
        for (int i = 0; i < 15; i++) {
            events.add(view(repeating, nine.plusSeconds(30L * i)));
        }
        events.add(visit(repeating, nine.plusMinutes(8), events.get(events.size() - 1).personId()));
        // A person opened once, then fifteen others after the window has passed her: she has left it.
        UUID left = UUID.randomUUID();
        events.add(visit(again, nine, left));
        for (int i = 0; i < 15; i++) {
            events.add(view(again, nine.plusMinutes(11).plusSeconds(10L * i)));
        }
        // A person opened twice, the first time out of the window, the second in it with fifteen others: sixteen.
        UUID twice = UUID.randomUUID();
        UUID stays = UUID.randomUUID();
        events.add(visit(twice, nine, stays));
        events.add(visit(twice, nine.plusMinutes(1), stays));
        for (int i = 0; i < 15; i++) {
            events.add(view(twice, nine.plusMinutes(10).plusSeconds(5 + 3L * i)));
        }
        Map<UUID, java.util.EnumSet<ReviewFlag>> flags = RULES.flag(events, everyoneRelated());
        assertThat(events.stream().filter(e -> e.userId().equals(hurried)).allMatch(e -> flags.containsKey(e.id()))).isTrue();
        assertThat(events.stream().filter(e -> e.userId().equals(twice)).filter(e -> flags.containsKey(e.id())).count())
                .as("the window at the last access: her second visit and the fifteen").isEqualTo(16);
        assertThat(events.stream().filter(e -> e.userId().equals(repeating) || e.userId().equals(again)).anyMatch(e -> flags.containsKey(e.id())))
                .as("fifteen distinct persons in any window").isFalse();
    }

    @Test
    @DisplayName("AUD-4 rules: a denial is flagged; a protected person shown or denied is flagged, not when masked; no case relation is flagged")
    void eachRuleFlagsItsOwn() {
        UUID user = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        UUID locked = UUID.randomUUID();
        UUID unrelated = UUID.randomUUID();
        UUID ordinary = UUID.randomUUID();
        OffsetDateTime ten = LocalDateTime.of(2026, 11, 18, 10, 0).atZone(STOCKHOLM).toOffsetDateTime();
        ReviewRules.Event shown = new ReviewRules.Event(UUID.randomUUID(), ten, user, "CASE_OFFICER", unit, locked, "VIEW", "ALLOWED");
        ReviewRules.Event denied = new ReviewRules.Event(UUID.randomUUID(), ten, user, "CASE_OFFICER", unit, locked, "VIEW", "DENIED");
        ReviewRules.Event masked = new ReviewRules.Event(UUID.randomUUID(), ten, user, "CASE_OFFICER", unit, locked, "VIEW", "MASKED");
        ReviewRules.Event noRelation = new ReviewRules.Event(UUID.randomUUID(), ten, user, "CASE_OFFICER", unit, unrelated, "VIEW", "ALLOWED");
        ReviewRules.Event plain = new ReviewRules.Event(UUID.randomUUID(), ten, user, "CASE_OFFICER", unit, ordinary, "VIEW", "ALLOWED");
        ReviewRules.Event deniedOrdinary = new ReviewRules.Event(UUID.randomUUID(), ten, user, "CASE_OFFICER", unit, ordinary, "VIEW", "DENIED");
        AuditReviewFacts facts = new AuditReviewFacts() {
            @Override
            public Set<UUID> lockedAmong(Collection<UUID> personIds) {
                return personIds.contains(locked) ? Set.of(locked) : Set.of();
            }

            @Override
            public Set<Access> withCaseRelation(Collection<Access> accesses) {
                Set<Access> related = new HashSet<>(accesses);
                related.remove(new Access(user, unit, unrelated));
                return related;
            }

            @Override
            public Map<UUID, String> describe(List<UUID> personIds, boolean export) {
                return Map.of();
            }
        };
        Map<UUID, java.util.EnumSet<ReviewFlag>> flags = RULES.flag(List.of(shown, denied, masked, noRelation, plain, deniedOrdinary), facts);
        assertThat(flags.get(shown.id())).containsExactly(ReviewFlag.PROTECTED_PERSON);
        assertThat(flags.get(denied.id())).containsExactlyInAnyOrder(ReviewFlag.PROTECTED_PERSON, ReviewFlag.DENIED);
        assertThat(flags).doesNotContainKey(masked.id()).doesNotContainKey(plain.id());
        assertThat(flags.get(noRelation.id())).containsExactly(ReviewFlag.NO_CASE_RELATION);
        assertThat(flags.get(deniedOrdinary.id())).containsExactly(ReviewFlag.DENIED);
    }

    @Test
    @DisplayName("AUD-4 rules: a row in a list is not an access, shown or masked, however it would flag; a denied list is")
    void listRowsAreNotAccesses() {
        UUID user = UUID.randomUUID();
        UUID locked = UUID.randomUUID();
        OffsetDateTime saturdayNight = LocalDateTime.of(2026, 11, 21, 23, 0).atZone(STOCKHOLM).toOffsetDateTime();
        ReviewRules.Event shownRow = new ReviewRules.Event(UUID.randomUUID(), saturdayNight, user, "CASE_OFFICER", null, locked, "LIST", "ALLOWED");
        ReviewRules.Event maskedRow = new ReviewRules.Event(UUID.randomUUID(), saturdayNight, user, "CASE_OFFICER", null, locked, "LIST", "MASKED");
        ReviewRules.Event deniedList = new ReviewRules.Event(UUID.randomUUID(), saturdayNight, user, "CASE_OFFICER", null, locked, "LIST", "DENIED");
        assertThat(shownRow.isAccess()).isFalse();
        assertThat(maskedRow.isAccess()).isFalse();
        assertThat(deniedList.isAccess()).isTrue();
        assertThat(deniedList.denied()).isTrue();
        assertThat(shownRow.denied()).isFalse();
        assertThat(deniedList.access()).isEqualTo(new AuditReviewFacts.Access(user, null, locked));
        AuditReviewFacts nothingRelated = new AuditReviewFacts() {
            @Override
            public Set<UUID> lockedAmong(Collection<UUID> personIds) {
                return new HashSet<>(personIds);
            }

            @Override
            public Set<Access> withCaseRelation(Collection<Access> accesses) {
                return Set.of();
            }

            @Override
            public Map<UUID, String> describe(List<UUID> personIds, boolean export) {
                return Map.of();
            }
        };
        Map<UUID, java.util.EnumSet<ReviewFlag>> flags = RULES.flag(List.of(shownRow, maskedRow, deniedList), nothingRelated);
        assertThat(flags).containsOnlyKeys(deniedList.id());
        assertThat(flags.get(deniedList.id())).containsExactlyInAnyOrder(ReviewFlag.DENIED, ReviewFlag.PROTECTED_PERSON,
                ReviewFlag.NO_CASE_RELATION, ReviewFlag.OUTSIDE_WORKING_HOURS);
    }

    private static ReviewRules.Event visit(UUID user, LocalDateTime at, UUID person) {
        return new ReviewRules.Event(UUID.randomUUID(), at.atZone(STOCKHOLM).toOffsetDateTime(), user, "CASE_OFFICER", UUID.randomUUID(),
                person, "VIEW", "ALLOWED");
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
