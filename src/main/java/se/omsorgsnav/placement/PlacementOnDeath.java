package se.omsorgsnav.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.omsorgsnav.audit.AuditAction;
import se.omsorgsnav.audit.AuditActor;
import se.omsorgsnav.audit.AuditEntry;
import se.omsorgsnav.audit.AuditLog;
import se.omsorgsnav.audit.AuditOutcome;
import se.omsorgsnav.person.PersonDied;
import se.omsorgsnav.shared.WorkingDayCalendar;

/**
 * What placement does when the register records a death (REG-2, PLC-3), after that commit and
 * durably (Modulith's event registry republishes it after a restart): the person's open decision
 * leaves the queue and lets go of any apartment allocated to it, and a current tenancy becomes
 * the home's task to report the apartment vacant by the next working day after the death.
 * Idempotent, so a republished event changes nothing twice. A system action, with no user: not
 * decided by the access catalogue, audited as the system job. Every open status may move to
 * WITHDRAWN ({@link DecisionStatus}), so the bulk update needs no per-row transition check; it
 * bumps the version, so a user's change read before it is refused.
 */
@Component
class PlacementOnDeath {

    private static final AuditActor SYSTEM = AuditActor.system("placement-person-died");

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;

    PlacementOnDeath(JdbcClient jdbc, WorkingDayCalendar calendar, AuditLog audit) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(PersonDied died) {
        List<AuditEntry> entries = new ArrayList<>();
        List<UUID> cases = jdbc.sql("""
                        select case_id from placement_decision where person_id = ? and status in %s
                        """.formatted(DecisionStatus.in(DecisionStatus.OPEN)))
                .param(died.personId()).query(UUID.class).list();
        if (!cases.isEmpty()) {
            jdbc.sql("""
                            update allocation set status = 'WITHDRAWN', active_apartment_id = null, active_decision_id = null, version = version + 1
                            where active_decision_id in (select id from placement_decision where person_id = ?
                                                         and status in ('ALLOCATED', 'OFFERED', 'ACCEPTED'))
                            """)
                    .param(died.personId()).update();
            jdbc.sql("""
                            update placement_decision set status = 'WITHDRAWN', version = version + 1
                            where person_id = ? and status in %s
                            """.formatted(DecisionStatus.in(DecisionStatus.OPEN)))
                    .param(died.personId()).update();
            cases.forEach(c -> entries.add(new AuditEntry(died.personId(), c, AuditAction.UPDATE, "PLACEMENT_WITHDRAWN_DEATH", AuditOutcome.ALLOWED)));
        }
        List<UUID> tenancies = jdbc.sql("select case_id from tenancy where person_id = ? and ended_on is null and died_on is null")
                .param(died.personId()).query(UUID.class).list();
        if (!tenancies.isEmpty()) {
            jdbc.sql("""
                            update tenancy set died_on = ?, report_due_on = ?, report_due_rule = ?
                            where person_id = ? and ended_on is null and died_on is null
                            """)
                    .params(died.dateOfDeath(), calendar.nextWorkingDay(died.dateOfDeath()), Vacancies.DEATH_RULE, died.personId()).update();
            tenancies.forEach(c -> entries.add(new AuditEntry(died.personId(), c, AuditAction.UPDATE, "TENANT_DIED", AuditOutcome.ALLOWED)));
        }
        if (!entries.isEmpty()) {
            audit.recordAll(SYSTEM, entries);
        }
    }
}
