package se.omsorgsnav.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessDenied;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.Role;
import se.omsorgsnav.access.StaffDirectory;
import se.omsorgsnav.audit.AuditAction;
import se.omsorgsnav.audit.AuditEntry;
import se.omsorgsnav.audit.AuditLog;
import se.omsorgsnav.audit.AuditOutcome;
import se.omsorgsnav.person.PersonDisclosure;
import se.omsorgsnav.person.PersonView;
import se.omsorgsnav.person.Purpose;
import se.omsorgsnav.shared.CaseNumber;
import se.omsorgsnav.shared.InvalidInputException;

/** Opening, reading and listing cases. Lists are one query plus the gate's constant few. */
@Component
public class Cases {

    private static final List<Role> MAY_OPEN = List.of(Role.CASE_OFFICER, Role.SENIOR_CASE_OFFICER, Role.UNIT_MANAGER, Role.SYSTEM_SUPPORT);

    private static final String SELECT = """
            select c.id, c.case_number, c.person_id, c.unit_id, un.name as unit_name, c.case_officer_id,
                   u.full_name as officer_name, c.subject, c.status, c.opened_on, c.closed_on
            from care_case c
              join unit un on un.id = c.unit_id
              join app_user u on u.id = c.case_officer_id
            """;

    private final JdbcClient jdbc;
    private final PersonDisclosure gate;
    private final CurrentUsers users;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final Clock clock;

