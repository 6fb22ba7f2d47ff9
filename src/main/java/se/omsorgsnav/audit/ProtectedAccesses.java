package se.omsorgsnav.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Which events of a search or review show a protected person's access only as "skyddad person"
 * (PROT-3, fault 6): the person is locked today (PROT-25) and the reviewer is not cleared for her.
 * Such an event keeps what happened and its outcome, never who, which unit, case or purpose, and
 * its time only to the day, so that a search by user cannot be matched to a search by person.
 */
final class ProtectedAccesses {

    /** What a masked event says instead of who: every page and file that shows the actor shows this. */
    static final String SHOWN_AS = "Skyddad person";

    private ProtectedAccesses() {}

    static Set<UUID> hidden(AuditReviewFacts facts, ReviewerClearance clearance, Collection<UUID> personIds) {
        List<UUID> persons = personIds.stream().filter(Objects::nonNull).distinct().toList();
        if (persons.isEmpty()) {
            return Set.of();
        }
        Set<UUID> hidden = new HashSet<>(facts.lockedAmong(persons));
        if (!hidden.isEmpty()) {
            hidden.removeAll(clearance.revealedAmong(Set.copyOf(hidden)));
        }
        return hidden;
    }

    /** The start of the event's day in the municipality's zone, as UTC. */
    static OffsetDateTime day(OffsetDateTime at, Clock clock) {
        return at.atZoneSameInstant(clock.getZone()).toLocalDate().atStartOfDay(clock.getZone()).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
    }
}
