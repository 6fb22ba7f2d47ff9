package se.omsorgsnav.placement;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessDenied;
import se.omsorgsnav.access.CaseDirectory;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.Role;
import se.omsorgsnav.audit.AuditAction;
import se.omsorgsnav.audit.AuditEntry;
import se.omsorgsnav.audit.AuditLog;
import se.omsorgsnav.audit.AuditOutcome;
import se.omsorgsnav.messaging.Messages;
import se.omsorgsnav.messaging.NewMessage;
import se.omsorgsnav.shared.ConflictException;
import se.omsorgsnav.shared.InvalidInputException;

/**
 * The placement manager allocates a vacant apartment to a decision in the queue (PLC-4, seed 003
 * "Boendesamordning enhetschef" 3-4), and the home's unit manager gets the person to offer it to,
 * as a place-offer message to the home's group through the gate. Two coordinators can never
 * allocate the same apartment or the same person twice, even at the same moment: the database's
 * unique constraints decide, and the loser is told so (409). For a protected person the agreed
 * offer-maker, a coordinator or the case officer, is recorded (PLC-11).
 */
@Component
public class Allocations {

    static final String TAKEN = "Lägenheten eller personen har redan tilldelats av någon annan. Ladda om sidan och välj igen.";

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final CaseDirectory cases;
    private final Messages messages;
    private final AuditLog audit;
    private final Clock clock;

    Allocations(JdbcClient jdbc, CurrentUsers users, CaseDirectory cases, Messages messages, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.cases = cases;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewAllocation(UUID decisionId, UUID apartmentId, String offerMaker) {}

    private record Decision(UUID caseId, String status, CareProfile profile, String residence, boolean coResident, String relative) {}

    private record Apartment(UUID homeId, String home, String number, CareProfile profile, boolean vacant) {}

    @Transactional
    public UUID allocate(NewAllocation request) {
        CurrentUser me = users.current();
        if (!me.is(Role.PLACEMENT_COORDINATOR)) {
            audit.recordDenial(users.actor(), new AuditEntry(null, null, AuditAction.CREATE, "ALLOCATION", AuditOutcome.DENIED));
            throw new AccessDenied();
        }
        Decision decision = request.decisionId() == null ? null : jdbc.sql("""
                        select case_id, status, care_profile, current_residence, co_resident, relative_contact from placement_decision where id = ?
                        """)
                .param(request.decisionId())
                .query((rs, n) -> new Decision(rs.getObject(1, UUID.class), rs.getString(2), CareProfile.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getBoolean(5), rs.getString(6)))
                .optional().orElse(null);
        if (decision == null) {
            throw new InvalidInputException("decisionId", "Välj ett beslut i bostadskön.");
        }
        if (!"QUEUED".equals(decision.status())) {
            throw new ConflictException(TAKEN);
        }
        Apartment apartment = request.apartmentId() == null ? null : jdbc.sql("""
                        select a.unit_id, u.name, a.number, a.care_profile,
                               exists (select 1 from vacancy v where v.apartment_id = a.id
                                       and not exists (select 1 from allocation l where l.apartment_id = a.id and l.status = 'ACCEPTED'
                                                       and l.allocated_at > v.reported_at)) as vacant
                        from apartment a join unit u on u.id = a.unit_id where a.id = ?
                        """)
                .param(request.apartmentId())
                .query((rs, n) -> new Apartment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), CareProfile.valueOf(rs.getString(4)),
                        rs.getBoolean(5)))
                .optional().orElse(null);
        if (apartment == null || !apartment.vacant()) {
            throw new InvalidInputException("apartmentId", "Välj en lägenhet som är rapporterad ledig.");
        }
        if (apartment.profile() != decision.profile()) {
            throw new InvalidInputException("apartmentId", "Lägenhetens inriktning stämmer inte med beslutet (" + decision.profile().label().toLowerCase()
                    + ").");
        }
        CaseDirectory.CaseFacts facts = cases.find(decision.caseId()).orElseThrow();
        String offerMaker = offerMaker(request.offerMaker(), facts.protectedPerson());

        UUID id = UUID.randomUUID();
        try {
            // First, so that a second coordinator waits here and loses on the constraint, before anything else is done.
            jdbc.sql("""
                            insert into allocation (id, decision_id, apartment_id, active_decision_id, active_apartment_id, allocated_by, allocated_at,
                                                    offer_maker, status)
                            values (?, ?, ?, ?, ?, ?, ?, ?, 'ALLOCATED')
                            """)
                    .params(id, request.decisionId(), request.apartmentId(), request.decisionId(), request.apartmentId(), me.id(),
                            OffsetDateTime.now(clock), offerMaker)
                    .update();
        } catch (DuplicateKeyException | ConcurrencyFailureException e) {
            throw new ConflictException(TAKEN);
        }
        int moved = jdbc.sql("update placement_decision set status = 'ALLOCATED', version = version + 1 where id = ? and status = 'QUEUED'")
                .param(request.decisionId()).update();
        if (moved != 1) {
            throw new ConflictException(TAKEN);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("facility", apartment.home());
        fields.put("apartment", apartment.number());
        fields.put("relativeContact", decision.relative() == null ? "Ingen angiven" : decision.relative());
        fields.put("currentResidence", decision.residence());
        fields.put("coResident", decision.coResident() ? "YES" : "NO");
        UUID message = messages.send(new NewMessage("allocation-" + id, "PLACE_OFFER", facts.number().value(),
                "Erbjud lägenheten. Personen har en dag på sig att svara." + ("UNIT_MANAGER".equals(offerMaker) ? ""
                        : " Erbjudandet lämnas av " + ("COORDINATOR".equals(offerMaker) ? "boendesamordnaren" : "biståndshandläggaren") + "."),
                facts.number().value(), List.of(), List.of(apartment.homeId()), fields, null, false)).id();
        jdbc.sql("update allocation set message_id = ? where id = ?").params(message, id).update();
        audit.record(users.actor(), new AuditEntry(facts.personId(), facts.caseId(), AuditAction.CREATE, "ALLOCATION", AuditOutcome.ALLOWED));
        return id;
    }

