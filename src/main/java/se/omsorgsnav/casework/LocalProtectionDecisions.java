package se.omsorgsnav.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.CaseDirectory;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.Target;
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
 * follow-up for the unit two weeks before it ends. One transaction: all of it or nothing. A person
 * already locked (protected, or linked to a protected person) is decided on only with an
 * authorisation: without one the manager is told "Behörighet saknas", exactly as for a case that
 * does not exist, so that the answer tells nothing of her protection (PROT-24).
 */
@Component
public class LocalProtectionDecisions {

    static final int FOLLOW_UP_DAYS_BEFORE_END = 14;

    private final JdbcClient jdbc;
    private final PersonProtection protection;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final CaseDirectory directory;
    private final AccessControl access;
    private final Clock clock;

    LocalProtectionDecisions(JdbcClient jdbc, PersonProtection protection, CurrentUsers users, AuditLog audit, CaseDirectory directory,
                             AccessControl access, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.access = access;
        this.protection = protection;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void decide(CaseNumber number, String reason, LocalDate until) {
        Optional<CaseDirectory.CaseFacts> facts = directory.find(number).filter(CaseDirectory.CaseFacts::open);
        CurrentUser me = access.require(CaseworkAction.LOCAL_PROTECTION, facts.map(Target::ofCase));
        CaseDirectory.CaseFacts c = facts.get();
        String why = FreeText.requiredLines("reason", "Orsak", reason, 1000);
        protection.decideLocalProtection(c.personId(), until);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("insert into case_journal_entry (id, case_id, written_by, written_at, text) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), c.caseId(), me.id(), now, "Beslut om lokalt skydd till och med " + until + ". Orsak: " + why)
                .update();
        LocalDate due = until.minusDays(FOLLOW_UP_DAYS_BEFORE_END);
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("insert into follow_up (id, case_id, unit_id, due_on, kind) values (?, ?, ?, ?, 'LOCAL_PROTECTION_ENDS')")
                .params(UUID.randomUUID(), c.caseId(), c.unitId(), due.isBefore(today) ? today : due)
                .update();
        audit.record(users.actor(), new AuditEntry(c.personId(), c.caseId(), AuditAction.CREATE, "JOURNAL", AuditOutcome.ALLOWED));
    }
}
