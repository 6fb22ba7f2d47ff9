package se.omsorgsnav.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Chains pending audit events in batches; see the package documentation for why. */
@Component
class AuditSealer {

    static final int BATCH = 5_000;

    /** A batch skipped because another sealer holds the lock. */
    private static final int SKIPPED = -1;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final AuditChain chain;
    private final AuditJobLock lock;
    private final CheckpointCopy copy;
    private final Clock clock;
    private final int batchSize;
    /**
     * In queue order, through the queue's own index: the cost of a batch does not grow with what
     * was sealed before it. The limit is a literal, so PostgreSQL plans for the real batch size.
     */
    private final String nextBatch;

    private final TransactionTemplate transaction;

    @Autowired
    AuditSealer(JdbcClient jdbc, JdbcTemplate batch, AuditChain chain, AuditJobLock lock, CheckpointCopy copy,
                Clock clock, PlatformTransactionManager transactions) {
        this(jdbc, batch, chain, lock, copy, clock, transactions, BATCH);
    }

    /** With a smaller batch, for tests that need many batches to contend. */
    AuditSealer(JdbcClient jdbc, JdbcTemplate batch, AuditChain chain, AuditJobLock lock, CheckpointCopy copy,
                Clock clock, PlatformTransactionManager transactions, int batchSize) {
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.batch = batch;
        this.chain = chain;
        this.lock = lock;
        this.copy = copy;
        this.clock = clock;
        this.batchSize = batchSize;
        this.nextBatch = """
                select %s
                from audit_pending p join audit_event e on e.id = p.event_id
                order by p.queued
                limit %d
                """.formatted(AuditChain.SealedFields.COLUMNS, batchSize);
    }

    /**
     * Every node runs the schedule; each batch first tries the sealer's lock and is skipped when
     * another node holds it (AuditJobLock: the lock ends with its transaction, so a sealer killed
     * mid-batch stops nobody for longer than the next interval).
     */
    @Scheduled(fixedDelayString = "${omsorgsnav.audit.seal-interval:1s}")
    void sealOnSchedule() {
        seal(false);
    }

    /**
     * Seals everything pending now, one transaction per batch, waiting for the lock when another
     * sealer holds it; returns how many events it sealed.
     */
    long sealPending() {
        return seal(true);
    }

    /** Returns the number sealed; stops at the first batch another sealer holds the lock for. */
    long seal(boolean waitForLock) {
        long sealed = 0;
        int batchSealed;
        do {
            batchSealed = transaction.execute(status -> {
                if (waitForLock) {
                    lock.take(AuditJobLock.SEALER);
                } else if (!lock.tryTake(AuditJobLock.SEALER)) {
                    return SKIPPED;
                }
                // What the copy outside the database lacks first; if it cannot be written, nothing is sealed.
                copy.beforeSealing();
                return sealBatch();
            });
            sealed += Math.max(batchSealed, 0);
        } while (batchSealed == batchSize);
        return sealed;
    }

    /**
     * Under the lock, so the checkpoint read here is the head every other sealer left: two sealers
     * never number from the same head. Were the lock ever bypassed, the primary key on
     * {@code audit_seal.seq} and the unique event id would still refuse a second chain: the later
     * batch fails and rolls back whole.
     */
    private int sealBatch() {
        List<AuditChain.SealedFields> pending = jdbc.sql(nextBatch)
                .query((rs, n) -> AuditChain.SealedFields.read(rs))
                .list();
        if (pending.isEmpty()) {
            return 0;
        }
        record Head(long seq, String hash) {}
        Head head = jdbc.sql("select last_seq, last_hash from audit_checkpoint order by last_seq desc limit 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional()
                .orElse(new Head(0, AuditChain.GENESIS));

        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        long seq = head.seq();
        String hash = head.hash();
        List<Object[]> seals = new ArrayList<>(pending.size());
        for (AuditChain.SealedFields event : pending) {
            seq++;
            hash = chain.link(hash, event);
            seals.add(new Object[] {seq, event.id(), hash, now});
        }
        batch.batchUpdate("insert into audit_seal (seq, event_id, hash, sealed_at) values (?, ?, ?, ?)", seals);
        batch.batchUpdate("delete from audit_pending where event_id = ?",
                pending.stream().map(e -> new Object[] {e.id()}).toList());
        String signature = chain.sign(seq, hash);
        jdbc.sql("insert into audit_checkpoint (last_seq, last_hash, signature, created_at) values (?, ?, ?, ?)")
                .params(seq, hash, signature, now)
                .update();
        copy.appendAfterCommit();
        return pending.size();
    }
}
