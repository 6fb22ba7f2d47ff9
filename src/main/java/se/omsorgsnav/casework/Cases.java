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
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.CaseDirectory;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.Role;
import se.omsorgsnav.access.StaffDirectory;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.person.PersonDisclosure;
import se.omsorgsnav.person.PersonView;
import se.omsorgsnav.person.ProtectedNames;
import se.omsorgsnav.person.Purpose;
import se.omsorgsnav.shared.CaseNumber;
import se.omsorgsnav.shared.IdempotentRequests;
import se.omsorgsnav.shared.InvalidInputException;

/**
 * Opening, reading and listing cases. Lists are one query plus the gate's constant few and one
 * authorisation query. A locked person's case is read in full only with an authorisation for that
 * very case (PROT-26); her other cases show number, unit and status.
 */
@Component
public class Cases {

    /**
     * Casework's own table only: the unit's and the case officer's names belong to access and are
     * asked of {@link StaffDirectory} in one batch per list (issue 14 §1).
     */
    private static final String SELECT = """
            select c.id, c.case_number, c.person_id, c.unit_id, c.case_officer_id, c.subject, c.status, c.opened_on, c.closed_on
            from care_case c
            """;

    static final String NAMES_IN_SUBJECT = "Skriv aldrig den enskildes eller anhörigas namn i vad ärendet gäller: "
            + "rubriken syns i listor för kollegor.";
    /** How a case opened by someone who saw its person masked is marked in its idempotency record. */
    private static final String MASKED = " masked";

    private final JdbcClient jdbc;
    private final PersonDisclosure gate;
    private final ProtectedNames protectedNames;
    private final CurrentUsers users;
    private final StaffDirectory staff;
    private final CaseDirectory directory;
    private final AccessControl access;
    private final Clock clock;
    private final IdempotentRequests idempotent;

    Cases(JdbcClient jdbc, PersonDisclosure gate, ProtectedNames protectedNames, CurrentUsers users, StaffDirectory staff,
          CaseDirectory directory, AccessControl access, Clock clock, IdempotentRequests idempotent) {
        this.idempotent = idempotent;
        this.jdbc = jdbc;
        this.gate = gate;
        this.protectedNames = protectedNames;
        this.users = users;
        this.staff = staff;
        this.directory = directory;
        this.access = access;
        this.clock = clock;
    }

    private record CaseRow(UUID id, String caseNumber, UUID personId, UUID unitId, String unitName, UUID caseOfficerId,
                           String officerName, String subject, CaseStatus status, LocalDate openedOn, LocalDate closedOn) {

        CaseView with(PersonView person) {
            return new CaseView(id, caseNumber, person, unitId, unitName, caseOfficerId, officerName, subject, status, openedOn, closedOn, false);
        }

        CaseRow named(Map<UUID, StaffDirectory.UnitView> units, Map<UUID, StaffDirectory.StaffView> officers) {
            var unit = units.get(unitId);
            var officer = officers.get(caseOfficerId);
            return new CaseRow(id, caseNumber, personId, unitId, unit == null ? null : unit.name(), caseOfficerId,
                    officer == null ? null : officer.fullName(), subject, status, openedOn, closedOn);
        }
    }

    /** A new case, and whether the one who opened it may also see its person (LVS usually may not). */
    public record Opened(CaseNumber number, boolean openerSeesPerson) {}

    /**
     * Opens a new case; a locked person can be put on it only by an authorised user or LVS (PROT-4).
     * The subject never holds a personnummer, nor — where the opener sees the person — the name of
     * a locked person or of those linked to her (fault 9). For an opener who sees her masked (LVS),
     * the name check is not made: a refusal would tell a guess was right (PROT-24).
     */
    @Transactional
    public Opened open(NewCase request) {
        UUID id = UUID.randomUUID();
        access.require(CaseworkAction.NEW_CASE, Target.ofCase(id, request.personId(), request.unitId(), request.caseOfficerId(), false));
        PersonView person = gate.requireForNewCase(request.personId());
        String subject = request.subject();
        if (!person.masked() && protectedNames.appearIn(request.personId(), List.of(subject))) {
            throw new InvalidInputException("subject", NAMES_IN_SUBJECT);
        }
        var officer = staff.find(request.caseOfficerId())
                // Which staff may be responsible for a case: a fact about the officer chosen, not an access decision.
                .filter(o -> o.role() == Role.CASE_OFFICER || o.role() == Role.SENIOR_CASE_OFFICER)
                .orElseThrow(() -> new InvalidInputException("caseOfficerId", "Den valda handläggaren finns inte."));
        staff.caseUnit(request.unitId()).orElseThrow(() -> new InvalidInputException("unitId", "Välj en myndighetsenhet som ansvarig enhet."));
        LocalDate today = LocalDate.now(clock);
        long sequence = jdbc.sql("select nextval('case_number_seq')").query(Long.class).single();
        CaseNumber number = CaseNumber.of(today.getYear(), sequence);
        jdbc.sql("""
                        insert into care_case (id, case_number, person_id, unit_id, case_officer_id, subject, status, opened_on)
                        values (?, ?, ?, ?, ?, ?, 'OPEN', ?)
                        """)
                .params(id, number.value(), request.personId(), request.unitId(), officer.id(), subject, today)
                .update();
        return new Opened(number, !person.masked());
    }

