package se.omsorgsnav.casework;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessDenied;
import se.omsorgsnav.access.CaseAuthorizations;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.Role;
import se.omsorgsnav.audit.AuditAction;
import se.omsorgsnav.audit.AuditEntry;
import se.omsorgsnav.audit.AuditLog;
import se.omsorgsnav.audit.AuditOutcome;
import se.omsorgsnav.person.PersonDisclosure;
import se.omsorgsnav.person.Purpose;
import se.omsorgsnav.shared.CaseNumber;
import se.omsorgsnav.shared.FreeText;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.PersonalIdentityNumber;

/**
 * Deviations (PROT-16, 002 §4.2): an authorised user reports on the person's case; anyone else
 * reports "ej person", which an authorised user attaches to the person later. Reporting on a
 * case opens its person through the gate, so the unauthorised are told "Behörighet saknas".
 */
@Component
public class Deviations {

    private final JdbcClient jdbc;
    private final PersonDisclosure gate;
    private final CurrentUsers users;
    private final CaseAuthorizations authorizations;
    private final AuditLog audit;
    private final Clock clock;

    Deviations(JdbcClient jdbc, PersonDisclosure gate, CurrentUsers users, CaseAuthorizations authorizations, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.gate = gate;
        this.users = users;
        this.authorizations = authorizations;
        this.audit = audit;
        this.clock = clock;
    }

    public record DeviationView(UUID id, OffsetDateTime reportedAt, String reportedBy, String unitName, String description) {}

    private record CaseRef(UUID id, UUID personId) {}

    /** Reports a deviation, on a case when a case number is given, else "ej person". */
    @Transactional
    public UUID report(String caseNumber, String description) {
        CurrentUser me = users.current();
        String text = FreeText.requiredLines("description", "Beskrivning", description, 4000);
        CaseRef ref = null;
        if (caseNumber != null && !caseNumber.isBlank()) {
            ref = openCase(CaseNumber.parse(caseNumber));
        } else if (PersonalIdentityNumber.appearsIn(text)) {
            throw new InvalidInputException("description", "Skriv aldrig personnummer i en avvikelse som gäller \"ej person\".");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into deviation (id, reported_by, reported_at, reporter_unit_id, case_id, person_id, description)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(id, me.id(), OffsetDateTime.now(clock), me.unitId(), ref == null ? null : ref.id(), ref == null ? null : ref.personId(), text)
                .update();
        audit.record(users.actor(), new AuditEntry(ref == null ? null : ref.personId(), ref == null ? null : ref.id(), AuditAction.CREATE,
                "DEVIATION", AuditOutcome.ALLOWED));
        return id;
    }

    /** "Ej person" deviations waiting to be attached: SAS sees all, a unit manager their unit's. */
    @Transactional(readOnly = true)
    public List<DeviationView> unattached() {
        CurrentUser me = users.current();
        String where;
        Object param = null;
        if (me.is(Role.SOCIAL_SAFETY_COORDINATOR)) {
            where = "d.person_id is null";
        } else if (me.is(Role.UNIT_MANAGER)) {
            where = "d.person_id is null and d.reporter_unit_id = ?";
            param = me.unitId();
        } else {
            throw new AccessDenied();
        }
        var query = jdbc.sql("""
                select d.id, d.reported_at, u.full_name, un.name, d.description
                from deviation d join app_user u on u.id = d.reported_by join unit un on un.id = d.reporter_unit_id
                where %s order by d.reported_at, d.id limit 200
                """.formatted(where));
        if (param != null) {
            query = query.param(param);
        }
        return query.query((rs, n) -> new DeviationView(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                rs.getString(4), rs.getString(5))).list();
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
        CaseRef ref = openCase(CaseNumber.parse(caseNumber));
        int updated = jdbc.sql("""
                        update deviation set case_id = ?, person_id = ?, attached_by = ?, attached_at = ?
                        where id = ? and person_id is null
                        """)
                .params(ref.id(), ref.personId(), users.current().id(), OffsetDateTime.now(clock), deviationId).update();
        if (updated != 1) {
            throw new InvalidInputException("deviationId", "Avvikelsen finns inte eller är redan kopplad till en person.");
        }
        audit.record(users.actor(), new AuditEntry(ref.personId(), ref.id(), AuditAction.UPDATE, "DEVIATION_ATTACHED", AuditOutcome.ALLOWED));
    }

    /** The case, if the user may open its person: else "Behörighet saknas", alike for no such case. */
    private CaseRef openCase(CaseNumber number) {
        CaseRef ref = jdbc.sql("select id, person_id from care_case where case_number = ?").param(number.value())
                .query((rs, n) -> new CaseRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).optional().orElse(null);
        if (ref == null) {
            audit.recordDenial(users.actor(), new AuditEntry(null, null, AuditAction.CREATE, "DEVIATION", AuditOutcome.DENIED));
            throw new AccessDenied();
        }
        gate.open(ref.personId(), ref.id(), Purpose.DEVIATION);
        return ref;
    }
}