    Cases(JdbcClient jdbc, PersonDisclosure gate, CurrentUsers users, StaffDirectory staff, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.gate = gate;
        this.users = users;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    private record CaseRow(UUID id, String caseNumber, UUID personId, UUID unitId, String unitName, UUID caseOfficerId,
                           String officerName, String subject, CaseStatus status, LocalDate openedOn, LocalDate closedOn) {

        CaseView with(PersonView person) {
            return new CaseView(id, caseNumber, person, unitId, unitName, caseOfficerId, officerName, subject, status, openedOn, closedOn);
        }
    }

    /** A new case, and whether the one who opened it may also see its person (LVS usually may not). */
    public record Opened(CaseNumber number, boolean openerSeesPerson) {}

    /** Opens a new case; a locked person can be put on it only by an authorised user or LVS (PROT-4). */
    @Transactional
    public Opened open(NewCase request) {
        CurrentUser user = users.current();
        if (!MAY_OPEN.contains(user.role())) {
            audit.recordDenial(users.actor(), new AuditEntry(request.personId(), null, AuditAction.CREATE, Purpose.NEW_CASE.name(), AuditOutcome.DENIED));
            throw new AccessDenied();
        }
        PersonView person = gate.requireForNewCase(request.personId());
        var officer = staff.find(request.caseOfficerId())
                .filter(o -> o.role() == Role.CASE_OFFICER || o.role() == Role.SENIOR_CASE_OFFICER)
                .orElseThrow(() -> new InvalidInputException("caseOfficerId", "Den valda handläggaren finns inte."));
        staff.caseUnit(request.unitId()).orElseThrow(() -> new InvalidInputException("unitId", "Välj en myndighetsenhet som ansvarig enhet."));
        LocalDate today = LocalDate.now(clock);
        long sequence = jdbc.sql("select nextval('case_number_seq')").query(Long.class).single();
        CaseNumber number = CaseNumber.of(today.getYear(), sequence);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into care_case (id, case_number, person_id, unit_id, case_officer_id, subject, status, opened_on)
                        values (?, ?, ?, ?, ?, ?, 'OPEN', ?)
                        """)
                .params(id, number.value(), request.personId(), request.unitId(), officer.id(), request.subject(), today)
                .update();
        audit.record(users.actor(), new AuditEntry(request.personId(), id, AuditAction.CREATE, Purpose.NEW_CASE.name(), AuditOutcome.ALLOWED));
        return new Opened(number, !person.masked());
    }

    /**
     * Closes a case: its responsible case officer, or a unit manager or senior case officer of its
     * unit. The person's protection stays (PROT-11); the case's authorisations now wait on LVS's
     * work list to be removed (PROT-15).
     */
    @Transactional
    public void close(CaseNumber number) {
        CurrentUser me = users.current();
        CaseRow row = jdbc.sql(SELECT + " where c.case_number = ?").param(number.value()).query(Cases::row).optional().orElse(null);
        boolean allowed = row != null && (me.id().equals(row.caseOfficerId())
                || ((me.is(Role.UNIT_MANAGER) || me.is(Role.SENIOR_CASE_OFFICER)) && me.unitId().equals(row.unitId())));
        if (!allowed) {
            audit.recordDenial(users.actor(), new AuditEntry(row == null ? null : row.personId(), row == null ? null : row.id(),
                    AuditAction.UPDATE, "CASE_CLOSED", AuditOutcome.DENIED));
            throw new AccessDenied();
        }
        if (row.status() == CaseStatus.CLOSED) {
            throw new InvalidInputException("caseNumber", "Ärendet är redan avslutat.");
        }
        jdbc.sql("update care_case set status = 'CLOSED', closed_on = ? where id = ? and status = 'OPEN'")
                .params(LocalDate.now(clock), row.id()).update();
        audit.record(users.actor(), new AuditEntry(row.personId(), row.id(), AuditAction.UPDATE, "CASE_CLOSED", AuditOutcome.ALLOWED));
    }

    /** Opens a case page: "Behörighet saknas" alike for a locked person and for no such case. */
    @Transactional
    public CaseView open(CaseNumber number) {
        CaseRow row = jdbc.sql(SELECT + " where c.case_number = ?").param(number.value()).query(Cases::row).optional()
                .orElse(null);
        if (row == null) {
            audit.recordDenial(users.actor(), new AuditEntry(null, null, AuditAction.VIEW, Purpose.CASE_PAGE.name(), AuditOutcome.DENIED));
            throw new AccessDenied();
        }
        PersonView person = gate.open(row.personId(), row.id(), Purpose.CASE_PAGE);
        return row.with(person);
    }

    /** The current user's own cases, for the start page (UX-2). */
    @Transactional
    public List<CaseView> mine() {
        return list(SELECT + " where c.case_officer_id = ? and c.status = 'OPEN' order by c.opened_on desc, c.case_number limit 100",
                users.current().id(), Purpose.START_PAGE);
    }

    /** The open cases of the current user's unit, for the start page (UX-2). */
    @Transactional
    public List<CaseView> ofMyUnit() {
        return list(SELECT + " where c.unit_id = ? and c.status = 'OPEN' order by c.opened_on desc, c.case_number limit 100",
                users.current().unitId(), Purpose.START_PAGE);
    }

    /** A person's cases, for the person page. The caller has already opened the person. */
    @Transactional
    public List<CaseView> ofPerson(UUID personId) {
        return list(SELECT + " where c.person_id = ? order by c.opened_on desc, c.case_number", personId, Purpose.CASE_LIST);
    }

    private List<CaseView> list(String sql, UUID param, Purpose purpose) {
        List<CaseRow> rows = jdbc.sql(sql).param(param).query(Cases::row).list();
        List<UUID> personIds = rows.stream().map(CaseRow::personId).distinct().toList();
        Map<UUID, PersonView> persons = new HashMap<>();
        gate.list(personIds, purpose).forEach(p -> persons.put(p.id(), p));
        List<CaseView> views = new ArrayList<>(rows.size());
        for (CaseRow row : rows) {
            Optional.ofNullable(persons.get(row.personId())).ifPresent(p -> views.add(row.with(p)));
        }
        return views;
    }

    private static CaseRow row(ResultSet rs, int n) throws SQLException {
        return new CaseRow(rs.getObject("id", UUID.class), rs.getString("case_number"), rs.getObject("person_id", UUID.class),
                rs.getObject("unit_id", UUID.class), rs.getString("unit_name"), rs.getObject("case_officer_id", UUID.class),
                rs.getString("officer_name"), rs.getString("subject"), CaseStatus.valueOf(rs.getString("status")),
                rs.getObject("opened_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class));
    }
}
