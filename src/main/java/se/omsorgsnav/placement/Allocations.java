package se.omsorgsnav.placement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.CaseDirectory;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.StaffDirectory;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.messaging.Messages;
import se.omsorgsnav.messaging.NewMessage;
import se.omsorgsnav.shared.ConflictException;
import se.omsorgsnav.shared.IdempotentRequests;
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
    private final AccessControl access;
    private final CaseDirectory cases;
    private final StaffDirectory staff;
    private final PlacementDecisions decisions;
    private final Messages messages;
    private final Clock clock;

    private final IdempotentRequests idempotent;

    Allocations(JdbcClient jdbc, CurrentUsers users, AccessControl access, CaseDirectory cases, StaffDirectory staff, PlacementDecisions decisions,
                Messages messages, Clock clock, IdempotentRequests idempotent) {
        this.idempotent = idempotent;
        this.jdbc = jdbc;
        this.users = users;
        this.access = access;
        this.cases = cases;
        this.staff = staff;
        this.decisions = decisions;
        this.messages = messages;
        this.clock = clock;
    }

    public record NewAllocation(UUID decisionId, UUID apartmentId, String offerMaker) {}

    private record Decision(CareProfile profile, String residence, boolean coResident, String relative) {}

    private record Apartment(UUID homeId, String number, CareProfile profile, boolean vacant, boolean taken) {}

    @Transactional
    public UUID allocate(NewAllocation request) {
        // The role first (no person yet); the case's own rule below, once the decision is known.
        CurrentUser me = access.require(PlacementAction.ALLOCATE, Target.NONE);
        Optional<PlacementDecisions.Current> found = decisions.find(request.decisionId());
        if (found.isEmpty()) {
            throw new InvalidInputException("decisionId", "Välj ett beslut i bostadskön.");
        }
        PlacementDecisions.Current decision = found.get();
        Apartment apartment = request.apartmentId() == null ? null : jdbc.sql("""
                        select a.unit_id, a.number, a.care_profile,
                               exists (select 1 from vacancy v where v.apartment_id = a.id
                                       and not exists (select 1 from allocation l where l.apartment_id = a.id and l.status = 'ACCEPTED'
                                                       and l.allocated_at > v.reported_at)) as vacant,
                               exists (select 1 from allocation l where l.active_apartment_id = a.id) as taken
                        from apartment a where a.id = ?
                        """)
                .param(request.apartmentId())
                .query((rs, n) -> new Apartment(rs.getObject(1, UUID.class), rs.getString(2), CareProfile.valueOf(rs.getString(3)), rs.getBoolean(4),
                        rs.getBoolean(5)))
                .optional().orElse(null);
        if (apartment != null && apartment.taken()) {
            // Someone allocated it a moment ago: told at once, without waiting on their transaction (PLC-4).
            throw new ConflictException(TAKEN);
        }
        Optional<CaseDirectory.CaseFacts> facts = cases.find(decision.caseId());
        // A protected person's allocation names her home and apartment: the coordinator needs an authorisation for the case.
        access.require(PlacementAction.ALLOCATE, facts.map(Target::ofCase));
        if (!decision.status().canMoveTo(DecisionStatus.ALLOCATED)) {
            throw new ConflictException(TAKEN);
        }
        if (apartment == null || !apartment.vacant()) {
            throw new InvalidInputException("apartmentId", "Välj en lägenhet som är rapporterad ledig.");
        }
        Decision wanted = jdbc.sql("select care_profile, current_residence, co_resident, relative_contact from placement_decision where id = ?")
                .param(decision.id())
                .query((rs, n) -> new Decision(CareProfile.valueOf(rs.getString(1)), rs.getString(2), rs.getBoolean(3), rs.getString(4)))
                .single();
        if (apartment.profile() != wanted.profile()) {
            throw new InvalidInputException("apartmentId", "Lägenhetens inriktning stämmer inte med beslutet (" + wanted.profile().label().toLowerCase()
                    + ").");
        }
        OfferMaker offerMaker = offerMaker(request.offerMaker(), facts.get().locked());
        requireAuthorisedMaker(offerMaker, facts.get(), apartment.homeId());
        String home = staff.unitsById(List.of(apartment.homeId())).get(apartment.homeId()).name();

        UUID id = UUID.randomUUID();
        try {
            // First, so that a second coordinator waits here and loses on the constraint, before anything else is done.
            jdbc.sql("""
                            insert into allocation (id, decision_id, apartment_id, active_decision_id, active_apartment_id, allocated_by, allocated_at,
                                                    offer_maker, status)
                            values (?, ?, ?, ?, ?, ?, ?, ?, 'ALLOCATED')
                            """)
                    .params(id, decision.id(), request.apartmentId(), decision.id(), request.apartmentId(), me.id(),
                            OffsetDateTime.now(clock), offerMaker.name())
                    .update();
        } catch (DuplicateKeyException | ConcurrencyFailureException e) {
            throw new ConflictException(TAKEN);
        }
        try {
            decisions.move(decision, DecisionStatus.ALLOCATED);
        } catch (ConflictException e) {
            throw new ConflictException(TAKEN);
        }
        // Field names as messaging knows them: it withholds the place and the relative from recipients to whom the person is masked.
        String caseNumber = facts.get().number().value();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("facility", home);
        fields.put("apartment", apartment.number());
        fields.put("relativeContact", wanted.relative() == null ? "Ingen angiven" : wanted.relative());
        fields.put("currentResidence", wanted.residence());
        fields.put("coResident", wanted.coResident() ? "YES" : "NO");
        UUID message = messages.send(new NewMessage("allocation-" + id, "PLACE_OFFER", caseNumber,
                "Erbjud lägenheten. Personen har en dag på sig att svara." + (offerMaker == OfferMaker.UNIT_MANAGER ? ""
                        : " Erbjudandet lämnas av " + (offerMaker == OfferMaker.COORDINATOR ? "boendesamordnaren" : "biståndshandläggaren") + "."),
                caseNumber, List.of(), List.of(apartment.homeId()), fields, null, false)).id();
        jdbc.sql("update allocation set message_id = ? where id = ?").params(message, id).update();
        return id;
    }

    /**
     * Issue 14 §2, seed 002 §2.1: for a protected person the agreed offer maker must hold a valid
     * authorisation for the case when the allocation is recorded — the allocating coordinator has
     * just been asked; the case's officer, or a unit manager of the receiving home, is looked up.
     */
    private void requireAuthorisedMaker(OfferMaker maker, CaseDirectory.CaseFacts facts, UUID homeId) {
        if (!facts.locked() || maker == OfferMaker.COORDINATOR) {
            return;
        }
        boolean authorised = maker == OfferMaker.CASE_OFFICER
                ? facts.caseOfficerId() != null && staff.authorisedFor(facts.caseId(), facts.caseOfficerId(), null, null, LocalDate.now(clock))
                : staff.authorisedFor(facts.caseId(), null, homeId, se.omsorgsnav.access.Role.UNIT_MANAGER, LocalDate.now(clock));
        if (!authorised) {
            throw new InvalidInputException("offerMaker", maker == OfferMaker.CASE_OFFICER
                    ? "Biståndshandläggaren har ingen giltig behörighet till ärendet. Välj någon som har det, eller beställ behörighet först."
                    : "Ingen enhetschef på boendet har giltig behörighet till ärendet. Välj någon som har det, eller beställ behörighet först.");
        }
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
        access.require(PlacementAction.VIEW_VACANT_APARTMENTS, Target.NONE);
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

    /**
     * PLC-11: who makes the offer. For a protected person it is agreed and named: a coordinator, the
     * case officer, or the home's unit manager — each only with an authorisation for the case.
     */
    private static OfferMaker offerMaker(String requested, boolean locked) {
        if (requested == null || requested.isBlank()) {
            if (!locked) {
                return OfferMaker.UNIT_MANAGER;
            }
        } else {
            try {
                return OfferMaker.valueOf(requested.strip());
            } catch (IllegalArgumentException e) {
                // told below
            }
        }
        throw new InvalidInputException("offerMaker", locked
                ? "Ange vem som lämnar erbjudandet: boendesamordnaren, biståndshandläggaren eller enhetschefen med behörighet (skyddade personuppgifter)."
                : "Ange vem som lämnar erbjudandet: enhetschefen, boendesamordnaren eller biståndshandläggaren.");
    }

    /**
     * {@link #allocate(NewAllocation)} once per idempotency key of the current user (issue 15): the same key
     * and request again answer the first allocation's id, and nothing more is done.
     */
    @Transactional
    public IdempotentRequests.Outcome<UUID> allocate(String idempotencyKey, NewAllocation request) {
        return idempotent.once(users.current().id(), idempotencyKey, "placement.allocation", request, () -> allocate(request));
    }
}
