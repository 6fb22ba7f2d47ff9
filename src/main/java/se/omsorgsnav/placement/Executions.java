package se.omsorgsnav.placement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessDenied;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.Role;
import se.omsorgsnav.audit.AuditAction;
import se.omsorgsnav.audit.AuditEntry;
import se.omsorgsnav.audit.AuditLog;
import se.omsorgsnav.audit.AuditOutcome;
import se.omsorgsnav.person.PersonDisclosure;
import se.omsorgsnav.person.PersonView;
import se.omsorgsnav.person.Purpose;
import se.omsorgsnav.shared.ConflictException;
import se.omsorgsnav.shared.DateInput;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.WorkingDayCalendar;

/**
 * Executing the decision (PLC-8, seed 003 "Administrativ assistent" 1-2) and the list of decisions
 * not executed within three months, for the quarterly report to IVO (PLC-12).
 */
@Component
public class Executions {

    static final String EXECUTION_RULE = "Verkställs senast nästkommande arbetsdag efter inflyttningen (rutin 003)";
    static final Set<Role> IVO_READERS = Set.of(Role.OPERATIONS_LEAD, Role.PLACEMENT_COORDINATOR, Role.UNIT_MANAGER);

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final PersonDisclosure gate;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Executions(JdbcClient jdbc, CurrentUsers users, PersonDisclosure gate, WorkingDayCalendar calendar, AuditLog audit,
               ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.gate = gate;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public record Execution(String executedOn, String landlordNotifiedOn) {}

    /** The home's admin assistant (or the operations lead) executes an accepted allocation's decision. */
    @Transactional
    public void execute(UUID allocationId, Execution execution) {
        CurrentUser me = users.current();
        record Accepted(UUID decisionId, UUID caseId, UUID personId, UUID homeId, LocalDate moveIn, String status, UUID apartmentId,
                        LocalDate rentFrom) {}
        Accepted a = jdbc.sql("""
                        select l.decision_id, d.case_id, d.person_id, p.unit_id, l.move_in_on, l.status, l.apartment_id, l.rent_from
                        from allocation l join placement_decision d on d.id = l.decision_id join apartment p on p.id = l.apartment_id
                        where l.id = ?
                        """)
                .param(allocationId)
                .query((rs, n) -> new Accepted(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getObject(7, UUID.class),
                        rs.getObject(8, LocalDate.class)))
                .optional().orElse(null);
        boolean allowed = a != null && ((me.is(Role.ADMIN_ASSISTANT) && a.homeId().equals(me.unitId())) || me.is(Role.OPERATIONS_LEAD));
        if (!allowed) {
            audit.recordDenial(users.actor(), new AuditEntry(null, a == null ? null : a.caseId(), AuditAction.UPDATE, "EXECUTION", AuditOutcome.DENIED));
            throw new AccessDenied();
        }
        if (!"ACCEPTED".equals(a.status())) {
            throw new ConflictException("Beslutet kan verkställas först när erbjudandet är accepterat, och bara en gång.");
        }
        LocalDate executedOn = DateInput.required("executedOn", "Verkställighetsdatum", execution.executedOn());
        if (executedOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("executedOn", "Verkställighetsdatum kan inte vara i framtiden.");
        }
        if (executedOn.isBefore(a.moveIn())) {
            throw new InvalidInputException("executedOn", "Beslutet verkställs när insatsen har börjat, från inflyttningen " + a.moveIn() + ".");
        }
        LocalDate landlord = execution.landlordNotifiedOn() == null || execution.landlordNotifiedOn().isBlank() ? null
                : DateInput.required("landlordNotifiedOn", "Datum då fastighetsägaren meddelades", execution.landlordNotifiedOn());
        LocalDate due = calendar.nextWorkingDay(a.moveIn());
        int updated = jdbc.sql("""
                        update placement_decision set status = 'EXECUTED', executed_on = ?, execution_due_on = ?, execution_due_rule = ?,
                               execution_late = ?, landlord_notified_on = ?, version = version + 1
                        where id = ? and status = 'ACCEPTED'
                        """)
                .params(executedOn, due, EXECUTION_RULE, executedOn.isAfter(due), landlord, a.decisionId()).update();
        if (updated != 1) {
            throw new ConflictException("Beslutet är redan verkställt.");
        }
        // The apartment is lived in now: its next vacancy report makes it allocatable again.
        jdbc.sql("update allocation set active_apartment_id = null, active_decision_id = null where id = ?").param(allocationId).update();
        // Seed 003 "Boendesamordning assistent" 8: placed at the home once executed; the system does it, nobody has to remember.
        jdbc.sql("""
                        insert into tenancy (id, apartment_id, decision_id, case_id, person_id, moved_in_on, rent_from)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(UUID.randomUUID(), a.apartmentId(), a.decisionId(), a.caseId(), a.personId(), a.moveIn(), a.rentFrom()).update();
        audit.record(users.actor(), new AuditEntry(a.personId(), a.caseId(), AuditAction.UPDATE, "EXECUTION", AuditOutcome.ALLOWED));
        events.publishEvent(new DecisionExecuted(a.decisionId(), a.caseId(), a.apartmentId(), a.moveIn(), executedOn, executedOn.isAfter(due)));
    }

    /** What the property owner is told (PLC-8, seed 003 "Administrativ assistent" 1): who moves in where, and from when the lease applies. */
    public record LandlordNotice(UUID allocationId, String home, String apartment, String tenantName, String personalIdentityNumber,
                                 LocalDate moveInOn, LocalDate leaseFrom, java.math.BigDecimal monthlyRent) {}

    /**
     * The notice for the home's admin assistant (or the operations lead) to send the property owner,
     * once the offer is accepted. It names the person, so it opens the person through the gate: a
     * protected person needs an authorisation and is otherwise "Behörighet saknas", audited either way.
     */
    @Transactional
    public LandlordNotice landlordNotice(UUID allocationId) {
        CurrentUser me = users.current();
        record Accepted(UUID caseId, UUID personId, UUID homeId, String home, String apartment, LocalDate moveIn, LocalDate rentFrom,
                        java.math.BigDecimal rent, String status) {}
        Accepted a = jdbc.sql("""
                        select d.case_id, d.person_id, p.unit_id, u.name, p.number, l.move_in_on, l.rent_from, p.monthly_rent, l.status
                        from allocation l join placement_decision d on d.id = l.decision_id join apartment p on p.id = l.apartment_id
                          join unit u on u.id = p.unit_id
                        where l.id = ?
                        """)
                .param(allocationId)
                .query((rs, n) -> new Accepted(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getBigDecimal(8), rs.getString(9)))
                .optional().orElse(null);
        boolean allowed = a != null && "ACCEPTED".equals(a.status())
                && ((me.is(Role.ADMIN_ASSISTANT) && a.homeId().equals(me.unitId())) || me.is(Role.OPERATIONS_LEAD));
        if (!allowed) {
            audit.recordDenial(users.actor(), new AuditEntry(null, a == null ? null : a.caseId(), AuditAction.VIEW, "LANDLORD_NOTICE",
                    AuditOutcome.DENIED));
            throw new AccessDenied();
        }
        PersonView person = gate.open(a.personId(), a.caseId(), Purpose.LANDLORD_NOTICE);
        return new LandlordNotice(allocationId, a.home(), a.apartment(), person.displayName(), person.personalIdentityNumber(), a.moveIn(),
                a.rentFrom(), a.rent());
    }

    /** A decision not executed three months after it was made, with what the IVO report asks (PLC-12). */
    public record Unexecuted(String caseNumber, String personName, String personalIdentityNumber, boolean masked, int birthYear,
                             CareProfile careProfile, LocalDate decidedOn, long daysSinceDecision, String status, LocalDate offeredOn,
                             String lastAnswer) {}

    /** Decisions made on or before the day three months before today and not executed; oldest first; one statement and the gate's few. */
    @Transactional
    public List<Unexecuted> unexecuted() {
        CurrentUser me = users.current();
        if (!IVO_READERS.contains(me.role())) {
            audit.recordDenial(users.actor(), new AuditEntry(null, null, AuditAction.VIEW, "IVO_UNEXECUTED", AuditOutcome.DENIED));
            throw new AccessDenied();
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate boundary = today.minusMonths(3);
        record Row(UUID personId, String caseNumber, CareProfile profile, LocalDate decidedOn, String status, LocalDate offeredOn, String answer) {}
        List<Row> rows = jdbc.sql("""
                        select d.person_id, c.case_number, d.care_profile, d.decided_on, d.status,
                               (select max(l.offered_on) from allocation l where l.decision_id = d.id) as offered_on,
                               (select max(l.status) from allocation l where l.decision_id = d.id and l.answered_on is not null) as answer
                        from placement_decision d join care_case c on c.id = d.case_id
                        where d.decided_on <= ? and d.status not in ('EXECUTED', 'WITHDRAWN')
                        order by d.decided_on, d.id
                        """)
                .param(boundary)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), CareProfile.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7)))
                .list();
        Map<UUID, PersonView> persons = new HashMap<>();
        List<UUID> ids = rows.stream().map(Row::personId).filter(Objects::nonNull).distinct().toList();
        if (!ids.isEmpty()) {
            gate.list(ids, Purpose.PLACEMENT_QUEUE).forEach(v -> persons.put(v.id(), v));
        }
        return rows.stream().map(r -> {
            PersonView p = persons.get(r.personId());
            return new Unexecuted(r.caseNumber(), p.displayName(), p.personalIdentityNumber(), p.masked(), p.birthYear(), r.profile(), r.decidedOn(),
                    java.time.temporal.ChronoUnit.DAYS.between(r.decidedOn(), today), r.status(), r.offeredOn(), r.answer());
        }).toList();
    }

}
