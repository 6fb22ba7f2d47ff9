package se.omsorgsnav.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.omsorgsnav.shared.TimeOrderedIds;

/**
 * Writes audit events (AUD-1) in the caller's transaction, so that data is never shown without
 * its event. Denials are decided and written only by {@code access.AccessControl}, in a
 * transaction of its own, so that the caller's rollback (the AccessDenied it is about to throw)
 * cannot erase them; there is no way to record a denial by hand here.
 * A masked view is a probe (PROT-24): written in the caller's transaction like any other, and
 * written again in a new transaction should that one roll back, so a later failure in the same
 * request cannot erase the trace of what was looked for.
 */
@Component
public class AuditLog {

    private static final String INSERT_EVENT = """
            insert into audit_event (id, occurred_at, actor_user_id, actor_username, actor_role, actor_unit_id,
                                     person_id, case_id, action, purpose, outcome, client_address)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String INSERT_PENDING = "insert into audit_pending (event_id) values (?)";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate separately;

    AuditLog(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditActor actor, AuditEntry entry) {
        recordAll(actor, List.of(entry));
    }

    /** One batch for a whole list, so that a page of 50 rows costs two statements, not 100. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(AuditActor actor, List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            // A read-only transaction cannot insert (PostgreSQL refuses; H2 does not notice): the
            // read's events go in a transaction of their own, committed before the data is shown.
            separately.executeWithoutResult(tx -> insert(actor, entries));
            return;
        }
        insert(actor, entries);
        List<AuditEntry> probes = entries.stream().filter(e -> e.outcome() != AuditOutcome.ALLOWED).toList();
        if (!probes.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_ROLLED_BACK) {
                        separately.executeWithoutResult(tx -> insert(actor, probes));
                    }
                }
            });
        }
    }

    private void insert(AuditActor actor, List<AuditEntry> entries) {
        // Microseconds: the precision both databases keep, so the sealed hash can be recomputed.
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        List<Row> rows = entries.stream().map(e -> new Row(TimeOrderedIds.next(), e)).toList();
        jdbc.batchUpdate(INSERT_EVENT, rows, rows.size(), (ps, row) -> {
            AuditEntry entry = row.entry();
            ps.setObject(1, row.id());
            ps.setObject(2, now);
            ps.setObject(3, actor.userId());
            ps.setString(4, actor.username());
            ps.setString(5, actor.role());
            ps.setObject(6, actor.unitId());
            ps.setObject(7, entry.personId());
            ps.setObject(8, entry.caseId());
            ps.setString(9, entry.action().name());
            ps.setString(10, entry.purpose());
            ps.setString(11, entry.outcome().name());
            ps.setString(12, actor.clientAddress());
        });
        jdbc.batchUpdate(INSERT_PENDING, rows, rows.size(), (ps, row) -> ps.setObject(1, row.id()));
    }

    private record Row(UUID id, AuditEntry entry) {}
}
