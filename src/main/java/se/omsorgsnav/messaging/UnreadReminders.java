package se.omsorgsnav.messaging;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.CaseDirectory;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.shared.WorkingDayCalendar;

/**
 * MSG-6 (seed 000: "Ansvariga ska dagligen öppna ... och läsa meddelanden"): group messages still
 * unread past one working day, for the staff who answer for the group. A unit's group answers to
 * the unit's managers; a system group to the user LVS named for it.
 * <p>
 * The rule: a message that came on day D must be read by the end of the first working day after
 * D. It is therefore late on any day after that working day, which is exactly when it came before
 * the last working day before today. Weekends and Swedish holidays come from the shared calendar.
 * Messages older than {@link #HORIZON_DAYS} days are no longer chased here.
 */
@Component
public class UnreadReminders {

    static final int HORIZON_DAYS = 60;
    static final int LIMIT = 50;

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final AccessControl access;
    private final CaseDirectory cases;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    UnreadReminders(JdbcClient jdbc, CurrentUsers users, AccessControl access, CaseDirectory cases, WorkingDayCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.access = access;
        this.cases = cases;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The late group messages of the groups I answer for, oldest first; one statement. */
    @Transactional(readOnly = true)
    public List<UnreadReminder> mine() {
        CurrentUser me = users.current();
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime cutoff = calendar.previousWorkingDay(today).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime horizon = today.minusDays(HORIZON_DAYS).atStartOfDay(zone).toOffsetDateTime();
        // A unit's group answers to the managers who keep it (MSG-6).
        boolean unitManager = me.unitId() != null && access.has(MessageAction.KEEP_UNIT_GROUP, Target.unit(me.unitId()));
        List<Row> rows = jdbc.sql("""
                        select d.message_id, g.name, m.subject, m.case_number, m.sent_at, count(*) as members, m.case_id
                        from message_group g
                          join message_delivery d on d.via_group_id = g.id
                          join message m on m.id = d.message_id
                        where (g.responsible_user_id = :me or (:unitManager = true and g.kind = 'UNIT' and g.unit_id = :unit))
                          and d.sent_at >= :horizon and d.sent_at < :cutoff
                        group by d.message_id, g.id, g.name, m.subject, m.case_number, m.sent_at, m.case_id
                        having count(d.read_at) = 0 and sum(case when d.archived then 1 else 0 end) = 0
                        order by m.sent_at, d.message_id
                        limit :limit
                        """)
                .param("me", me.id()).param("unitManager", unitManager).param("unit", unitManager ? me.unitId() : me.id())
                .param("horizon", horizon).param("cutoff", cutoff).param("limit", LIMIT)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getLong(6), rs.getObject(7, UUID.class)))
                .list();
        // PROT-25: a subject written before the person's protection began may say more than the case number; decided now,
        // for the whole list in one batch of case facts and one authorisation query.
        Map<UUID, CaseDirectory.CaseFacts> facts = cases.findAll(rows.stream().map(Row::caseId).filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<Target, Boolean> inFull = access.decideAll(MessageAction.READ_IN_FULL,
                facts.values().stream().map(Target::ofCase).distinct().toList());
        return rows.stream().map(r -> {
            CaseDirectory.CaseFacts f = r.caseId() == null ? null : facts.get(r.caseId());
            boolean shown = r.caseId() == null || (f != null && inFull.getOrDefault(Target.ofCase(f), false));
            return new UnreadReminder(r.id(), r.group(), shown ? r.subject() : r.caseNumber(), r.caseNumber(), r.sentAt(),
                    calendar.nextWorkingDay(r.sentAt().atZoneSameInstant(zone).toLocalDate()), r.members());
        }).toList();
    }

    private record Row(UUID id, String group, String subject, String caseNumber, OffsetDateTime sentAt, long members, UUID caseId) {}
}
