package se.omsorgsnav.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.Target;

/** What the user's unit must follow up, soonest first: case numbers and dates, no person data. */
@Component
public class FollowUps {

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final Clock clock;
    private final AccessControl access;

    FollowUps(JdbcClient jdbc, CurrentUsers users, Clock clock, AccessControl access) {
        this.jdbc = jdbc;
        this.access = access;
        this.users = users;
        this.clock = clock;
    }

    public record FollowUpView(String caseNumber, LocalDate dueOn, String kind, boolean overdue) {}

    /** The unit's follow-ups for its managers; for anyone else none, so a page may ask whoever is logged in. */
    public List<FollowUpView> ofMyUnit() {
        if (!access.has(CaseworkAction.FOLLOW_UPS, Target.NONE)) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                        select c.case_number, f.due_on, f.kind from follow_up f join care_case c on c.id = f.case_id
                        where f.unit_id = ? and f.done_at is null and f.due_on <= ? order by f.due_on, c.case_number limit 100
                        """)
                .params(users.current().unitId(), today.plusDays(30))
                .query((rs, n) -> new FollowUpView(rs.getString(1), rs.getObject(2, LocalDate.class),
                        "LOCAL_PROTECTION_ENDS".equals(rs.getString(3)) ? "Lokalt skydd upphör" : rs.getString(3),
                        rs.getObject(2, LocalDate.class).isBefore(today)))
                .list();
    }
}
