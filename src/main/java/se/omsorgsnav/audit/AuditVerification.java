package se.omsorgsnav.audit;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the audit chain and checks every checkpoint (AUD-2), from the retention anchor on
 * (AUD-6), and compares the checkpoints with their copy outside the database.
 */
@Component
public class AuditVerification {

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final AuditChain chain;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final CheckpointCopy copy;
    private final TransactionTemplate snapshot;

    AuditVerification(DataSource dataSource, JdbcClient client, AuditChain chain, AuditLog audit, CurrentActor actor,
                      CheckpointCopy copy, PlatformTransactionManager transactions) {
        this.snapshot = new TransactionTemplate(transactions);
        // One snapshot for the whole walk: PostgreSQL's repeatable read is one. H2's lets rows
        // committed meanwhile appear (an event counted, its seal not yet: "neither sealed nor
        // queued" on an intact log); its serializable is the snapshot there.
        this.snapshot.setIsolationLevel(isH2(dataSource) ? TransactionDefinition.ISOLATION_SERIALIZABLE
                : TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.audit = audit;
        this.actor = actor;
        this.copy = copy;
        // Its own template: the chain is streamed, and the shared template must keep its defaults.
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1_000);
        this.client = client;
        this.chain = chain;
    }

    /**
     * Each link after the retention anchor with the hash and number of the link before it (lag),
     * joined to its event in whatever order the database finds cheapest: a link is checked against
     * the previous link's stored hash, so no link waits for another, and the database need not sort
     * millions of wide rows by sequence number (bench/README.md).
     */
    private static final String LINKS = """
            select s.seq, s.prev_seq, s.prev_hash, s.hash, s.event_id as sealed_event_id, %s
            from (select seq, hash, event_id, lag(seq) over (order by seq) as prev_seq, lag(hash) over (order by seq) as prev_hash
                  from audit_seal where seq > ?) s
            left join audit_event e on e.id = s.event_id
            """.formatted(AuditChain.SealedFields.COLUMNS);

    /** The links at or below the anchor: only those kept for an open review may remain, each with its kept row. */
    private static final String KEPT = """
            select s.seq, s.hash, k.prev_hash, k.signature, s.event_id as sealed_event_id, %s
            from audit_seal s
            left join audit_kept_link k on k.seq = s.seq
            left join audit_event e on e.id = s.event_id
            where s.seq <= ?
            """.formatted(AuditChain.SealedFields.COLUMNS);

    /**
     * Verifies the whole chain; the verification is itself recorded in the log. Repeatable read: the
     * chunks and the counts see one snapshot while the sealer goes on. The copy outside the
     * database is read first, before the snapshot: every line in it was written after its
     * checkpoint committed, so the snapshot holds every checkpoint the copy names unless one was
     * taken away. Read after the snapshot, the copy could name a checkpoint the sealer committed
     * meanwhile, and an intact log would be reported broken.
     */
    public VerificationReport verify() {
        CheckpointCopy.Copies copied = copy.readAll();
        return snapshot.execute(status -> verify(copied));
    }

