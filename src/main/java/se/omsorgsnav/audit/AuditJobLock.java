package se.omsorgsnav.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The lock that keeps the audit log's background jobs (the sealer, the retention) on one node at a
 * time: a row lock on the job's row in {@code audit_lock}, taken inside the job's transaction.
 * <p>
 * Why a row lock and not ShedLock's lock row: a lock row is released by an UPDATE the holder
 * makes, so a holder killed with {@code kill -9} left it for the whole {@code lockAtMostFor} —
 * five minutes without sealing on every node, health DOWN (issue 15). A row lock belongs to the
 * transaction: the database ends it when the transaction ends, whether by commit, rollback or the
 * connection dying with its process, so the next node's attempt a second later takes it. The same
 * statement works on PostgreSQL and H2, so the H2 tests exercise the PostgreSQL path; a
 * PostgreSQL advisory lock would do the same but only there.
 */
@Component
class AuditJobLock {

    static final String SEALER = "audit-sealer";
    static final String RETENTION = "audit-retention";

    private final JdbcClient jdbc;

    AuditJobLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the lock if nobody holds it, without waiting; false: another node is at work. */
    boolean tryTake(String job) {
        requireTransaction();
        return jdbc.sql("select name from audit_lock where name = ? for update skip locked")
                .param(job).query(String.class).optional().isPresent();
    }

    /** Waits for the lock (a caller that needs the work done now, not skipped). */
    void take(String job) {
        requireTransaction();
        if (jdbc.sql("select name from audit_lock where name = ? for update").param(job).query(String.class).optional().isEmpty()) {
            throw new IllegalStateException("audit_lock has no row for " + job + ": migration V68 is missing");
        }
    }

    /** Outside a transaction the lock would end with the statement that took it. */
    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the audit job lock is held by a transaction; take it inside one");
        }
    }
}
