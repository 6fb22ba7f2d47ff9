package se.omsorgsnav.placement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.CaseDirectory;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.StaffDirectory;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.shared.CaseNumber;
import se.omsorgsnav.shared.DateInput;
import se.omsorgsnav.shared.IdempotentRequests;
import se.omsorgsnav.shared.InvalidInputException;

/**
 * Respite places ("avlösning") booked by the placement coordinators (PLC-11, 002 §6.2): the name is
 * never in the booking system. A booking is the home, the period and the case; the coordinators and
 * the home's staff see case numbers, and whoever needs the person opens the case, through the gate,
 * with an authorisation when the person is protected. That holds for every booking, so that a list
 * without names does not itself point out the protected ones.
 */
@Component
public class RespiteBookings {

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final CaseDirectory cases;
    private final ListedCases listed;
    private final StaffDirectory staff;
    private final Apartments apartments;
    private final Clock clock;

    private final IdempotentRequests idempotent;
    private final CurrentUsers users;

    RespiteBookings(JdbcClient jdbc, AccessControl access, CaseDirectory cases, ListedCases listed, StaffDirectory staff, Apartments apartments,
                    Clock clock, IdempotentRequests idempotent,
            CurrentUsers users) {
        this.idempotent = idempotent;
        this.users = users;
        this.jdbc = jdbc;
        this.access = access;
        this.cases = cases;
        this.listed = listed;
        this.staff = staff;
        this.apartments = apartments;
        this.clock = clock;
    }

    /** Whether the user books and cancels (the page's form and buttons). */
    public boolean maySchedule() {
        return access.has(PlacementAction.BOOK_RESPITE, Target.NONE);
    }

    public record NewBooking(UUID homeId, String caseNumber, String fromDate, String toDate) {}

    @Transactional
    public UUID book(NewBooking booking) {
        CurrentUser me = access.require(PlacementAction.BOOK_RESPITE, Target.NONE);
        if (!apartments.isNursingHome(booking.homeId())) {
            throw new InvalidInputException("homeId", "Välj boendet där avlösningsplatsen finns.");
        }
        if (booking.caseNumber() == null || booking.caseNumber().isBlank()) {
            throw new InvalidInputException("caseNumber", "Ange ärendenumret. Namn skrivs aldrig i bokningen.");
        }
        CaseDirectory.CaseFacts facts = cases.find(CaseNumber.parse(booking.caseNumber()))
                .orElseThrow(() -> new InvalidInputException("caseNumber", "Det finns inget ärende med det numret."));
        if (!facts.open()) {
            throw new InvalidInputException("caseNumber", "Ärendet är avslutat.");
        }
        LocalDate from = DateInput.required("fromDate", "Första dag", booking.fromDate());
        LocalDate to = DateInput.required("toDate", "Sista dag", booking.toDate());
        if (from.isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException("fromDate", "Första dag kan inte ha passerat.");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("toDate", "Sista dag kan inte vara före första dag.");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into respite_booking (id, unit_id, case_id, from_date, to_date, booked_by, booked_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(id, booking.homeId(), facts.caseId(), from, to, me.id(), OffsetDateTime.now(clock)).update();
        access.require(PlacementAction.BOOK_RESPITE, Target.ofCase(facts));
        return id;
    }

    @Transactional
    public void cancel(UUID id) {
        access.require(PlacementAction.CANCEL_RESPITE, Target.NONE);
        UUID caseId = jdbc.sql("select case_id from respite_booking where id = ? and cancelled_at is null").param(id).query(UUID.class).optional()
                .orElseThrow(() -> new InvalidInputException("id", "Bokningen finns inte, eller är redan avbokad."));
        jdbc.sql("update respite_booking set cancelled_at = ? where id = ?").params(OffsetDateTime.now(clock), id).update();
        access.require(PlacementAction.CANCEL_RESPITE, Target.ofCase(cases.find(caseId).orElseThrow()));
    }

    /**
     * Bookings not yet over: all homes for the coordinators, my home for its staff; by first day.
     * One statement, and the constant few of the case directory, the homes, the bookers, the
     * authorisations and the audit. A protected person's booking, to a reader without an
     * authorisation for her case, is its case number only: no home, dates or booker (issue 14 §2),
     * and it is still counted (PROT-24).
     */
    @Transactional
    public List<RespiteBooking> coming() {
        UUID myHome = apartments.myHome();
        boolean all = access.has(PlacementAction.VIEW_RESPITE_BOOKINGS, Target.NONE);
        if (!all) {
            access.require(PlacementAction.VIEW_HOME_RESPITE_BOOKINGS, Target.unit(myHome));
        }
        record Row(UUID id, UUID homeId, UUID caseId, LocalDate from, LocalDate to, UUID bookedBy) {}
        var statement = jdbc.sql("""
                        select b.id, b.unit_id, b.case_id, b.from_date, b.to_date, b.booked_by
                        from respite_booking b
                        where b.to_date >= :today and b.cancelled_at is null
                        """ + (all ? "" : " and b.unit_id = :home\n") + """
                        order by b.from_date, b.id
                        fetch first 500 rows only
                        """).param("today", LocalDate.now(clock));
        if (!all) {
            statement = statement.param("home", myHome);
        }
        List<Row> rows = statement.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getObject(6, UUID.class))).list();
        ListedCases.Listed shown = listed.list(rows.stream().map(Row::caseId).toList(),
                all ? PlacementAction.VIEW_RESPITE_BOOKINGS : PlacementAction.VIEW_HOME_RESPITE_BOOKINGS);
        Map<UUID, StaffDirectory.UnitView> homes = staff.unitsById(rows.stream().map(Row::homeId).distinct().toList());
        Map<UUID, StaffDirectory.StaffView> bookers = staff.findAll(rows.stream().map(Row::bookedBy).distinct().toList());
        return rows.stream().filter(r -> shown.number(r.caseId()) != null).map(r -> {
            boolean open = shown.shows(r.caseId());
            return new RespiteBooking(r.id(), open && homes.containsKey(r.homeId()) ? homes.get(r.homeId()).name() : null, shown.number(r.caseId()),
                    open ? r.from() : null, open ? r.to() : null, open && bookers.containsKey(r.bookedBy()) ? bookers.get(r.bookedBy()).fullName() : null,
                    !open);
        }).toList();
    }

    /** The homes a respite place can be booked at, for the form. */
    public record Home(UUID id, String name) {}

    @Transactional(readOnly = true)
    public List<Home> homes() {
        return staff.nursingHomes().stream().map(u -> new Home(u.id(), u.name())).toList();
    }

    /**
     * {@link #book(NewBooking)} once per idempotency key of the current user (issue 15): the same key
     * and request again answer the first booking's id, and nothing more is done.
     */
    @Transactional
    public IdempotentRequests.Outcome<UUID> book(String idempotencyKey, NewBooking booking) {
        return idempotent.once(users.current().id(), idempotencyKey, "placement.respite", booking, () -> book(booking));
    }
}
