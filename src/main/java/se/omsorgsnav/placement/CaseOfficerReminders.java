package se.omsorgsnav.placement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.StaffDirectory;
import se.omsorgsnav.access.Target;
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
    private final AccessControl access;
    private final ListedCases listed;
    private final StaffDirectory staff;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    CaseOfficerReminders(JdbcClient jdbc, CurrentUsers users, AccessControl access, ListedCases listed, StaffDirectory staff,
                         WorkingDayCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.access = access;
        this.listed = listed;
        this.staff = staff;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Accepted, not yet executed, on my cases; by move-in date. One statement, and the constant few
     * of the case directory, the authorisations, the homes and the audit when there are any. The
     * home is asked of the catalogue like every placement ({@link PlacementAction#SEE_PLACEMENT}):
     * a protected person's home only with an authorisation for her case.
     */
    @Transactional
    public List<MoveInReminder> mine() {
        if (!access.has(PlacementAction.VIEW_MOVE_IN_REMINDERS, Target.NONE)) {
            return List.of();
        }
        CurrentUser me = users.current();
        LocalDate today = LocalDate.now(clock);
        record Row(UUID caseId, String caseNumber, UUID homeId, LocalDate answeredOn, LocalDate moveIn, LocalDate closeBy, String rule) {}
        // The case officer is the list's filter, so the case table is joined here (issue 14: kept for the where clause).
        List<Row> rows = jdbc.sql("""
                        select d.case_id, c.case_number, a.unit_id, l.answered_on, l.move_in_on, l.close_services_by, l.close_services_rule
                        from placement_decision d
                          join care_case c on c.id = d.case_id
                          join allocation l on l.decision_id = d.id and l.status = 'ACCEPTED'
                          join apartment a on a.id = l.apartment_id
                        where c.case_officer_id = ? and d.status = 'ACCEPTED'
                        order by l.move_in_on, c.case_number
                        """)
                .param(me.id())
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7)))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        ListedCases.Listed shown = listed.list(rows.stream().map(Row::caseId).toList(), PlacementAction.VIEW_MOVE_IN_REMINDERS);
        Map<UUID, StaffDirectory.UnitView> homes = staff.unitsById(rows.stream().map(Row::homeId).distinct().toList());
        return rows.stream().map(r -> {
            // Stored with its rule at acceptance; computed the same way for a place accepted before the deadline was stored.
            LocalDate closeBy = r.closeBy() != null ? r.closeBy() : calendar.previousWorkingDay(r.moveIn());
            String rule = r.rule() != null ? r.rule() : Offers.CLOSE_SERVICES_RULE;
            String home = shown.shows(r.caseId()) && homes.containsKey(r.homeId()) ? homes.get(r.homeId()).name() : null;
            return new MoveInReminder(r.caseNumber(), home, r.answeredOn(), r.moveIn(), closeBy, rule, !today.isBefore(closeBy));
        }).toList();
    }

}
