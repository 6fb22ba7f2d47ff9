package se.omsorgsnav.casework;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.CaseDirectory;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.StaffDirectory;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.audit.AuditAction;
import se.omsorgsnav.audit.AuditEntry;
import se.omsorgsnav.audit.AuditLog;
import se.omsorgsnav.audit.AuditOutcome;

/**
 * The case journal ("social dokumentation"): what was done on a case, by whom and when. Other
 * modules write to it inside their own transaction, after their own checks — placement documents
 * the offer, the answer and the planned move-in as seed 003 asks the unit manager to. It is read
 * only on the case page, after the gate has opened the person: entries may say where a protected
 * person lives. And only for a case the user may read in full: an authorisation opens the journal
 * of the case it names, not of the person's other cases (PROT-26).
 */
@Component
public class CaseJournal {

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final Clock clock;
    private final CaseDirectory directory;
    private final AccessControl access;
    private final StaffDirectory staff;

    CaseJournal(JdbcClient jdbc, CurrentUsers users, AuditLog audit, Clock clock, CaseDirectory directory, AccessControl access,
                StaffDirectory staff) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.directory = directory;
        this.access = access;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    public record Entry(OffsetDateTime writtenAt, String writtenBy, String text) {}

    /** Writes an entry as the current user, audited with the person and case; joins the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void write(UUID caseId, UUID personId, String text) {
        jdbc.sql("insert into case_journal_entry (id, case_id, written_by, written_at, text) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), caseId, users.current().id(), OffsetDateTime.now(clock), text).update();
        audit.record(users.actor(), new AuditEntry(personId, caseId, AuditAction.CREATE, "JOURNAL", AuditOutcome.ALLOWED));
    }

    /**
     * A case's entries, newest first; for a caller that has opened the case through the gate. None
     * for a case the user may not read in full (PROT-26). A constant few statements: the writers'
     * names are asked of access's staff directory in one batch (issue 14 §1).
     */
    @Transactional(readOnly = true)
    public List<Entry> of(UUID caseId) {
        boolean readable = directory.find(caseId).map(f -> access.has(CaseworkAction.READ_CASE, Target.ofCase(f))).orElse(false);
        if (!readable) {
            return List.of();
        }
        record Written(OffsetDateTime at, UUID by, String text) {}
        List<Written> entries = jdbc.sql("""
                        select j.written_at, j.written_by, j.text from case_journal_entry j
                        where j.case_id = ? order by j.written_at desc, j.id fetch first 200 rows only
                        """)
                .param(caseId)
                .query((rs, n) -> new Written(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, UUID.class), rs.getString(3)))
                .list();
        var writers = staff.findAll(entries.stream().map(Written::by).collect(Collectors.toSet()));
        return entries.stream().map(e -> {
            var writer = writers.get(e.by());
            return new Entry(e.at(), writer == null ? null : writer.fullName(), e.text());
        }).toList();
    }
}
