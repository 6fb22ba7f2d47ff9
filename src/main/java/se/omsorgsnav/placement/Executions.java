package se.omsorgsnav.placement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.CaseDirectory;
import se.omsorgsnav.access.StaffDirectory;
import se.omsorgsnav.access.Target;
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

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final CaseDirectory cases;
    private final StaffDirectory staff;
    private final PlacementDecisions decisions;
    private final PersonDisclosure gate;
    private final WorkingDayCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Executions(JdbcClient jdbc, AccessControl access, CaseDirectory cases, StaffDirectory staff, PlacementDecisions decisions, PersonDisclosure gate,
               WorkingDayCalendar calendar, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.cases = cases;
        this.staff = staff;
        this.decisions = decisions;
        this.gate = gate;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    public record Execution(String executedOn, String landlordNotifiedOn) {}

    /** The home's admin assistant (or the operations lead) executes an accepted allocation's decision. */
    @Transactional
    public void execute(UUID allocationId, Execution execution) {
        record Accepted(UUID decisionId, UUID caseId, UUID personId, UUID homeId, LocalDate moveIn, AllocationStatus status, UUID apartmentId,
                        LocalDate rentFrom) {}
        Optional<Accepted> found = allocationId == null ? Optional.empty() : jdbc.sql("""
                        select l.decision_id, d.case_id, d.person_id, p.unit_id, l.move_in_on, l.status, l.apartment_id, l.rent_from
                        from allocation l join placement_decision d on d.id = l.decision_id join apartment p on p.id = l.apartment_id
                        where l.id = ?
                        """)
                .param(allocationId)
                .query((rs, n) -> new Accepted(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getObject(5, LocalDate.class), AllocationStatus.valueOf(rs.getString(6)),
                        rs.getObject(7, UUID.class), rs.getObject(8, LocalDate.class)))
                .optional();
        access.require(PlacementAction.EXECUTE_DECISION, found.flatMap(a -> cases.find(a.caseId()).map(f -> Target.ofCase(f).withUnit(a.homeId()))));
        Accepted a = found.get();
        PlacementDecisions.Current decision = decisions.find(a.decisionId()).orElseThrow();
        if (a.status() != AllocationStatus.ACCEPTED || !decision.status().canMoveTo(DecisionStatus.EXECUTED)) {
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
        decisions.move(decision, DecisionStatus.EXECUTED,
                "executed_on = ?, execution_due_on = ?, execution_due_rule = ?, execution_late = ?, landlord_notified_on = ?",
                executedOn, due, EXECUTION_RULE, executedOn.isAfter(due), landlord);
        // The apartment is lived in now: its next vacancy report makes it allocatable again.
        jdbc.sql("update allocation set active_apartment_id = null, active_decision_id = null where id = ?").param(allocationId).update();
        // Seed 003 "Boendesamordning assistent" 8: placed at the home once executed; the system does it, nobody has to remember.
        jdbc.sql("""
                        insert into tenancy (id, apartment_id, decision_id, case_id, person_id, moved_in_on, rent_from)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(UUID.randomUUID(), a.apartmentId(), a.decisionId(), a.caseId(), a.personId(), a.moveIn(), a.rentFrom()).update();
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
        record Accepted(UUID caseId, UUID personId, UUID homeId, String apartment, LocalDate moveIn, LocalDate rentFrom,
                        java.math.BigDecimal rent, AllocationStatus status) {}
        Optional<Accepted> found = allocationId == null ? Optional.empty() : jdbc.sql("""
                        select d.case_id, d.person_id, p.unit_id, p.number, l.move_in_on, l.rent_from, p.monthly_rent, l.status
                        from allocation l join placement_decision d on d.id = l.decision_id join apartment p on p.id = l.apartment_id
                        where l.id = ?
                        """)
                .param(allocationId)
                .query((rs, n) -> new Accepted(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getBigDecimal(7),
                        AllocationStatus.valueOf(rs.getString(8))))
                .optional()
                // Only an accepted place has a notice; any other answers as one that does not exist (PROT-24).
                .filter(a -> a.status() == AllocationStatus.ACCEPTED);
        access.require(PlacementAction.VIEW_LANDLORD_NOTICE,
                found.flatMap(a -> cases.find(a.caseId()).map(f -> Target.ofCase(f).withUnit(a.homeId()))));
        Accepted a = found.get();
        PersonView person = gate.open(a.personId(), a.caseId(), Purpose.LANDLORD_NOTICE);
        String home = staff.unitsById(List.of(a.homeId())).get(a.homeId()).name();
        return new LandlordNotice(allocationId, home, a.apartment(), person.displayName(), person.personalIdentityNumber(), a.moveIn(),
                a.rentFrom(), a.rent());
    }

    /** A decision not executed three months after it was made, with what the IVO report asks (PLC-12). */
    public record Unexecuted(String caseNumber, String personName, String personalIdentityNumber, boolean masked, int birthYear,
                             CareProfile careProfile, LocalDate decidedOn, long daysSinceDecision, DecisionStatus status, LocalDate offeredOn,
                             String lastAnswer) {}

    /** Decisions made on or before the day three months before today and not executed; oldest first; one statement and the gate's few. */
    @Transactional
    public List<Unexecuted> unexecuted() {
        access.require(PlacementAction.VIEW_UNEXECUTED, Target.NONE);
        LocalDate today = LocalDate.now(clock);
        LocalDate boundary = today.minusMonths(3);
        record Row(UUID personId, UUID caseId, CareProfile profile, LocalDate decidedOn, DecisionStatus status, LocalDate offeredOn, String answer) {}
        List<Row> rows = jdbc.sql("""
                        select d.person_id, d.case_id, d.care_profile, d.decided_on, d.status,
                               (select max(l.offered_on) from allocation l where l.decision_id = d.id) as offered_on,
                               (select max(l.status) from allocation l where l.decision_id = d.id and l.answered_on is not null) as answer
                        from placement_decision d
                        where d.decided_on <= ? and d.status in """ + DecisionStatus.in(DecisionStatus.OPEN) + """
                        order by d.decided_on, d.id
                        """)
                .param(boundary)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), CareProfile.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class), DecisionStatus.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class), rs.getString(7)))
                .list();
        Map<UUID, PersonView> persons = new HashMap<>();
        List<UUID> ids = rows.stream().map(Row::personId).filter(Objects::nonNull).distinct().toList();
        if (!ids.isEmpty()) {
            gate.list(ids, Purpose.PLACEMENT_QUEUE).forEach(v -> persons.put(v.id(), v));
        }
        Map<UUID, CaseDirectory.CaseFacts> facts = cases.findAll(rows.stream().map(Row::caseId).distinct().toList());
        return rows.stream().filter(r -> facts.containsKey(r.caseId())).map(r -> {
            PersonView p = persons.get(r.personId());
            return new Unexecuted(facts.get(r.caseId()).number().value(), p.displayName(), p.personalIdentityNumber(), p.masked(), p.birthYear(), r.profile(), r.decidedOn(),
                    java.time.temporal.ChronoUnit.DAYS.between(r.decidedOn(), today), r.status(), r.offeredOn(), r.answer());
        }).toList();
    }

}
