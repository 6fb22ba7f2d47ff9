package se.omsorgsnav.casework;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.omsorgsnav.access.CaseDirectory;
import se.omsorgsnav.person.PersonDisclosure;
import se.omsorgsnav.person.ProtectionLevel;
import se.omsorgsnav.shared.CaseNumber;

/** Answers the access module's questions about cases, without handing out who the person is. */
@Component
class CaseDirectoryAdapter implements CaseDirectory {

    private static final String SELECT = """
            select c.id, c.case_number, c.person_id, c.unit_id, un.name as unit_name, c.status, c.case_officer_id
            from care_case c join unit un on un.id = c.unit_id
            """;

    private final JdbcClient jdbc;
    private final PersonDisclosure gate;

    CaseDirectoryAdapter(JdbcClient jdbc, PersonDisclosure gate) {
        this.jdbc = jdbc;
        this.gate = gate;
    }

    private record Row(UUID id, String number, UUID personId, UUID unitId, String unitName, boolean open, UUID caseOfficerId) {}

    @Override
    public Optional<CaseFacts> find(CaseNumber number) {
        return facts(jdbc.sql(SELECT + " where c.case_number = ?").param(number.value()).query(CaseDirectoryAdapter::row).optional());
    }

    @Override
    public Optional<CaseFacts> find(UUID caseId) {
        return facts(jdbc.sql(SELECT + " where c.id = ?").param(caseId).query(CaseDirectoryAdapter::row).optional());
    }

    @Override
    public List<CaseFacts> closedAmong(java.util.Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        // Protection is not needed here: the facts serve only to name the case on LVS's list.
        return jdbc.sql(SELECT + " where c.id in (:ids) and c.status = 'CLOSED' order by c.closed_on, c.case_number").param("ids", caseIds)
                .query(CaseDirectoryAdapter::row).list().stream()
                .map(r -> new CaseFacts(r.id(), new CaseNumber(r.number()), r.personId(), true, false, r.unitId(), r.unitName(), false, true,
                        r.caseOfficerId()))
                .toList();
    }

    @Override
    public java.util.Map<UUID, CaseFacts> findAll(java.util.Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return java.util.Map.of();
        }
        List<Row> rows = jdbc.sql(SELECT + " where c.id in (:ids)").param("ids", caseIds).query(CaseDirectoryAdapter::row).list();
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
        String administration = jdbc.sql("select un.administration from care_case c join unit un on un.id = c.unit_id where c.id = ?")
                .param(facts.caseId()).query(String.class).single();
        List<String> others = jdbc.sql("""
                        select distinct un.administration from care_case c join unit un on un.id = c.unit_id
                        where c.person_id = ? and un.administration <> ? order by un.administration
                        """)
                .params(facts.personId(), administration).query(String.class).list();
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
                rs.getObject("unit_id", UUID.class), rs.getString("unit_name"), "OPEN".equals(rs.getString("status")),
                rs.getObject("case_officer_id", UUID.class));
    }
}
