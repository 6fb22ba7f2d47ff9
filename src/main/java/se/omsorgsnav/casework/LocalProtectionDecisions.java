package se.omsorgsnav.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
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
import se.omsorgsnav.person.PersonProtection;
import se.omsorgsnav.shared.CaseNumber;
import se.omsorgsnav.shared.FreeText;

/**
 * The unit manager's decision on lokalt skydd (PROT-2, 002 §1.3): on a case of the manager's own
 * unit, with a mandatory reason, at most three months; recorded in the case journal, with a
 * follow-up for the unit two weeks before it ends. One transaction: all of it or nothing.
 */
@Component
public class LocalProtectionDecisions {

    static final int FOLLOW_UP_DAYS_BEFORE_END = 14;

    private final JdbcClient jdbc;
    private final PersonProtection protection;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final Clock clock;

    LocalProtectionDecisions(JdbcClient jdbc, PersonProtection protection, CurrentUsers users, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void decide(CaseNumber number, String reason, LocalDate until) {
        CurrentUser me = users.current();
        record Case(UUID id, UUID personId, UUID unitId) {}
        Case c = jdbc.sql("select id, person_id, unit_id from care_case where case_number = ? and status = 'OPEN'").param(number.value())
                .query((rs, n) -> new Case(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)))
                .optional().orElse(null);
        if (c == null || !me.is(Role.UNIT_MANAGER) || !me.unitId().equals(c.unitId())) {
            audit.recordDenial(users.actor(), new AuditEntry(c == null ? null : c.personId(), c == null ? null : c.id(),
                    AuditAction.UPDATE, "LOCAL_PROTECTION", AuditOutcome.DENIED));
            throw new AccessDenied();
        }
        String why = FreeText.requiredLines("reason", "Orsak", reason, 1000);
        protection.decideLocalProtection(c.personId(), until);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("insert into case_journal_entry (id, case_id, written_by, written_at, text) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), c.id(), me.id(), now, "Beslut om lokalt skydd till och med " + until + ". Orsak: " + why)
                .update();
        LocalDate due = until.minusDays(FOLLOW_UP_DAYS_BEFORE_END);
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("insert into follow_up (id, case_id, unit_id, due_on, kind) values (?, ?, ?, ?, 'LOCAL_PROTECTION_ENDS')")
                .params(UUID.randomUUID(), c.id(), c.unitId(), due.isBefore(today) ? today : due)
                .update();
        audit.record(users.actor(), new AuditEntry(c.personId(), c.id(), AuditAction.CREATE, "JOURNAL", AuditOutcome.ALLOWED));
    }
}