    /**
     * {@link #open(NewCase)} once per idempotency key of the current user (issue 15): the same key
     * and request again answer the first case, and nothing more is opened. Stored as its number,
     * marked when the opener saw the person masked, so that a repeat answers as the first did.
     */
    @Transactional
    public IdempotentRequests.Outcome<Opened> open(String idempotencyKey, NewCase request) {
        return idempotent.once(users.current().id(), idempotencyKey, "case.open", request, () -> open(request),
                opened -> opened.number().value() + (opened.openerSeesPerson() ? "" : MASKED),
                text -> new Opened(CaseNumber.parse(text.replace(MASKED, "")), !text.endsWith(MASKED)));
    }

    /**
     * Closes a case: its responsible case officer, or a unit manager or senior case officer of its
     * unit. The person's protection stays (PROT-11); the case's authorisations now wait on LVS's
     * work list to be removed (PROT-15). No such case is refused like a forbidden one.
     */
    @Transactional
    public void close(CaseNumber number) {
        Optional<CaseDirectory.CaseFacts> facts = directory.find(number);
        access.require(CaseworkAction.CLOSE_CASE, facts.map(Target::ofCase));
        if (!facts.get().open()) {
            throw new InvalidInputException("caseNumber", "Ärendet är redan avslutat.");
        }
        jdbc.sql("update care_case set status = 'CLOSED', closed_on = ? where id = ? and status = 'OPEN'")
                .params(LocalDate.now(clock), facts.get().caseId()).update();
    }

    /**
     * Opens a case page: "Behörighet saknas" alike for a locked person and for no such case. A case
     * of a person the user may open, but not authorised for this case, is limited (PROT-26).
     */
    @Transactional
    public CaseView open(CaseNumber number) {
        Optional<CaseDirectory.CaseFacts> facts = directory.find(number);
        if (facts.isEmpty()) {
            access.require(CaseworkAction.CASE_PAGE, Optional.empty());
        }
        CaseDirectory.CaseFacts f = facts.get();
        PersonView person = gate.open(f.personId(), f.caseId(), Purpose.CASE_PAGE, CaseworkAction.CASE_PAGE);
        CaseRow row = named(List.of(jdbc.sql(SELECT + " where c.id = ?").param(f.caseId()).query(Cases::row).single())).get(0);
        if (access.has(CaseworkAction.READ_CASE, Target.ofCase(f))) {
            return row.with(person);
        }
        return row.with(person).limitedTo(null);
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
        List<CaseRow> shown = named(rows.stream().filter(r -> persons.containsKey(r.personId())).toList());
        Map<UUID, Target> targets = new HashMap<>();
        for (CaseRow r : shown) {
            targets.put(r.id(), Target.ofCase(r.id(), r.personId(), r.unitId(), r.caseOfficerId(), persons.get(r.personId()).locked()));
        }
        Map<Target, Boolean> readable = access.decideAll(CaseworkAction.READ_CASE, List.copyOf(targets.values()));
        List<CaseView> views = new ArrayList<>(shown.size());
        for (CaseRow row : shown) {
            PersonView person = persons.get(row.personId());
            views.add(readable.getOrDefault(targets.get(row.id()), false) ? row.with(person) : row.with(person).limitedTo(person));
        }
        return views;
    }

    /** The rows with their units' and case officers' names: two lookups for the whole list, none for an empty one. */
    private List<CaseRow> named(List<CaseRow> rows) {
        var units = staff.unitsById(rows.stream().map(CaseRow::unitId).collect(Collectors.toSet()));
        var officers = staff.findAll(rows.stream().map(CaseRow::caseOfficerId).collect(Collectors.toSet()));
        return rows.stream().map(r -> r.named(units, officers)).toList();
    }

    private static CaseRow row(ResultSet rs, int n) throws SQLException {
        return new CaseRow(rs.getObject("id", UUID.class), rs.getString("case_number"), rs.getObject("person_id", UUID.class),
                rs.getObject("unit_id", UUID.class), null, rs.getObject("case_officer_id", UUID.class),
                null, rs.getString("subject"), CaseStatus.valueOf(rs.getString("status")),
                rs.getObject("opened_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class));
    }
}
