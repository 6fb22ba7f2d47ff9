package se.omsorgsnav.audit;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.shared.FreeText;
import se.omsorgsnav.shared.IdempotentRequests;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.NotFoundException;
import se.omsorgsnav.shared.WorkingDayCalendar;

/**
 * A manager's log review (AUD-3, loggranskning): over a scope — a person, a user, a unit, a
 * period — it combines a random sample (stickprov) with the rule flags of AUD-4, is read on a
 * page or as CSV, and is concluded with an outcome and a written conclusion. Opening, reading,
 * exporting and concluding are themselves audited. Who may do which is decided before these are
 * called, by the access catalogue ({@code AuditLogAction}); here only the review's own invariants
 * (a review is concluded once, with an outcome and a conclusion).
 * <p>
 * Retention (AUD-6): the application deletes no audit event, ever, so every event is kept at
 * least five years. Purging older ones (gallring) is a task for the database owner; the foreign
 * key from a review's items to their events makes the database itself refuse to remove an event
 * that a review holds.
 */
@Component
public class AuditReviews {

    public static final int MAX_SAMPLE = 200;
    public static final int ITEMS_PER_PAGE = 100;
    /** Beyond this a review cannot be read by a person anyway: the scope must be narrowed. */
    static final int MAX_EVENTS_IN_SCOPE = 200_000;
    static final int MAX_ITEMS = 5_000;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final AuditReviewFacts facts;
    private final ReviewerClearance clearance;
    private final ReviewRules rules;
    private final Clock clock;
    private final IdempotentRequests idempotent;
    private final Random random = new SecureRandom();

    AuditReviews(JdbcClient jdbc, AuditLog audit, CurrentActor actor, AuditReviewFacts facts, ReviewerClearance clearance,
                 WorkingDayCalendar calendar, Clock clock,
                 @Value("${omsorgsnav.audit.review.working-hours-start:07:00}") LocalTime workStart,
                 @Value("${omsorgsnav.audit.review.working-hours-end:18:00}") LocalTime workEnd,
                 @Value("${omsorgsnav.audit.review.round-the-clock-roles:ALARM_OPERATOR}") String[] roundTheClockRoles,
                 @Value("${omsorgsnav.audit.review.many-persons:15}") int manyPersons,
                 @Value("${omsorgsnav.audit.review.many-persons-window:10m}") Duration manyPersonsWindow, IdempotentRequests idempotent) {
        this.idempotent = idempotent;
        this.jdbc = jdbc;
        this.audit = audit;
        this.actor = actor;
        this.facts = facts;
        this.clearance = clearance;
        this.clock = clock;
        this.rules = new ReviewRules(new ReviewRules.Settings(workStart, workEnd, Set.of(roundTheClockRoles), manyPersons, manyPersonsWindow),
                calendar, clock.getZone());
    }

    public record Scope(UUID personId, String username, UUID unitId, LocalDate from, LocalDate to) {}

    /** {@code reviewerId} is null only for a review stored before the reviewer's id was kept. */
    public record Summary(UUID id, String reviewer, UUID reviewerId, Scope scope, int eventsInScope, int sampleSize, int items, boolean open,
                          ReviewOutcome outcome, String conclusion, OffsetDateTime createdAt, OffsetDateTime concludedAt) {}

    /**
     * One reviewed event; {@code person} is what the gate lets this reviewer see. {@code masked}: an
     * access to a protected person this reviewer may not review (PROT-3): shown without who, which
     * unit, which case or purpose, and with the day only.
     */
    public record Item(UUID eventId, OffsetDateTime occurredAt, String username, String role, UUID unitId, UUID personId, String person,
                       UUID caseId, String action, String purpose, String outcome, List<ReviewFlag> reasons, boolean masked) {}

    /** A review with one page of its items, and how many items carry each reason. */
    public record Review(Summary summary, List<Item> items, Map<ReviewFlag, Integer> counts, int page, boolean morePages) {}

