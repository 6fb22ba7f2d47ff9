package se.omsorgsnav.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.shared.InvalidInputException;

/**
 * Reads the audit log for review (AUD-3) and for a person's access extract (PROT-23): by person,
 * user, unit and period, newest first, in keyset pages so that the 5-millionth event costs what
 * the first does. Reading the log is itself recorded.
 */
@Component
public class AuditTrail {

    public static final int MAX_PAGE = 500;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final AuditReviewFacts facts;
    private final ReviewerClearance clearance;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, AuditLog audit, CurrentActor actor, AuditReviewFacts facts, ReviewerClearance clearance, Clock clock) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.clearance = clearance;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
    }

    public record Query(UUID personId, String username, UUID unitId, LocalDate from, LocalDate to) {}

    /**
     * One event. {@code masked}: an access to a protected person the reader may not review (PROT-3,
     * fault 6): shown as "skyddad person", without who, unit, case, purpose or address, its time
     * to the day only.
     */
    public record Entry(UUID id, OffsetDateTime occurredAt, String actorUsername, String actorRole, UUID actorUnitId, UUID personId,
                        UUID caseId, String action, String purpose, String outcome, String clientAddress, boolean masked) {

        Entry masked(Clock clock) {
            return new Entry(id, ProtectedAccesses.day(occurredAt, clock), ProtectedAccesses.SHOWN_AS, "", null, personId, null, action, "", outcome,
                    null, true);
        }
    }

    /** One page, and the cursor of the next (null on the last page). */
    public record Page(List<Entry> entries, String next) {}

    @Transactional
    public Page search(Query query, String cursor, int limit, String purpose) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "Ange högst " + MAX_PAGE + " rader per sida.");
        }
        if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
            throw new InvalidInputException("to", "Perioden slutar innan den börjar.");
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.personId() != null) {
            where.append(" and e.person_id = :person");
            params.put("person", query.personId());
        }
        if (query.username() != null && !query.username().isBlank()) {
            where.append(" and e.actor_username = :username");
            params.put("username", query.username().strip());
        }
        if (query.unitId() != null) {
            where.append(" and e.actor_unit_id = :unit");
            params.put("unit", query.unitId());
        }
        if (query.from() != null) {
            where.append(" and e.occurred_at >= :from");
            params.put("from", startOf(query.from()));
        }
        if (query.to() != null) {
            where.append(" and e.occurred_at < :to");
            params.put("to", startOf(query.to().plusDays(1)));
        }
        if (cursor != null && !cursor.isBlank()) {
            Cursor c = Cursor.decode(cursor);
            where.append(" and (e.occurred_at < :at or (e.occurred_at = :at and e.id < :id))");
            params.put("at", c.at());
            params.put("id", c.id());
        }
        List<Entry> rows = jdbc.sql("""
                        select e.id, e.occurred_at, e.actor_username, e.actor_role, e.actor_unit_id, e.person_id, e.case_id, e.action,
                               e.purpose, e.outcome, e.client_address
                        from audit_event e where %s
                        order by e.occurred_at desc, e.id desc limit %d
                        """.formatted(where, limit + 1))
                .params(params)
                .query((rs, n) -> new Entry(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4),
                        rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getObject(7, UUID.class), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), false))
                .list();
        audit.record(actor.actor(), new AuditEntry(query.personId(), null, AuditAction.VIEW, purpose, AuditOutcome.ALLOWED));
        List<Entry> fetched = rows.size() <= limit ? rows : rows.subList(0, limit);
        String next = rows.size() <= limit ? null : new Cursor(fetched.get(limit - 1).occurredAt(), fetched.get(limit - 1).id()).encode();
        return new Page(shown(fetched, query), next);
    }

    /**
     * PROT-3: accesses to a protected person the reader may not review are masked; in a search by
     * user or unit they are left out, since the search itself would name who or which unit.
     */
    private List<Entry> shown(List<Entry> fetched, Query query) {
        Set<UUID> hidden = ProtectedAccesses.hidden(facts, clearance, fetched.stream().map(Entry::personId).toList());
        if (hidden.isEmpty()) {
            return List.copyOf(fetched);
        }
        boolean namesActor = (query.username() != null && !query.username().isBlank()) || query.unitId() != null;
        List<Entry> shown = new ArrayList<>(fetched.size());
        for (Entry e : fetched) {
            if (!hidden.contains(e.personId())) {
                shown.add(e);
            } else if (!namesActor) {
                shown.add(e.masked(clock));
            }
        }
        return shown;
    }

    private OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Where the next page starts: opaque to clients, so they cannot depend on its shape. */
    record Cursor(OffsetDateTime at, UUID id) {

        String encode() {
            String raw = at.toInstant() + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(Instant.parse(parts[0]).atOffset(ZoneOffset.UTC), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw new InvalidInputException("cursor", "Sidmarkören är ogiltig. Börja om från första sidan.");
            }
        }
    }
}
