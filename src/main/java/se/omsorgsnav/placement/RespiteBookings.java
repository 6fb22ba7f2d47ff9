package se.omsorgsnav.placement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
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
import se.omsorgsnav.shared.CaseNumber;
import se.omsorgsnav.shared.DateInput;
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
    private final CurrentUsers users;
    private final CaseDirectory cases;
    private final Apartments apartments;
    private final AuditLog audit;
    private final Clock clock;

    RespiteBookings(JdbcClient jdbc, CurrentUsers users, CaseDirectory cases, Apartments apartments, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.cases = cases;
        this.apartments = apartments;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewBooking(UUID homeId, String caseNumber, String fromDate, String toDate) {}

    @Transactional
    public UUID book(NewBooking booking) {
        CurrentUser me = users.current();
        if (!me.is(Role.PLACEMENT_COORDINATOR)) {
            audit.recordDenial(users.actor(), new AuditEntry(null, null, AuditAction.CREATE, "RESPITE_BOOKING", AuditOutcome.DENIED));
            throw new AccessDenied();
        }
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
        audit.record(users.actor(), new AuditEntry(facts.personId(), facts.caseId(), AuditAction.CREATE, "RESPITE_BOOKING", AuditOutcome.ALLOWED));
        return id;
    }

    @Transactional
    public void cancel(UUID id) {
        if (!users.current().is(Role.PLACEMENT_COORDINATOR)) {
            throw new AccessDenied();
        }
        UUID caseId = jdbc.sql("select case_id from respite_booking where id = ? and cancelled_at is null").param(id).query(UUID.class).optional()
                .orElseThrow(() -> new InvalidInputException("id", "Bokningen finns inte, eller är redan avbokad."));
        jdbc.sql("update respite_booking set cancelled_at = ? where id = ?").params(OffsetDateTime.now(clock), id).update();
        CaseDirectory.CaseFacts facts = cases.find(caseId).orElseThrow();
        audit.record(users.actor(), new AuditEntry(facts.personId(), caseId, AuditAction.UPDATE, "RESPITE_CANCELLED", AuditOutcome.ALLOWED));
    }

    /** Bookings not yet over: all homes for the coordinators, my home for its staff; by first day. One statement. */
    @Transactional(readOnly = true)
    public List<RespiteBooking> coming() {
        CurrentUser me = users.current();
        boolean coordinator = me.is(Role.PLACEMENT_COORDINATOR);
        boolean homeStaff = (me.is(Role.UNIT_MANAGER) || me.is(Role.ADMIN_ASSISTANT)) && apartments.isNursingHome(me.unitId());
        if (!coordinator && !homeStaff) {
            throw new AccessDenied();
        }
        return jdbc.sql("""
                        select b.id, u.name, c.case_number, b.from_date, b.to_date, s.full_name
                        from respite_booking b
                          join unit u on u.id = b.unit_id
                          join care_case c on c.id = b.case_id
                          join app_user s on s.id = b.booked_by
                        where b.to_date >= ? and b.cancelled_at is null
                        """ + (coordinator ? "" : " and b.unit_id = ?\n") + """
                        order by b.from_date, u.name, b.id
                        fetch first 500 rows only
                        """)
                .params(coordinator ? List.of(LocalDate.now(clock)) : List.of(LocalDate.now(clock), me.unitId()))
                .query((rs, n) -> new RespiteBooking(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getString(6)))
                .list();
    }

    /** The homes a respite place can be booked at, for the form. */
    public record Home(UUID id, String name) {}

    @Transactional(readOnly = true)
    public List<Home> homes() {
        return jdbc.sql("select id, name from unit where kind = 'NURSING_HOME' order by name").query((rs, n) -> new Home(rs.getObject(1, UUID.class),
                rs.getString(2))).list();
    }
}