    /** Opens a review over the scope: draws the sample, applies the rules, stores what they picked. */
    @Transactional
    public UUID open(Scope scope, int sampleSize) {
        AuditActor me = actor.actor();
        validate(scope, sampleSize);
        List<ReviewRules.Event> events = eventsIn(scope);
        Map<UUID, EnumSet<ReviewFlag>> picked = rules.flag(events, facts);
        List<ReviewRules.Event> accesses = events.stream().filter(ReviewRules.Event::isAccess).toList();
        for (ReviewRules.Event sampled : sample(accesses, sampleSize)) {
            picked.computeIfAbsent(sampled.id(), id -> EnumSet.noneOf(ReviewFlag.class)).add(ReviewFlag.SAMPLE);
        }
        if (picked.size() > MAX_ITEMS) {
            throw new InvalidInputException("from", "Reglerna valde ut " + picked.size() + " händelser, fler än en granskning rymmer ("
                    + MAX_ITEMS + "). Avgränsa till en kortare period, en enhet eller en användare.");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into audit_review (id, reviewer_user_id, reviewer_username, scope_person_id, scope_username, scope_unit_id,
                                                  period_from, period_to, events_in_scope, sample_size, status, created_at)
                        values (:id, :reviewer, :reviewerName, :person, :username, :unit, :from, :to, :events, :sample, 'OPEN', :now)
                        """)
                .param("id", id).param("reviewer", me.userId()).param("reviewerName", me.username())
                .param("person", scope.personId()).param("username", blankToNull(scope.username())).param("unit", scope.unitId())
                .param("from", scope.from()).param("to", scope.to()).param("events", events.size()).param("sample", sampleSize)
                .param("now", now())
                .update();
        if (!picked.isEmpty()) {
            List<Object[]> rows = picked.entrySet().stream()
                    .map(e -> new Object[] {id, e.getKey(), e.getValue().stream().map(Enum::name).collect(Collectors.joining(","))})
                    .toList();
            batchInsertItems(rows);
        }
        audit.record(me, new AuditEntry(scope.personId(), null, AuditAction.AUDIT_REVIEW, "AUDIT_REVIEW_OPENED", AuditOutcome.ALLOWED));
        return id;
    }

    @Transactional
    public List<Summary> recent(int limit) {
        AuditActor me = actor.actor();
        List<Summary> list = jdbc.sql(SUMMARY + " order by r.created_at desc, r.id desc limit :limit")
                .param("limit", Math.max(1, Math.min(limit, 200)))
                .query((rs, n) -> summary(rs))
                .list();
        audit.record(me, new AuditEntry(null, null, AuditAction.AUDIT_REVIEW, "AUDIT_REVIEW_LIST", AuditOutcome.ALLOWED));
        return list;
    }

    /** One page of a review, persons shown through the gate. */
    @Transactional
    public Review find(UUID id, int page) {
        AuditActor me = actor.actor();
        Summary stored = summaryOf(id);
        int safePage = Math.max(0, page);
        boolean leaveOut = namesActor(stored.scope());
        Shown shown = items(id, ITEMS_PER_PAGE, safePage * ITEMS_PER_PAGE, false, leaveOut);
        Counted counted = counts(id, leaveOut);
        audit.record(me, new AuditEntry(stored.scope().personId(), null, AuditAction.AUDIT_REVIEW, "AUDIT_REVIEW_VIEWED", AuditOutcome.ALLOWED));
        return new Review(counted.into(stored), shown.items(), counted.counts(), safePage, shown.more());
    }

    /** A file to hand over: its name carries no personal data. */
    public record Export(String filename, byte[] content) {}

    /** Every item of a review as CSV; the export is audited as such. */
    @Transactional
    public Export exportCsv(UUID id) {
        AuditActor me = actor.actor();
        Summary stored = summaryOf(id);
        boolean leaveOut = namesActor(stored.scope());
        List<Item> items = items(id, MAX_ITEMS, 0, true, leaveOut).items();
        Counted counted = counts(id, leaveOut);
        Summary summary = counted.into(stored);
        audit.record(me, new AuditEntry(summary.scope().personId(), null, AuditAction.EXPORT, "AUDIT_REVIEW_EXPORT", AuditOutcome.ALLOWED));
        Review review = new Review(summary, items, counted.counts(), 0, false);
        return new Export("loggranskning-" + summary.createdAt().atZoneSameInstant(clock.getZone()).toLocalDate() + ".csv",
                ReviewCsv.of(review, clock.getZone()));
    }

    /**
     * Records the conclusion and closes the review, once. Who may (its reviewer) is the access
     * catalogue's to decide before this is called.
     */
    @Transactional
    public void conclude(UUID id, ReviewOutcome outcome, String conclusion) {
        AuditActor me = actor.actor();
        Summary summary = summaryOf(id);
        if (!summary.open()) {
            throw new InvalidInputException("conclusion", "Granskningen är redan avslutad.");
        }
        if (outcome == null) {
            throw new InvalidInputException("outcome", "Välj vad granskningen visade.");
        }
        String text = FreeText.requiredLines("conclusion", "Slutsats", conclusion, 4000);
        int changed = jdbc.sql("""
                        update audit_review set status = 'CONCLUDED', outcome = :outcome, conclusion = :conclusion, concluded_at = :now
                        where id = :id and status = 'OPEN'
                        """)
                .param("outcome", outcome.name()).param("conclusion", text).param("now", now()).param("id", id)
                .update();
        if (changed != 1) {
            throw new InvalidInputException("conclusion", "Granskningen är redan avslutad.");
        }
        audit.record(me, new AuditEntry(summary.scope().personId(), null, AuditAction.AUDIT_REVIEW, "AUDIT_REVIEW_CONCLUDED", AuditOutcome.ALLOWED));
    }

    /** The user who opened the review, if the review exists: the one who may read and conclude it. */
    @Transactional(readOnly = true)
    public java.util.Optional<UUID> reviewerOf(UUID id) {
        return jdbc.sql("select reviewer_user_id from audit_review where id = :id").param("id", id)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, UUID.class))).optional()
                .map(found -> found.orElse(NO_REVIEWER));
    }

    /** Stands for the reviewer of a review stored without one: nobody is named, so nobody may read it. */
    private static final UUID NO_REVIEWER = new UUID(0, 0);

    private static final String SUMMARY = """
            select r.id, r.reviewer_username, r.reviewer_user_id, r.scope_person_id, r.scope_username, r.scope_unit_id, r.period_from, r.period_to,
                   r.events_in_scope, r.sample_size, (select count(*) from audit_review_item i where i.review_id = r.id) as items,
                   r.status, r.outcome, r.conclusion, r.created_at, r.concluded_at
            from audit_review r
            """;

    private Summary summaryOf(UUID id) {
        return jdbc.sql(SUMMARY + " where r.id = :id").param("id", id).query((rs, n) -> summary(rs)).optional()
                .orElseThrow(() -> new NotFoundException("Granskningen finns inte."));
    }

    private static Summary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
        String outcome = rs.getString("outcome");
        return new Summary(rs.getObject("id", UUID.class), rs.getString("reviewer_username"), rs.getObject("reviewer_user_id", UUID.class),
                new Scope(rs.getObject("scope_person_id", UUID.class), rs.getString("scope_username"), rs.getObject("scope_unit_id", UUID.class),
                        rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class)),
                rs.getInt("events_in_scope"), rs.getInt("sample_size"), rs.getInt("items"), "OPEN".equals(rs.getString("status")),
                outcome == null ? null : ReviewOutcome.valueOf(outcome), rs.getString("conclusion"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("concluded_at", OffsetDateTime.class));
    }

    /**
     * PROT-3: a review whose scope names a user or a unit would, by naming them, say who handled a
     * protected person; there the accesses this reviewer may not review are left out, items and
     * counts alike. Elsewhere they are shown masked.
     */
    private static boolean namesActor(Scope scope) {
        return (scope.username() != null && !scope.username().isBlank()) || scope.unitId() != null;
    }

    private record Shown(List<Item> items, boolean more) {}

    private Shown items(UUID reviewId, int pageSize, int offset, boolean export, boolean leaveOutHidden) {
        record Row(UUID eventId, OffsetDateTime at, String username, String role, UUID unitId, UUID personId, UUID caseId, String action,
                   String purpose, String outcome, String reasons) {}
        List<Row> rows = jdbc.sql("""
                        select e.id, e.occurred_at, e.actor_username, e.actor_role, e.actor_unit_id, e.person_id, e.case_id, e.action,
                               e.purpose, e.outcome, i.reasons
                        from audit_review_item i join audit_event e on e.id = i.event_id
                        where i.review_id = :review
                        order by e.occurred_at, e.id
                        limit :limit offset :offset
                        """)
                .param("review", reviewId).param("limit", pageSize + 1).param("offset", offset)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4),
                        rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getObject(7, UUID.class), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11)))
                .list();
        boolean more = rows.size() > pageSize;
        rows = more ? rows.subList(0, pageSize) : rows;
        List<UUID> persons = rows.stream().map(Row::personId).distinct().toList();
        Map<UUID, String> shown = persons.isEmpty() ? Map.of() : facts.describe(persons, export);
        Set<UUID> hidden = ProtectedAccesses.hidden(facts, clearance, persons);
        List<Item> items = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<ReviewFlag> reasons = Arrays.stream(r.reasons().split(",")).map(ReviewFlag::valueOf).sorted().toList();
            String person = shown.getOrDefault(r.personId(), "Behörighet saknas");
            if (leaveOutHidden && hidden.contains(r.personId())) {
                continue;
            }
            items.add(hidden.contains(r.personId())
                    ? new Item(r.eventId(), ProtectedAccesses.day(r.at(), clock), ProtectedAccesses.SHOWN_AS, "", null, null, person, null,
                            r.action(), "", r.outcome(), reasons, true)
                    : new Item(r.eventId(), r.at(), r.username(), r.role(), r.unitId(), r.personId(), person, r.caseId(), r.action(),
                            r.purpose(), r.outcome(), reasons, false));
        }
        return new Shown(items, more);
    }

    /** How many items carry each reason, and how many items there are, of those this reviewer is shown. */
    private record Counted(Map<ReviewFlag, Integer> counts, int items) {
        Summary into(Summary s) {
            return new Summary(s.id(), s.reviewer(), s.reviewerId(), s.scope(), s.eventsInScope(), s.sampleSize(), items, s.open(), s.outcome(),
                    s.conclusion(), s.createdAt(), s.concludedAt());
        }
    }

    private Counted counts(UUID reviewId, boolean leaveOutHidden) {
        record Row(String reasons, UUID personId) {}
        List<Row> rows = jdbc.sql("""
                        select i.reasons, e.person_id from audit_review_item i join audit_event e on e.id = i.event_id where i.review_id = :review
                        """)
                .param("review", reviewId).query((rs, n) -> new Row(rs.getString(1), rs.getObject(2, UUID.class))).list();
        Set<UUID> hidden = leaveOutHidden ? ProtectedAccesses.hidden(facts, clearance, rows.stream().map(Row::personId).toList()) : Set.of();
        Map<ReviewFlag, Integer> counts = new EnumMap<>(ReviewFlag.class);
        int items = 0;
        for (Row row : rows) {
            if (hidden.contains(row.personId())) {
                continue;
            }
            items++;
            for (String reason : row.reasons().split(",")) {
                counts.merge(ReviewFlag.valueOf(reason), 1, Integer::sum);
            }
        }
        return new Counted(counts, items);
    }

    private List<ReviewRules.Event> eventsIn(Scope scope) {
        StringBuilder where = new StringBuilder("""
                e.person_id is not null and e.actor_user_id is not null and e.occurred_at >= :from and e.occurred_at < :to
                """);
        Map<String, Object> params = new HashMap<>();
        params.put("from", startOf(scope.from()));
        params.put("to", startOf(scope.to().plusDays(1)));
        if (scope.personId() != null) {
            where.append(" and e.person_id = :person");
            params.put("person", scope.personId());
        }
        if (scope.username() != null && !scope.username().isBlank()) {
            where.append(" and e.actor_username = :username");
            params.put("username", scope.username().strip());
        }
        if (scope.unitId() != null) {
            where.append(" and e.actor_unit_id = :unit");
            params.put("unit", scope.unitId());
        }
        List<ReviewRules.Event> events = jdbc.sql("""
                        select e.id, e.occurred_at, e.actor_user_id, e.actor_role, e.actor_unit_id, e.person_id, e.action, e.outcome
                        from audit_event e where %s
                        limit %d
                        """.formatted(where, MAX_EVENTS_IN_SCOPE + 1))
                .params(params)
                .query((rs, n) -> new ReviewRules.Event(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
                        rs.getString(7), rs.getString(8)))
                .list();
        if (events.size() > MAX_EVENTS_IN_SCOPE) {
            throw new InvalidInputException("from", "Perioden rymmer fler än " + MAX_EVENTS_IN_SCOPE
                    + " händelser. Avgränsa till en kortare period, en enhet eller en användare.");
        }
        return events;
    }

    /** Reservoir sampling: every access equally likely, one pass. */
    private List<ReviewRules.Event> sample(List<ReviewRules.Event> accesses, int size) {
        List<ReviewRules.Event> reservoir = new ArrayList<>(size);
        for (int i = 0; i < accesses.size(); i++) {
            if (i < size) {
                reservoir.add(accesses.get(i));
            } else {
                int j = random.nextInt(i + 1);
                if (j < size) {
                    reservoir.set(j, accesses.get(i));
                }
            }
        }
        return reservoir;
    }

    private void batchInsertItems(List<Object[]> rows) {
        for (int start = 0; start < rows.size(); start += 500) {
            List<Object[]> chunk = rows.subList(start, Math.min(rows.size(), start + 500));
            StringBuilder values = new StringBuilder();
            Map<String, Object> params = new LinkedHashMap<>();
            for (int i = 0; i < chunk.size(); i++) {
                values.append(i == 0 ? "" : ", ").append("(:r").append(i).append(", :e").append(i).append(", :f").append(i).append(')');
                params.put("r" + i, chunk.get(i)[0]);
                params.put("e" + i, chunk.get(i)[1]);
                params.put("f" + i, chunk.get(i)[2]);
            }
            jdbc.sql("insert into audit_review_item (review_id, event_id, reasons) values " + values).params(params).update();
        }
    }

    private void validate(Scope scope, int sampleSize) {
        if (scope.from() == null || scope.to() == null) {
            throw new InvalidInputException(scope.from() == null ? "from" : "to", "Ange periodens första och sista dag.");
        }
        if (scope.to().isBefore(scope.from())) {
            throw new InvalidInputException("to", "Perioden slutar innan den börjar.");
        }
        if (scope.to().isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("to", "Perioden kan inte sluta efter i dag.");
        }
        if (sampleSize < 0 || sampleSize > MAX_SAMPLE) {
            throw new InvalidInputException("sampleSize", "Stickprovet ska vara mellan 0 och " + MAX_SAMPLE + " händelser.");
        }
        if (scope.username() != null && scope.username().length() > 100) {
            throw new InvalidInputException("user", "Användarnamnet är för långt.");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * {@link #open(Scope, int)} once per idempotency key of the reviewer (issue 15): the same key and
     * scope again answer the first review's id; no second sample is drawn and nothing more recorded.
     */
    @Transactional
    public IdempotentRequests.Outcome<UUID> open(String idempotencyKey, Scope scope, int sampleSize) {
        return idempotent.once(actor.actor().userId(), idempotencyKey, "audit.review", java.util.Arrays.asList(scope, sampleSize),
                () -> open(scope, sampleSize));
    }
}
