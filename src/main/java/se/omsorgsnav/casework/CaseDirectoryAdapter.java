package se.omsorgsnav.casework;

import java.text.Collator;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.omsorgsnav.access.CaseDirectory;
import se.omsorgsnav.access.StaffDirectory;
import se.omsorgsnav.person.PersonDisclosure;
import se.omsorgsnav.person.ProtectionLevel;
import se.omsorgsnav.shared.CaseNumber;

/** Answers the access module's questions about cases, without handing out who the person is. */
@Component
class CaseDirectoryAdapter implements CaseDirectory {

    /** Casework's own table only; the units' names and administrations are asked of access's staff directory (issue 14 §1). */
    private static final String SELECT = """
            select c.id, c.case_number, c.person_id, c.unit_id, c.status, c.case_officer_id
            from care_case c
            """;

    /** Administrations as a Swedish reader orders them (å, ä, ö last), whatever the database's collation. */
    private static final Comparator<Object> SWEDISH = Collator.getInstance(new Locale("sv", "SE"));

    private final JdbcClient jdbc;
    private final PersonDisclosure gate;
    private final StaffDirectory staff;

    CaseDirectoryAdapter(JdbcClient jdbc, PersonDisclosure gate, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.gate = gate;
        this.staff = staff;
    }

    private record Row(UUID id, String number, UUID personId, UUID unitId, String unitName, boolean open, UUID caseOfficerId) {

        Row named(Map<UUID, StaffDirectory.UnitView> units) {
            var unit = units.get(unitId);
            return new Row(id, number, personId, unitId, unit == null ? null : unit.name(), open, caseOfficerId);
        }
    }

    /** The rows with their units' names: one lookup for the whole list, none for an empty one. */
    private List<Row> named(List<Row> rows) {
        var units = staff.unitsById(rows.stream().map(Row::unitId).collect(Collectors.toSet()));
        return rows.stream().map(r -> r.named(units)).toList();
    }

    private Optional<Row> named(Optional<Row> row) {
        return row.map(r -> named(List.of(r)).get(0));
    }

    @Override
    public Optional<CaseFacts> find(CaseNumber number) {
        return facts(named(jdbc.sql(SELECT + " where c.case_number = ?").param(number.value()).query(CaseDirectoryAdapter::row).optional()));
    }

    @Override
    public Optional<CaseFacts> find(UUID caseId) {
        return facts(named(jdbc.sql(SELECT + " where c.id = ?").param(caseId).query(CaseDirectoryAdapter::row).optional()));
    }

    @Override
    public List<CaseFacts> closedAmong(java.util.Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        // Protection is not needed here: the facts serve only to name the case on LVS's list.
        return named(jdbc.sql(SELECT + " where c.id in (:ids) and c.status = 'CLOSED' order by c.closed_on, c.case_number").param("ids", caseIds)
                .query(CaseDirectoryAdapter::row).list()).stream()
                .map(r -> new CaseFacts(r.id(), new CaseNumber(r.number()), r.personId(), true, false, r.unitId(), r.unitName(), false, true,
                        r.caseOfficerId()))
                .toList();
    }

    @Override
    public java.util.Map<UUID, CaseFacts> findAll(java.util.Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return java.util.Map.of();
        }
        List<Row> rows = named(jdbc.sql(SELECT + " where c.id in (:ids)").param("ids", caseIds).query(CaseDirectoryAdapter::row).list());
        var protection = gate.protectionAmong(rows.stream().map(Row::personId).toList());
        java.util.Map<UUID, CaseFacts> facts = new java.util.HashMap<>();
        for (Row r : rows) {
            var p = protection.get(r.personId());
            // No person row is not possible for a case; should it happen, treat the case as locked (fail closed).
            boolean isProtected = p == null || p.level().isProtected();
            facts.put(r.id(), new CaseFacts(r.id(), new CaseNumber(r.number()), r.personId(), isProtected,
                    p != null && p.level() == ProtectionLevel.LOCAL_PROTECTION, r.unitId(), r.unitName(), r.open(), p == null || p.locked(),
                    r.caseOfficerId()));
        }
        return facts;
    }

    @Override
    public PreCheck preCheck(CaseFacts facts) {
        // The units of the person's cases, then their administrations from access: two statements, as before the split.
        Set<UUID> unitIds = new HashSet<>(jdbc.sql("select distinct c.unit_id from care_case c where c.person_id = ?")
                .param(facts.personId()).query(UUID.class).list());
        unitIds.add(facts.unitId());
        var units = staff.unitsById(unitIds);
        String administration = units.get(facts.unitId()).administration();
        List<String> others = units.values().stream().map(StaffDirectory.UnitView::administration)
                .filter(a -> !a.equals(administration)).distinct().sorted(SWEDISH).toList();
        List<LinkedPerson> linked = gate.linkedMasked(facts.personId()).stream()
                .map(r -> new LinkedPerson(r.kind().label(), r.person().personalIdentityNumber(), r.person().protectionLevel() != null))
                .toList();
        return new PreCheck(others, linked);
    }

    private Optional<CaseFacts> facts(Optional<Row> row) {
        // Today's protection (PROT-25), as ids and flags only: covered by the audit event of whatever the facts serve.
        return row.map(r -> {
            var p = gate.protectionAmong(List.of(r.personId())).get(r.personId());
            // No person row is not possible for a case; should it happen, treat the case as locked (fail closed).
            boolean isProtected = p == null || p.level().isProtected();
            return new CaseFacts(r.id(), new CaseNumber(r.number()), r.personId(), isProtected,
                    p != null && p.level() == ProtectionLevel.LOCAL_PROTECTION, r.unitId(), r.unitName(), r.open(), p == null || p.locked(),
                    r.caseOfficerId());
        });
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("case_number"), rs.getObject("person_id", UUID.class),
                rs.getObject("unit_id", UUID.class), null, "OPEN".equals(rs.getString("status")),
                rs.getObject("case_officer_id", UUID.class));
    }
}
