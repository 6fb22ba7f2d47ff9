package se.omsorgsnav.audit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Recomputes the audit chain and checks every checkpoint (AUD-2). */
@Component
public class AuditVerification {

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final AuditChain chain;
    private final AuditLog audit;
    private final CurrentActor actor;

    AuditVerification(DataSource dataSource, JdbcClient client, AuditChain chain, AuditLog audit, CurrentActor actor) {
        this.audit = audit;
        this.actor = actor;
        // Its own template: the chain is streamed, and the shared template must keep its defaults.
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1_000);
        this.client = client;
        this.chain = chain;
    }

    /**
     * Each link with the hash and number of the link before it (lag), joined to its event in
     * whatever order the database finds cheapest: a link is checked against the previous link's
     * stored hash, so no link waits for another, and the database need not sort millions of wide
     * rows by sequence number (bench/README.md).
     */
    private static final String LINKS = """
            select s.seq, s.prev_seq, s.prev_hash, s.hash, s.event_id as sealed_event_id, %s
            from (select seq, hash, event_id, lag(seq) over (order by seq) as prev_seq, lag(hash) over (order by seq) as prev_hash
                  from audit_seal) s
            left join audit_event e on e.id = s.event_id
            """.formatted(AuditChain.SealedFields.COLUMNS);

    /**
     * Verifies the whole chain; the verification is itself recorded in the log. Repeatable read: the
     * chunks and the counts see one snapshot while the sealer goes on.
     */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public VerificationReport verify() {
        audit.record(actor.actor(), new AuditEntry(null, null, AuditAction.AUDIT_VERIFICATION, "VERIFICATION", AuditOutcome.ALLOWED));
        long started = System.nanoTime();
        long pending = client.sql("select count(*) from audit_pending").query(Long.class).single();
        Map<Long, Checkpoint> checkpoints = new HashMap<>();
        client.sql("select last_seq, last_hash, signature from audit_checkpoint")
                .query((rs, n) -> new Checkpoint(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list()
                .forEach(c -> checkpoints.put(c.lastSeq(), c));

        Walk walk = new Walk(checkpoints);
        jdbc.query(LINKS, rs -> {
            Long prevSeq = rs.getObject("prev_seq") == null ? null : rs.getLong("prev_seq");
            walk.step(rs.getLong("seq"), prevSeq, rs.getString("prev_hash"), rs.getString("hash"),
                    rs.getObject("sealed_event_id") != null && rs.getObject("id") != null ? AuditChain.SealedFields.read(rs) : null);
        });
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (walk.problem != null) {
            return VerificationReport.broken(walk.checked, pending, walk.brokenSeq, walk.problem, took);
        }
        long latestCheckpoint = checkpoints.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        if (latestCheckpoint != walk.lastSeq) {
            return VerificationReport.broken(walk.checked, pending, Math.min(latestCheckpoint, walk.lastSeq) + 1,
                    "Kedjan slutar inte vid den senaste signerade kontrollpunkten: länkar har lagts till eller tagits bort i slutet.", took);
        }
        // Every event is sealed or queued, never both: seal and queue reference events by unique keys,
        // so the counts tell (in this transaction's one snapshot) without an anti-join over millions.
        long orphans = client.sql("""
                select (select count(*) from audit_event) - (select count(*) from audit_seal) - (select count(*) from audit_pending)
                       + (select count(*) from audit_pending p join audit_seal s on s.event_id = p.event_id)
                """).query(Long.class).single();
        if (orphans > 0) {
            return VerificationReport.broken(walk.checked, pending, null,
                    orphans + " loggposter är varken förseglade eller köade för försegling: de har lagts in eller tagits ur kön vid sidan av systemet.", took);
        }
        return VerificationReport.intact(walk.checked, pending, took);
    }

    private record Checkpoint(long lastSeq, String lastHash, String signature) {}

    /** What one pass over the links found, in whatever order they came: the first broken link wins. */
    private final class Walk {
        private final Map<Long, Checkpoint> checkpoints;
        private long lastSeq;
        private long checked;
        private Long brokenSeq;
        private String problem;

        Walk(Map<Long, Checkpoint> checkpoints) {
            this.checkpoints = checkpoints;
        }

        void step(long seq, Long prevSeq, String prevHash, String storedHash, AuditChain.SealedFields event) {
            lastSeq = Math.max(lastSeq, seq);
            long expectedPrevious = prevSeq == null ? 0 : prevSeq;
            if (seq != expectedPrevious + 1) {
                fail(expectedPrevious + 1, "Länk " + (expectedPrevious + 1) + " saknas i kedjan: en förseglad loggpost har tagits bort.");
                return;
            }
            if (event == null) {
                fail(seq, "Loggposten i länk " + seq + " finns inte längre: den har tagits bort.");
                return;
            }
            String expected = chain.link(prevSeq == null ? AuditChain.GENESIS : prevHash, event);
            if (!expected.equals(storedHash)) {
                fail(seq, "Länk " + seq + " stämmer inte: loggposten eller kedjan har ändrats.");
                return;
            }
            Checkpoint checkpoint = checkpoints.get(seq);
            if (checkpoint != null && (!checkpoint.lastHash().equals(storedHash)
                    || !chain.signatureMatches(checkpoint.lastSeq(), checkpoint.lastHash(), checkpoint.signature()))) {
                fail(seq, "Kontrollpunkten vid länk " + seq + " stämmer inte: kedjan har skrivits om.");
                return;
            }
            checked++;
        }

        private void fail(long seq, String message) {
            if (brokenSeq == null || seq < brokenSeq) {
                brokenSeq = seq;
                problem = message;
            }
        }
    }
}
