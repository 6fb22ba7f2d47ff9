package se.omsorgsnav.audit;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import se.omsorgsnav.shared.WorkingDayCalendar;

/**
 * The rule-based half of a log review (AUD-4). An event is an <em>access</em> when it opened,
 * changed, exported or printed a person, or was denied; a masked or unmasked row in a list is not,
 * or every search would flag every hit. Over accesses, the rules flag: a protected person shown
 * in full or denied; a user without a case relation to the person; a time outside working hours
 * on the Swedish calendar (except for roles that work around the clock); and a user who opened
 * more distinct persons than the threshold within the window.
 */
final class ReviewRules {

    record Settings(LocalTime workStart, LocalTime workEnd, Set<String> roundTheClockRoles, int manyPersons, Duration manyPersonsWindow) {}

    /** An event as the rules see it. */
    record Event(UUID id, OffsetDateTime occurredAt, UUID userId, String role, UUID unitId, UUID personId, String action, String outcome) {

        boolean isAccess() {
            return !AuditAction.LIST.name().equals(action) || AuditOutcome.DENIED.name().equals(outcome);
        }

        boolean denied() {
            return AuditOutcome.DENIED.name().equals(outcome);
        }

        AuditReviewFacts.Access access() {
            return new AuditReviewFacts.Access(userId, unitId, personId);
        }
    }

    private final Settings settings;
    private final WorkingDayCalendar calendar;
    private final ZoneId zone;

    ReviewRules(Settings settings, WorkingDayCalendar calendar, ZoneId zone) {
        this.settings = settings;
        this.calendar = calendar;
        this.zone = zone;
    }

    /** The flags of each flagged access; accesses that no rule catches are left out. */
    Map<UUID, EnumSet<ReviewFlag>> flag(List<Event> events, AuditReviewFacts facts) {
        List<Event> accesses = events.stream().filter(Event::isAccess).toList();
        Set<UUID> locked = facts.lockedAmong(accesses.stream().map(Event::personId).collect(Collectors.toSet()));
        Set<AuditReviewFacts.Access> related = facts.withCaseRelation(accesses.stream().map(Event::access).collect(Collectors.toSet()));
        Set<UUID> crowded = manyPersons(accesses);

        Map<UUID, EnumSet<ReviewFlag>> flags = new LinkedHashMap<>();
        for (Event e : accesses) {
            EnumSet<ReviewFlag> f = EnumSet.noneOf(ReviewFlag.class);
            if (e.denied()) {
                f.add(ReviewFlag.DENIED);
            }
            if (locked.contains(e.personId()) && (e.denied() || AuditOutcome.ALLOWED.name().equals(e.outcome()))) {
                f.add(ReviewFlag.PROTECTED_PERSON);
            }
            if (!related.contains(e.access())) {
                f.add(ReviewFlag.NO_CASE_RELATION);
            }
            if (outsideWorkingHours(e)) {
                f.add(ReviewFlag.OUTSIDE_WORKING_HOURS);
            }
            if (crowded.contains(e.id())) {
                f.add(ReviewFlag.MANY_PERSONS);
            }
            if (!f.isEmpty()) {
                flags.put(e.id(), f);
            }
        }
        return flags;
    }

    boolean outsideWorkingHours(Event e) {
        if (settings.roundTheClockRoles().contains(e.role())) {
            return false;
        }
        LocalDateTime local = e.occurredAt().atZoneSameInstant(zone).toLocalDateTime();
        if (!calendar.isWorkingDay(local.toLocalDate())) {
            return true;
        }
        LocalTime time = local.toLocalTime();
        return time.isBefore(settings.workStart()) || !time.isBefore(settings.workEnd());
    }

    /**
     * Per user, a window sliding over their accesses in time order: whenever it holds more
     * distinct persons than the threshold, every access in it is flagged.
     */
    private Set<UUID> manyPersons(List<Event> accesses) {
        Map<UUID, List<Event>> byUser = new HashMap<>();
        for (Event e : accesses) {
            byUser.computeIfAbsent(e.userId(), u -> new ArrayList<>()).add(e);
        }
        Set<UUID> flagged = new HashSet<>();
        for (List<Event> own : byUser.values()) {
            own.sort(Comparator.comparing(Event::occurredAt));
            Deque<Event> window = new ArrayDeque<>();
            Map<UUID, Integer> persons = new HashMap<>();
            for (Event e : own) {
                window.addLast(e);
                persons.merge(e.personId(), 1, Integer::sum);
                OffsetDateTime earliest = e.occurredAt().minus(settings.manyPersonsWindow());
                while (window.getFirst().occurredAt().isBefore(earliest)) {
                    Event out = window.removeFirst();
                    persons.computeIfPresent(out.personId(), (k, n) -> n == 1 ? null : n - 1);
                }
                if (persons.size() > settings.manyPersons()) {
                    window.forEach(w -> flagged.add(w.id()));
                }
            }
        }
        return flagged;
    }
}
