package se.omsorgsnav.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Chains pending audit events in batches; see the package documentation for why. */
@Component
class AuditSealer {

    private static final int BATCH = 5_000;

    /** In queue order, through the queue's own index: the cost of a batch does not grow with what was sealed before it. */
    private static final String NEXT_BATCH = """
            select %s
            from audit_pending p join audit_event e on e.id = p.event_id
            order by p.queued
            limit %d
            """.formatted(AuditChain.SealedFields.COLUMNS, BATCH);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final AuditChain chain;
    private final Clock clock;

    private final TransactionTemplate transaction;

    AuditSealer(JdbcClient jdbc, JdbcTemplate batch, AuditChain chain, Clock clock, PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.batch = batch;
        this.chain = chain;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${omsorgsnav.audit.seal-interval:1s}")
    @SchedulerLock(name = "audit-sealer", lockAtMostFor = "PT5M")
    void sealOnSchedule() {
        sealPending();
    }

    /**
     * Seals everything pending, one transaction per batch; returns how many events it sealed.
     * Synchronised because a caller in this node may run it beside the schedule; ShedLock keeps
     * other nodes out.
     */
    synchronized long sealPending() {
        long sealed = 0;
        int batchSize;
        do {
            batchSize = transaction.execute(status -> sealBatch());
            sealed += batchSize;
        } while (batchSize == BATCH);
        return sealed;
    }

    private int sealBatch() {
        List<AuditChain.SealedFields> pending = jdbc.sql(NEXT_BATCH)
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
        jdbc.sql("insert into audit_checkpoint (last_seq, last_hash, signature, created_at) values (?, ?, ?, ?)")
                .params(seq, hash, chain.sign(seq, hash), now)
                .update();
        return pending.size();
    }
}
