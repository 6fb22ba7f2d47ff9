package se.omsorgsnav.placement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.shared.WorkingDayCalendar;

/**
 * PLC-9: the case officer sees the answer and the move-in date of places accepted on their cases,
 * and is reminded to close the person's other ongoing services the day before the execution date
 * (the move-in): by the working day before it, so that the reminder falls on a day someone works.
 * Case number and home only; the person is on the case, behind the gate.
 */
@Component
public class CaseOfficerReminders {

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    CaseOfficerReminders(JdbcClient jdbc, CurrentUsers users, WorkingDayCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Accepted, not yet executed, on my cases; by move-in date. One statement. */
    @Transactional(readOnly = true)
    public List<MoveInReminder> mine() {
        CurrentUser me = users.current();
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                        select c.case_number, u.name, l.answered_on, l.move_in_on
                        from placement_decision d
                          join care_case c on c.id = d.case_id
                          join allocation l on l.decision_id = d.id and l.status = 'ACCEPTED'
                          join apartment a on a.id = l.apartment_id
                          join unit u on u.id = a.unit_id
                        where c.case_officer_id = ? and d.status = 'ACCEPTED'
                        order by l.move_in_on, c.case_number
                        """)
                .param(me.id())
                .query((rs, n) -> {
                    LocalDate moveIn = rs.getObject(4, LocalDate.class);
                    LocalDate closeBy = calendar.previousWorkingDay(moveIn);
                    return new MoveInReminder(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), moveIn, closeBy,
                            !today.isBefore(closeBy));
                })
                .list();
    }

}
