package se.omsorgsnav.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * AUD-6: removes the audit events past the retention period, except those an open review holds,
 * and re-anchors the chain so that it still verifies (see the package documentation).
 * <p>
 * One run removes a prefix of the chain: the links from the last anchor up to the last
 * checkpoint before the first event still within the retention period (events are sealed
 * roughly in time order; an old event sealed after a young one waits for it). Before it removes
 * anything it verifies that prefix against its signed checkpoint, so an anchor never signs a
 * tampered chain; a broken prefix stops the run (and verification reports it).
 */
@Component
class AuditRetention {

    /** Links per transaction: a first run over years of history does not hold them all in memory at once. */
    static final int RUN_LIMIT = 50_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AuditChain chain;
    private final AuditJobLock lock;
    private final CheckpointCopy copy;
    private final Clock clock;
    private final RetentionRule rule;
    private final TransactionTemplate transaction;
    private Boolean postgreSql;

    AuditRetention(JdbcClient jdbc, JdbcTemplate template, AuditChain chain, AuditJobLock lock, CheckpointCopy copy, Clock clock,
                   PlatformTransactionManager transactions, @Value("${omsorgsnav.audit.retention:P5Y}") Period retention) {
        this.jdbc = jdbc;
        this.template = template;
        this.chain = chain;
        this.lock = lock;
        this.copy = copy;
        this.clock = clock;
        this.rule = new RetentionRule(retention);
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What one run did. */
    record RetentionRun(long anchorSeq, long removed, long kept, OffsetDateTime cutoff, boolean advanced) {}

    /** Daily on every node; the node that gets the lock runs it, the others skip. */
    @Scheduled(cron = "${omsorgsnav.audit.retention-cron:0 40 2 * * *}")
    void removeOnSchedule() {
        run(false);
    }

    /** Runs now, waiting for a run on another node to finish; returns the last transaction's result. */
    RetentionRun removeExpired() {
        return run(true);
    }

    /** Null when another node holds the lock; else what all its transactions did together. */
    private RetentionRun run(boolean waitForLock) {
        RetentionRun total = null;
        RetentionRun step;
        do {
            step = transaction.execute(status -> {
                if (waitForLock) {
                    lock.take(AuditJobLock.RETENTION);
                } else if (!lock.tryTake(AuditJobLock.RETENTION)) {
                    return null;
                }
                return removeOnePrefix();
            });
            if (step != null) {
                total = total == null ? step : new RetentionRun(step.anchorSeq(), total.removed() + step.removed(), step.kept(),
                        step.cutoff(), total.advanced() || step.advanced());
            }
        } while (step != null && step.advanced());
        return total;
    }

    private record Anchor(long run, long seq, String hash) {}

    private record Link(long seq, String hash, boolean held, boolean alreadyKept, AuditChain.SealedFields event) {}

    private RetentionRun removeOnePrefix() {
        Instant now = clock.instant();
        OffsetDateTime cutoff = rule.cutoff(now);
        Anchor anchor = jdbc.sql("select run, anchor_seq, anchor_hash from audit_retention_anchor order by run desc limit 1")
                .query((rs, n) -> new Anchor(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .optional().orElse(new Anchor(0, 0, AuditChain.GENESIS));
        long firstYoungOrNone = jdbc.sql("""
                select coalesce(min(s.seq), -1) from audit_seal s join audit_event e on e.id = s.event_id
                where s.seq > ? and e.occurred_at >= ?
                """).params(anchor.seq(), cutoff).query(Long.class).single();
        Long firstYoung = firstYoungOrNone < 0 ? null : firstYoungOrNone;
        long through = throughCheckpoint(anchor.seq(), firstYoung);

        List<Link> links = jdbc.sql("""
                select s.seq, s.hash, k.seq as kept_seq,
                       exists (select 1 from audit_review_item i join audit_review r on r.id = i.review_id
                               where i.event_id = s.event_id and r.status = 'OPEN') as held, %s
                from audit_seal s join audit_event e on e.id = s.event_id
                left join audit_kept_link k on k.seq = s.seq
                where s.seq <= ?
                order by s.seq
                """.formatted(AuditChain.SealedFields.COLUMNS))
                .param(through)
                .query((rs, n) -> new Link(rs.getLong("seq"), rs.getString("hash"), rs.getBoolean("held"),
                        rs.getObject("kept_seq") != null, AuditChain.SealedFields.read(rs)))
                .list();

        List<Link> remove = new ArrayList<>();
        List<Object[]> keep = new ArrayList<>();
        long kept = 0;
        String hash = anchor.hash();
        long expected = anchor.seq() + 1;
        for (Link link : links) {
            String previous = hash;
            if (link.seq() > anchor.seq()) {
                // The prefix is verified before anything in it goes: the anchor must not bless a tampered chain.
                if (link.seq() != expected) {
                    throw new IllegalStateException("retention stopped: link " + expected + " is missing; verify the audit log");
                }
                hash = chain.link(previous, link.event());
                if (!hash.equals(link.hash())) {
                    throw new IllegalStateException("retention stopped: link " + link.seq() + " does not hold; verify the audit log");
                }
                expected++;
            } else if (!link.alreadyKept()) {
                throw new IllegalStateException("retention stopped: link " + link.seq() + " below the anchor was not kept; verify the audit log");
            }
            if (rule.removable(link.event().occurredAt(), link.held(), now)) {
                remove.add(link);
            } else if (link.held()) {
                kept++;
                if (!link.alreadyKept()) {
                    keep.add(new Object[] {link.seq(), previous, chain.signKept(link.seq(), previous, link.hash())});
                }
            } else {
                throw new IllegalStateException("retention stopped: link " + link.seq() + " is within the retention period");
            }
        }
        if (through > anchor.seq()) {
            requireSignedCheckpoint(through, hash);
        }
        if (through == anchor.seq() && remove.isEmpty()) {
            return new RetentionRun(anchor.seq(), 0, kept, cutoff, false);
        }
        if (!keep.isEmpty()) {
            template.batchUpdate("insert into audit_kept_link (seq, prev_hash, signature) values (?, ?, ?)", keep);
        }
        long removed = delete(remove);
        long run = anchor.run() + 1;
        OffsetDateTime at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String signature = chain.signAnchor(run, through, hash, kept, cutoff);
        jdbc.sql("""
                insert into audit_retention_anchor (run, anchor_seq, anchor_hash, kept_links, cutoff, removed, signature, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(run, through, hash, kept, cutoff, removed, signature, at).update();
        copy.appendAfterCommit();
        return new RetentionRun(through, removed, kept, cutoff, through > anchor.seq());
    }

    /**
     * The last checkpoint after the anchor and before the first event still within the retention
     * period, at most RUN_LIMIT links on; the anchor itself when there is none.
     */
    private long throughCheckpoint(long anchorSeq, Long firstYoung) {
        long limit = firstYoung == null ? Long.MAX_VALUE : firstYoung - 1;
        long within = jdbc.sql("select coalesce(max(last_seq), -1) from audit_checkpoint where last_seq > ? and last_seq <= ? and last_seq <= ?")
                .params(anchorSeq, limit, anchorSeq + RUN_LIMIT).query(Long.class).single();
        if (within >= 0) {
            return within;
        }
        // No checkpoint within the limit (a batch is larger than the limit): the first one before the young events.
        return jdbc.sql("select coalesce(min(last_seq), ?) from audit_checkpoint where last_seq > ? and last_seq <= ?")
                .params(anchorSeq, anchorSeq, limit).query(Long.class).single();
    }

    private void requireSignedCheckpoint(long seq, String hash) {
        record Checkpoint(String hash, String signature) {}
        Checkpoint checkpoint = jdbc.sql("select last_hash, signature from audit_checkpoint where last_seq = ?").param(seq)
                .query((rs, n) -> new Checkpoint(rs.getString(1), rs.getString(2))).optional()
                .orElseThrow(() -> new IllegalStateException("retention stopped: no checkpoint at link " + seq));
        if (!checkpoint.hash().equals(hash) || !chain.signatureMatches(seq, hash, checkpoint.signature())) {
            throw new IllegalStateException("retention stopped: the checkpoint at link " + seq + " does not hold; verify the audit log");
        }
    }

    /**
     * On PostgreSQL the owner's function removes them (the application role may not delete audit
     * rows) and refuses anything the rule does not allow. Elsewhere (H2, one role) these
     * statements do, and only for the links this class's rule chose.
     */
    private long delete(List<Link> links) {
        if (links.isEmpty()) {
            return 0;
        }
        if (isPostgreSql()) {
            Long[] seqs = links.stream().map(Link::seq).toArray(Long[]::new);
            return jdbc.sql("select audit_remove_expired(?)").param(seqs).query(Long.class).single();
        }
        List<Object[]> each = links.stream().map(link -> new Object[] {link.seq()}).toList();
        template.batchUpdate("""
                delete from audit_review_item
                where event_id = (select event_id from audit_seal where seq = ?)
                  and review_id in (select id from audit_review where status = 'CONCLUDED')
                """, each);
        template.batchUpdate("delete from audit_kept_link where seq = ?", each);
        template.batchUpdate("delete from audit_seal where seq = ?", each);
        template.batchUpdate("delete from audit_event where id = ?", links.stream().map(link -> new Object[] {link.event().id()}).toList());
        return links.size();
    }

    private boolean isPostgreSql() {
        if (postgreSql == null) {
            postgreSql = "PostgreSQL".equals(template.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
        }
        return postgreSql;
    }
}