    private VerificationReport verify(CheckpointCopy.Copies copied) {
        audit.record(actor.actor(), new AuditEntry(null, null, AuditAction.AUDIT_VERIFICATION, "VERIFICATION", AuditOutcome.ALLOWED));
        long started = System.nanoTime();
        long pending = client.sql("select count(*) from audit_pending").query(Long.class).single();
        Map<Long, Checkpoint> checkpoints = new HashMap<>();
        client.sql("select last_seq, last_hash, signature from audit_checkpoint")
                .query((rs, n) -> new Checkpoint(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list()
                .forEach(c -> checkpoints.put(c.lastSeq(), c));
        List<Anchor> anchors = client.sql("""
                select run, anchor_seq, anchor_hash, kept_links, cutoff, signature from audit_retention_anchor order by run
                """).query((rs, n) -> new Anchor(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6))).list();
        Anchor anchor = anchors.isEmpty() ? null : anchors.get(anchors.size() - 1);
        long anchorSeq = anchor == null ? 0 : anchor.seq();

        Walk walk = new Walk(checkpoints, anchorSeq, anchor == null ? AuditChain.GENESIS : anchor.hash());
        if (anchor != null && !chain.matches(chain.signAnchor(anchor.run(), anchor.seq(), anchor.hash(), anchor.kept(), anchor.cutoff()),
                anchor.signature())) {
            walk.fail(anchor.seq(), "Gallringsankaret vid länk " + anchor.seq() + " är inte signerat av tjänsten: "
                    + "loggposter har tagits bort vid sidan av gallringen.");
        }
        long[] kept = {0};
        jdbc.query(KEPT, rs -> {
            kept[0]++;
            walk.kept(rs.getLong("seq"), rs.getString("hash"), rs.getString("prev_hash"), rs.getString("signature"),
                    rs.getObject("sealed_event_id") != null && rs.getObject("id") != null ? AuditChain.SealedFields.read(rs) : null);
        }, anchorSeq);
        if (anchor != null && kept[0] != anchor.kept()) {
            walk.fail(anchor.seq(), "Vid gallringen sparades " + anchor.kept() + " länkar för öppna granskningar, nu finns "
                    + kept[0] + ": loggposter som en granskning håller har tagits bort.");
        }
        jdbc.query(LINKS, rs -> {
            Long prevSeq = rs.getObject("prev_seq") == null ? null : rs.getLong("prev_seq");
            walk.step(rs.getLong("seq"), prevSeq, rs.getString("prev_hash"), rs.getString("hash"),
                    rs.getObject("sealed_event_id") != null && rs.getObject("id") != null ? AuditChain.SealedFields.read(rs) : null);
        }, anchorSeq);

        CopyComparison compared = compareWithCopy(copied, checkpoints, anchors);
        VerificationReport.Details details = new VerificationReport.Details(anchor == null ? null : anchor.seq(),
                anchor == null ? null : anchor.cutoff(), kept[0], compared.compared(), compared.uncopied(), copy.directory().toString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (walk.problem != null) {
            return VerificationReport.broken(walk.checked, pending, walk.brokenSeq, walk.problem, took, details);
        }
        long latestCheckpoint = checkpoints.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        if (latestCheckpoint != walk.lastSeq) {
            return VerificationReport.broken(walk.checked, pending, Math.min(latestCheckpoint, walk.lastSeq) + 1,
                    "Kedjan slutar inte vid den senaste signerade kontrollpunkten: länkar har lagts till eller tagits bort i slutet.", took, details);
        }
        // Every event is sealed or queued, never both: seal and queue reference events by unique keys,
        // so the counts tell (in this transaction's one snapshot) without an anti-join over millions.
        long orphans = client.sql("""
                select (select count(*) from audit_event) - (select count(*) from audit_seal) - (select count(*) from audit_pending)
                       + (select count(*) from audit_pending p join audit_seal s on s.event_id = p.event_id)
                """).query(Long.class).single();
        if (orphans > 0) {
            return VerificationReport.broken(walk.checked, pending, null,
                    orphans + " loggposter är varken förseglade eller köade för försegling: de har lagts in eller tagits ur kön vid sidan av systemet.", took, details);
        }
        if (compared.problem() != null) {
            return VerificationReport.broken(walk.checked, pending, compared.brokenSeq(), compared.problem(), took, details);
        }
        return VerificationReport.intact(walk.checked, pending, took, details);
    }

    private record Checkpoint(long lastSeq, String lastHash, String signature) {}

    private record Anchor(long run, long seq, String hash, long kept, OffsetDateTime cutoff, String signature) {}

    private record CopyComparison(long compared, long uncopied, Long brokenSeq, String problem) {}

    /**
     * The copy outside the database against the database (AUD-6). Every line of the copy must
     * agree with the database's checkpoint or anchor of its number: a chain rewritten with its
     * checkpoints, even re-signed with a stolen key, disagrees with what was copied before. Every
     * checkpoint from where the copy began up to the copy's last line must be in it; only the
     * newest, after its last line, may be uncopied yet (written just after their commit).
     */
    private CopyComparison compareWithCopy(CheckpointCopy.Copies copied, Map<Long, Checkpoint> checkpoints, List<Anchor> anchors) {
        CheckpointCopy.Identity identity = copy.identity();
        if (identity == null) {
            return checkpoints.isEmpty() ? new CopyComparison(0, 0, null, null)
                    : new CopyComparison(0, checkpoints.size(), null, "Kedjans identitet saknas i databasen: kontrollpunkterna kan inte "
                            + "jämföras med kopian utanför databasen (" + copy.directory() + ").");
        }
        CheckpointCopy.Copy lines = copied.of(identity.chain());
        Map<Long, CheckpointCopy.Line> copiedCheckpoints = new HashMap<>();
        Map<Long, CheckpointCopy.Line> copiedAnchors = new HashMap<>();
        Long brokenSeq = null;
        String problem = null;
        for (CheckpointCopy.Line line : lines.lines()) {
            Map<Long, CheckpointCopy.Line> kind = CheckpointCopy.ANCHOR.equals(line.kind()) ? copiedAnchors : copiedCheckpoints;
            CheckpointCopy.Line earlier = kind.putIfAbsent(CheckpointCopy.ANCHOR.equals(line.kind()) ? line.run() : line.seq(), line);
            if (earlier != null && !earlier.equals(line) && problem == null) {
                brokenSeq = line.seq();
                problem = "Kopian utanför databasen har två olika kontrollpunkter vid länk " + line.seq() + ": kopian har ändrats.";
            }
        }
        long lastCopied = copiedCheckpoints.keySet().stream().mapToLong(Long::longValue).max().orElse(identity.copyFrom() - 1);
        long uncopied = 0;
        for (Checkpoint checkpoint : checkpoints.values().stream().sorted((a, b) -> Long.compare(a.lastSeq(), b.lastSeq())).toList()) {
            if (checkpoint.lastSeq() < identity.copyFrom()) {
                continue;
            }
            CheckpointCopy.Line line = copiedCheckpoints.get(checkpoint.lastSeq());
            if (line == null && checkpoint.lastSeq() > lastCopied) {
                uncopied++;
            } else if (line == null && problem == null) {
                brokenSeq = checkpoint.lastSeq();
                problem = "Kontrollpunkten vid länk " + checkpoint.lastSeq() + " saknas i kopian utanför databasen ("
                        + copy.directory() + "): kopian är ofullständig eller kontrollpunkten har lagts till i efterhand.";
            }
        }
        for (CheckpointCopy.Line line : copiedCheckpoints.values().stream().sorted((a, b) -> Long.compare(a.seq(), b.seq())).toList()) {
            Checkpoint stored = checkpoints.get(line.seq());
            if ((stored == null || !stored.lastHash().equals(line.hash()) || !stored.signature().equals(line.signature()))
                    && (brokenSeq == null || line.seq() < brokenSeq)) {
                brokenSeq = line.seq();
                problem = "Kontrollpunkten vid länk " + line.seq() + " stämmer inte med kopian utanför databasen: "
                        + "kedjan och dess kontrollpunkter har skrivits om eller tagits bort.";
            }
        }
        long lastCopiedAnchor = copiedAnchors.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        for (Anchor anchor : anchors) {
            CheckpointCopy.Line line = copiedAnchors.get(anchor.run());
            if (line == null && anchor.run() > lastCopiedAnchor) {
                uncopied++;
            } else if (problem == null && (line == null || line.seq() != anchor.seq() || !line.hash().equals(anchor.hash())
                    || line.kept() != anchor.kept() || !line.signature().equals(anchor.signature())
                    || !line.cutoff().equals(anchor.cutoff().toInstant().truncatedTo(ChronoUnit.MICROS).toString()))) {
                brokenSeq = anchor.seq();
                problem = "Gallringsankaret vid länk " + anchor.seq() + " stämmer inte med kopian utanför databasen.";
            }
        }
        for (CheckpointCopy.Line line : copiedAnchors.values()) {
            if (problem == null && anchors.stream().noneMatch(a -> a.run() == line.run())) {
                brokenSeq = line.seq();
                problem = "Gallringsankaret vid länk " + line.seq() + " finns i kopian utanför databasen men inte i databasen.";
            }
        }
        long compared = copiedCheckpoints.size() + copiedAnchors.size();
        if (problem == null && compared == 0 && checkpoints.keySet().stream().anyMatch(seq -> seq >= identity.copyFrom())) {
            problem = lines.directoryReadable()
                    ? "Kopian av kontrollpunkterna utanför databasen saknas i " + copy.directory() + "."
                    : "Kopian av kontrollpunkterna utanför databasen kan inte läsas: " + copy.directory() + " finns inte eller är oläsbar.";
        }
        return new CopyComparison(compared, uncopied, brokenSeq, problem);
    }

    /** What one pass over the links found, in whatever order they came: the first broken link wins. */
    private final class Walk {
        private final Map<Long, Checkpoint> checkpoints;
        private final long anchorSeq;
        private final String anchorHash;
        private long lastSeq;
        private long checked;
        private Long brokenSeq;
        private String problem;

        Walk(Map<Long, Checkpoint> checkpoints, long anchorSeq, String anchorHash) {
            this.checkpoints = checkpoints;
            this.anchorSeq = anchorSeq;
            this.anchorHash = anchorHash;
            this.lastSeq = anchorSeq;
        }

        /** A link at or below the anchor: it may only be one kept for an open review, and must still hold. */
        void kept(long seq, String storedHash, String prevHash, String signature, AuditChain.SealedFields event) {
            if (prevHash == null) {
                fail(seq, "Länk " + seq + " ligger före gallringsankaret men sparades inte för en granskning: kedjan har ändrats.");
                return;
            }
            if (event == null) {
                fail(seq, "Loggposten i länk " + seq + ", sparad för en öppen granskning, finns inte längre: den har tagits bort.");
                return;
            }
            if (!chain.link(prevHash, event).equals(storedHash)
                    || !chain.matches(chain.signKept(seq, prevHash, storedHash), signature)) {
                fail(seq, "Länk " + seq + ", sparad för en öppen granskning, stämmer inte: loggposten har ändrats.");
                return;
            }
            checked++;
        }

        void step(long seq, Long prevSeq, String prevHash, String storedHash, AuditChain.SealedFields event) {
            lastSeq = Math.max(lastSeq, seq);
            long expectedPrevious = prevSeq == null ? anchorSeq : prevSeq;
            if (seq != expectedPrevious + 1) {
                fail(expectedPrevious + 1, "Länk " + (expectedPrevious + 1) + " saknas i kedjan: en förseglad loggpost har tagits bort.");
                return;
            }
            if (event == null) {
                fail(seq, "Loggposten i länk " + seq + " finns inte längre: den har tagits bort.");
                return;
            }
            String expected = chain.link(prevSeq == null ? anchorHash : prevHash, event);
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

        void fail(long seq, String message) {
            if (brokenSeq == null || seq < brokenSeq) {
                brokenSeq = seq;
                problem = message;
            }
        }
    }

    private static boolean isH2(DataSource dataSource) {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return "H2".equals(c.getMetaData().getDatabaseProductName());
        } catch (java.sql.SQLException e) {
            // No database at start: the default; the database-outage answer covers the rest.
            return false;
        }
    }
}
