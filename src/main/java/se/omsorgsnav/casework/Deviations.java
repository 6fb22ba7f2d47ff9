package se.omsorgsnav.casework;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.CaseAuthorizations;
import se.omsorgsnav.access.CaseDirectory;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.RowFilter;
import se.omsorgsnav.access.StaffDirectory;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.audit.AuditAction;
import se.omsorgsnav.audit.AuditEntry;
import se.omsorgsnav.audit.AuditLog;
import se.omsorgsnav.audit.AuditOutcome;
import se.omsorgsnav.shared.CaseNumber;
import se.omsorgsnav.shared.FreeText;
import se.omsorgsnav.shared.IdempotentRequests;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.PersonalIdentityNumber;

/**
 * Deviations (PROT-16, 002 §4.2): an authorised user reports on the person's case; anyone else
 * reports "ej person", which an authorised user attaches to the person later. A case number that
 * names no case, and a locked person's case without an authorisation for it, answer alike:
 * "Behörighet saknas", audited (PROT-24).
 */
@Component
public class Deviations {

    private final JdbcClient jdbc;
    private final CaseDirectory directory;
    private final AccessControl access;
    private final CurrentUsers users;
    private final CaseAuthorizations authorizations;
    private final AuditLog audit;
    private final Clock clock;
    private final StaffDirectory staff;

    private final IdempotentRequests idempotent;

    Deviations(JdbcClient jdbc, CaseDirectory directory, AccessControl access, CurrentUsers users, CaseAuthorizations authorizations,
               AuditLog audit, Clock clock, StaffDirectory staff, IdempotentRequests idempotent) {
        this.idempotent = idempotent;
        this.jdbc = jdbc;
        this.staff = staff;
        this.directory = directory;
        this.access = access;
        this.users = users;
        this.authorizations = authorizations;
        this.audit = audit;
        this.clock = clock;
    }

    public record DeviationView(UUID id, OffsetDateTime reportedAt, String reportedBy, String unitName, String description) {}

    /** Reports a deviation, on a case when a case number is given, else "ej person". */
    @Transactional
    public UUID report(String caseNumber, String description) {
        CurrentUser me = users.current();
        String text = FreeText.requiredLines("description", "Beskrivning", description, 4000);
        CaseDirectory.CaseFacts ref = null;
        if (caseNumber != null && !caseNumber.isBlank()) {
            ref = require(CaseworkAction.DEVIATION, CaseNumber.parse(caseNumber));
        } else if (PersonalIdentityNumber.appearsIn(text)) {
            throw new InvalidInputException("description", "Skriv aldrig personnummer i en avvikelse som gäller \"ej person\".");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into deviation (id, reported_by, reported_at, reporter_unit_id, case_id, person_id, description)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(id, me.id(), OffsetDateTime.now(clock), me.unitId(), ref == null ? null : ref.caseId(), ref == null ? null : ref.personId(), text)
                .update();
        if (ref == null) {
            // "Ej person": nothing personal to decide on, but the report itself is recorded.
            audit.record(users.actor(), new AuditEntry(null, null, AuditAction.CREATE, CaseworkAction.DEVIATION.name(), AuditOutcome.ALLOWED));
        }
        return id;
    }

    /**
     * "Ej person" deviations waiting to be attached: SAS sees all, a unit manager their unit's. The
     * reporters' and their units' names are asked of access in one batch each (issue 14 §1); the
     * unit is the one the reporter belonged to when reporting, not her unit today.
     */
    @Transactional(readOnly = true)
    public List<DeviationView> unattached() {
        CurrentUser me = users.current();
        access.require(CaseworkAction.UNATTACHED_DEVIATIONS, Target.unit(me.unitId()));
        RowFilter permitted = access.filter(CaseworkAction.UNATTACHED_DEVIATIONS, RowFilter.Columns.of().unit("d.reporter_unit_id"));
        record Reported(UUID id, OffsetDateTime at, UUID by, UUID unitId, String description) {}
        List<Reported> rows = jdbc.sql("""
                        select d.id, d.reported_at, d.reported_by, d.reporter_unit_id, d.description
                        from deviation d
                        where d.person_id is null and %s order by d.reported_at, d.id limit 200
                        """.formatted(permitted.sql()))
                .params(permitted.params())
                .query((rs, n) -> new Reported(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getString(5))).list();
        var reporters = staff.findAll(rows.stream().map(Reported::by).collect(Collectors.toSet()));
        var units = staff.unitsById(rows.stream().map(Reported::unitId).collect(Collectors.toSet()));
        return rows.stream().map(r -> {
            var reporter = reporters.get(r.by());
            var unit = units.get(r.unitId());
            return new DeviationView(r.id(), r.at(), reporter == null ? null : reporter.fullName(), unit == null ? null : unit.name(),
                    r.description());
        }).toList();
    }

    /**
     * The open cases the user is personally authorised for, by number: the ones to attach a
     * deviation on a protected person to. Case numbers only, which identify no one.
     */
    @Transactional(readOnly = true)
    public List<String> authorisedCaseNumbers() {
        List<UUID> ids = authorizations.authorisedCases(users.current());
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select case_number from care_case where id in (:ids) and status = 'OPEN' order by case_number")
                .param("ids", ids).query(String.class).list();
    }

    /** An authorised user attaches an "ej person" deviation to the person of a case. */
    @Transactional
    public void attach(UUID deviationId, String caseNumber) {
        CaseDirectory.CaseFacts ref = require(CaseworkAction.DEVIATION_ATTACHED, CaseNumber.parse(caseNumber));
        int updated = jdbc.sql("""
                        update deviation set case_id = ?, person_id = ?, attached_by = ?, attached_at = ?
                        where id = ? and person_id is null
                        """)
                .params(ref.caseId(), ref.personId(), users.current().id(), OffsetDateTime.now(clock), deviationId).update();
        if (updated != 1) {
            throw new InvalidInputException("deviationId", "Avvikelsen finns inte eller är redan kopplad till en person.");
        }
    }

    /** The case, if the user may act on it: else "Behörighet saknas", alike for no such case (audited either way). */
    private CaseDirectory.CaseFacts require(CaseworkAction action, CaseNumber number) {
        Optional<CaseDirectory.CaseFacts> facts = directory.find(number);
        access.require(action, facts.map(Target::ofCase));
        return facts.get();
    }

    /**
     * {@link #report(String, String)} once per idempotency key of the current user (issue 15): the
     * same key and report again answer the first deviation's id, and nothing more is reported.
     */
    @Transactional
    public IdempotentRequests.Outcome<UUID> report(String idempotencyKey, String caseNumber, String description) {
        return idempotent.once(users.current().id(), idempotencyKey, "deviation.report", java.util.Arrays.asList(caseNumber, description),
                () -> report(caseNumber, description));
    }
}
