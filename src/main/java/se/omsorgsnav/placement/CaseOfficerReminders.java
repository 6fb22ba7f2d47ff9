package se.omsorgsnav.placement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.person.PersonDisclosure;
import se.omsorgsnav.person.PersonView;
import se.omsorgsnav.person.Purpose;
import se.omsorgsnav.shared.WorkingDayCalendar;

/**
 * PLC-9: the case officer sees the answer and the move-in date of places accepted on their cases,
 * and is reminded to close the person's other ongoing services the day before the execution date
 * (the move-in): by the working day before it, so that the reminder falls on a day someone works.
 * Case number and home only; the person is on the case, behind the gate. The home is where a
 * protected person lives: it is withheld unless the gate shows the officer the person in full.
 */
@Component
public class CaseOfficerReminders {

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final PersonDisclosure gate;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    CaseOfficerReminders(JdbcClient jdbc, CurrentUsers users, PersonDisclosure gate, WorkingDayCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.gate = gate;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Accepted, not yet executed, on my cases; by move-in date. One statement, and the gate's few when there are any. */
    @Transactional
    public List<MoveInReminder> mine() {
        CurrentUser me = users.current();
        LocalDate today = LocalDate.now(clock);
        record Row(UUID personId, String caseNumber, String home, LocalDate answeredOn, LocalDate moveIn, LocalDate closeBy, String rule) {}
        List<Row> rows = jdbc.sql("""
                        select d.person_id, c.case_number, u.name, l.answered_on, l.move_in_on, l.close_services_by, l.close_services_rule
                        from placement_decision d
                          join care_case c on c.id = d.case_id
                          join allocation l on l.decision_id = d.id and l.status = 'ACCEPTED'
                          join apartment a on a.id = l.apartment_id
                          join unit u on u.id = a.unit_id
                        where c.case_officer_id = ? and d.status = 'ACCEPTED'
                        order by l.move_in_on, c.case_number
                        """)
                .param(me.id())
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7)))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<UUID> masked = gate.list(rows.stream().map(Row::personId).distinct().toList(), Purpose.PLACEMENT_QUEUE).stream()
                .filter(PersonView::masked).map(PersonView::id).collect(Collectors.toSet());
        return rows.stream().map(r -> {
            // Stored with its rule at acceptance; computed the same way for a place accepted before the deadline was stored.
            LocalDate closeBy = r.closeBy() != null ? r.closeBy() : calendar.previousWorkingDay(r.moveIn());
            String rule = r.rule() != null ? r.rule() : Offers.CLOSE_SERVICES_RULE;
            return new MoveInReminder(r.caseNumber(), masked.contains(r.personId()) ? null : r.home(), r.answeredOn(), r.moveIn(), closeBy, rule,
                    !today.isBefore(closeBy));
        }).toList();
    }

}