    /** One page of the vacant apartments, how many there are in all, and the cursor of the next page (null on the last). */
    public record VacantPage(List<VacantApartment> apartments, long total, String next) {}

    /**
     * Apartments reported vacant, not allocated and not lived in since, by the date they are
     * ready: one page of {@code size} after the cursor of the previous page (null for the first).
     * One statement. An apartment is vacant when a vacancy was reported at or after its latest
     * accepted allocation (no one has moved in since) and no allocation holds it; it can be offered
     * from the latest ready date of those reports. One pass over the vacancies and the accepted
     * allocations (V40), written so that PostgreSQL's estimate stays low: the earlier form with a
     * subquery per apartment was estimated above the JIT threshold and spent more time compiling
     * than running (bench/README.md, issue 7). Still linear in the history: ten years of a
     * municipality's homes is about 40,000 rows, most of this page's database time.
     */
    @Transactional(readOnly = true)
    public VacantPage vacant(String after, int size) {
        if (!users.current().is(Role.PLACEMENT_COORDINATOR)) {
            throw new AccessDenied();
        }
        Cursor cursor = Cursor.parse(after);
        String sql = """
                with vacant as (
                  select a.id, u.name, a.number, a.care_profile, a.remarks, o.ready_on, count(*) over () as total
                  from (select v.apartment_id, max(v.ready_on) as ready_on
                        from vacancy v
                          left join (select apartment_id, max(allocated_at) as allocated_at from allocation where status = 'ACCEPTED'
                                     group by apartment_id) m on m.apartment_id = v.apartment_id
                        where m.allocated_at is null or v.reported_at >= m.allocated_at
                        group by v.apartment_id) o
                    join apartment a on a.id = o.apartment_id
                    join unit u on u.id = a.unit_id
                  where not exists (select 1 from allocation l where l.active_apartment_id = a.id))
                select id, name, number, care_profile, remarks, ready_on, total from vacant
                """ + (cursor == null ? "" : "where (ready_on, name, number, id) > (:readyOn, :home, :number, :id)\n") + """
                order by ready_on, name, number, id
                fetch first %d rows only
                """.formatted(size + 1);
        var statement = jdbc.sql(sql);
        if (cursor != null) {
            statement = statement.param("readyOn", cursor.readyOn()).param("home", cursor.home()).param("number", cursor.number())
                    .param("id", cursor.id());
        }
        long[] total = {0};
        List<VacantApartment> rows = statement.query((rs, n) -> {
            total[0] = rs.getLong(7);
            return new VacantApartment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), CareProfile.valueOf(rs.getString(4)),
                    rs.getString(5), rs.getObject(6, java.time.LocalDate.class));
        }).list();
        if (rows.size() <= size) {
            return new VacantPage(rows, total[0], null);
        }
        List<VacantApartment> page = rows.subList(0, size);
        VacantApartment last = page.get(size - 1);
        return new VacantPage(List.copyOf(page), total[0], new Cursor(last.readyOn(), last.home(), last.number(), last.id()).encoded());
    }

    /** Where a page of vacant apartments ends: ready date, home, number, id — the page's order — as one URL-safe string. */
    private record Cursor(java.time.LocalDate readyOn, String home, String number, UUID id) {

        String encoded() {
            String plain = readyOn + "\n" + home + "\n" + number + "\n" + id;
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        /** Null (the first page) for a missing or unreadable cursor. */
        static Cursor parse(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(java.util.Base64.getUrlDecoder().decode(value), java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
                return parts.length == 4 ? new Cursor(java.time.LocalDate.parse(parts[0]), parts[1], parts[2], UUID.fromString(parts[3])) : null;
            } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
                return null;
            }
        }
    }

    /** PLC-11: a protected person's offer is made by the agreed coordinator or case officer, never by a unit manager who cannot see them. */
    private static String offerMaker(String requested, boolean protectedPerson) {
        String maker = requested == null || requested.isBlank() ? (protectedPerson ? null : "UNIT_MANAGER") : requested.strip();
        if (maker == null || !List.of("UNIT_MANAGER", "COORDINATOR", "CASE_OFFICER").contains(maker)
                || (protectedPerson && maker.equals("UNIT_MANAGER"))) {
            throw new InvalidInputException("offerMaker", protectedPerson
                    ? "Ange vem som lämnar erbjudandet: boendesamordnaren eller biståndshandläggaren (skyddade personuppgifter)."
                    : "Ange vem som lämnar erbjudandet: enhetschefen, boendesamordnaren eller biståndshandläggaren.");
        }
        return maker;
    }
}
