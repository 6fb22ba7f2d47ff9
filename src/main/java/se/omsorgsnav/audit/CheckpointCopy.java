package se.omsorgsnav.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The copy of the checkpoints and retention anchors outside the database (AUD-6): one line per
 * checkpoint, appended and forced to disk, in a file per day under
 * {@code omsorgsnav.audit.checkpoint-directory}. A database owner who rewrites the chain and its
 * checkpoints — even re-signing them with a stolen key — cannot rewrite this copy, and
 * verification compares the two.
 * <p>
 * A line is appended after its transaction commits: were it written before, a commit that failed
 * after the write would leave the copy stating a checkpoint the database never had, and a chain
 * sealed again after a crash may number the same events differently. A node killed between the
 * commit and the write, or a write that failed, leaves the newest checkpoints uncopied; the next
 * sealer batch (any node, under the sealer's lock) first appends every checkpoint and anchor the
 * copy lacks after the last one it has, and if it cannot, fails the batch: sealing stops, the
 * queue grows and health turns DOWN (AuditSealingHealth) rather than going on without a copy.
 * It never copies history the copy has lost: a copy that is missing or cut short stays so, and
 * verification reports it.
 * <p>
 * Lines: {@code checkpoint <chain> <seq> <hash> <signature>} and
 * {@code anchor <chain> <run> <seq> <hash> <kept> <cutoff> <signature>}, where chain is the id in
 * {@code audit_chain_identity}, so several databases may share a directory.
 */
@Component
class CheckpointCopy {

    static final String CHECKPOINT = "checkpoint";
    static final String ANCHOR = "anchor";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Path directory;

    /** This node's knowledge of the copy's end; -1: not read yet (read from the files on first use). */
    private long lastCheckpoint = -1;
    private long lastAnchor = -1;
    private UUID chain;
    /** Why the last write failed; null once a write succeeds again. */
    private volatile String failure;

    CheckpointCopy(JdbcClient jdbc, Clock clock,
                   @Value("${omsorgsnav.audit.checkpoint-directory:./data/audit-checkpoints}") Path directory) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.directory = directory;
    }

    /** The copy as read from the directory, for one chain. */
    record Copy(boolean directoryReadable, List<Line> lines) {}

    /** One line; for a checkpoint run is 0, kept 0 and cutoff null. */
    record Line(String kind, long run, long seq, String hash, long kept, String cutoff, String signature) {}

    /** Why the copy could not be written the last time, or null. */
    String failure() {
        return failure;
    }

    Path directory() {
        return directory;
    }

    /** The chain's identity and the first checkpoint its copy holds; null before the first seal. */
    record Identity(UUID chain, long copyFrom) {}

    Identity identity() {
        return jdbc.sql("select id, copy_from from audit_chain_identity")
                .query((rs, n) -> new Identity(rs.getObject(1, UUID.class), rs.getLong(2))).optional().orElse(null);
    }

    /**
     * The chain's identity; created (with the sealer's lock held) before the first checkpoint is
     * copied, recording from which checkpoint on the copy is complete.
     */
    synchronized UUID chain() {
        if (chain == null) {
            chain = jdbc.sql("select id from audit_chain_identity").query(UUID.class).optional().orElse(null);
        }
        return chain;
    }

    /**
     * In the sealer's batch, with its lock held: appends what the copy lacks after its last line
     * (a crash or failed write after an earlier commit). Throws when the copy cannot be written:
     * the batch rolls back.
     */
    synchronized void beforeSealing() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            failure = "the audit checkpoint copy in " + directory + " cannot be written: " + e;
            throw new UncheckedIOException(failure, e);
        }
        if (chain() == null) {
            chain = UUID.randomUUID();
            jdbc.sql("insert into audit_chain_identity (id, copy_from) select ?, coalesce(max(last_seq), 0) + 1 from audit_checkpoint")
                    .param(chain).update();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        synchronized (CheckpointCopy.this) {
                            chain = null;
                            lastCheckpoint = -1;
                            lastAnchor = -1;
                        }
                    }
                }
            });
        }
        catchUp();
    }

    /**
     * Appends, in order, every checkpoint and anchor after the copy's last line. Always the whole
     * gap, never one line alone: so this node's copy is always a prefix of the database's
     * checkpoints, even when another thread's batch commits between a commit and its line.
     */
    private void catchUp() {
        if (lastCheckpoint < 0 || lastAnchor < 0) {
            readEnd();
        }
        jdbc.sql("select last_seq, last_hash, signature from audit_checkpoint where last_seq > ? order by last_seq")
                .param(lastCheckpoint)
                .query((rs, n) -> new Line(CHECKPOINT, 0, rs.getLong(1), rs.getString(2), 0, null, rs.getString(3)))
                .list()
                .forEach(this::append);
        jdbc.sql("select run, anchor_seq, anchor_hash, kept_links, cutoff, signature from audit_retention_anchor where run > ? order by run")
                .param(lastAnchor)
                .query((rs, n) -> new Line(ANCHOR, rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        instant(rs.getObject(5, OffsetDateTime.class)), rs.getString(6)))
                .list()
                .forEach(this::append);
    }

    /** Once the sealer's (or retention's) transaction has committed, appends what it wrote, with any gap before it. */
    void appendAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                synchronized (CheckpointCopy.this) {
                    if (chain() != null) {
                        catchUp();
                    }
                }
            }
        });
    }

    /** Every line of this chain in every file of the directory, in file and line order. */
    Copy read(UUID forChain) {
        return readAll().of(forChain);
    }

    /** Every chain's lines in the directory, as read at one moment. */
    record Copies(boolean directoryReadable, java.util.Map<UUID, List<Line>> byChain) {
        Copy of(UUID chain) {
            return new Copy(directoryReadable, chain == null ? List.of() : byChain.getOrDefault(chain, List.of()));
        }
    }

    /**
     * Every line of every chain, in file and line order: verification reads the copy before its
     * database snapshot, since a line is written only after its checkpoint commits; read after
     * the snapshot, it could hold a checkpoint committed since, which the snapshot lacks.
     */
    Copies readAll() {
        java.util.Map<UUID, List<Line>> byChain = new java.util.HashMap<>();
        if (!Files.isDirectory(directory)) {
            return new Copies(false, byChain);
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("audit-checkpoints-")).sorted().toList()) {
                for (String text : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                    ChainLine line = parse(text);
                    if (line != null) {
                        byChain.computeIfAbsent(line.chain(), c -> new ArrayList<>()).add(line.line());
                    }
                }
            }
        } catch (IOException e) {
            return new Copies(false, byChain);
        }
        return new Copies(true, byChain);
    }

    private record ChainLine(UUID chain, Line line) {}

    /** A line cut short by a crash mid-write, or not of ours, is no line. */
    private static ChainLine parse(String text) {
        String[] f = text.split(" ");
        if (f.length < 2) {
            return null;
        }
        try {
            UUID chain = UUID.fromString(f[1]);
            if (CHECKPOINT.equals(f[0]) && f.length == 5) {
                return new ChainLine(chain, new Line(CHECKPOINT, 0, Long.parseLong(f[2]), f[3], 0, null, f[4]));
            }
            if (ANCHOR.equals(f[0]) && f.length == 8) {
                return new ChainLine(chain, new Line(ANCHOR, Long.parseLong(f[2]), Long.parseLong(f[3]), f[4], Long.parseLong(f[5]), f[6], f[7]));
            }
        } catch (IllegalArgumentException e) {
            // NumberFormatException is one; a chain that is no UUID is the other.
            return null;
        }
        return null;
    }

    private void readEnd() {
        List<Line> lines = read(chain).lines();
        long copiedCheckpoint = lines.stream().filter(l -> CHECKPOINT.equals(l.kind())).mapToLong(Line::seq).max().orElse(-1);
        long copiedAnchor = lines.stream().filter(l -> ANCHOR.equals(l.kind())).mapToLong(Line::run).max().orElse(-1);
        // A copy with nothing of this chain begins now: what came before is not copied from the database.
        lastCheckpoint = copiedCheckpoint >= 0 ? copiedCheckpoint
                : jdbc.sql("select coalesce(max(last_seq), 0) from audit_checkpoint").query(Long.class).single();
        // Anchors are few and each one matters to verification: a copy without any takes them all.
        lastAnchor = Math.max(copiedAnchor, 0);
    }

    private void append(Line line) {
        String text = CHECKPOINT.equals(line.kind())
                ? String.join(" ", CHECKPOINT, chain.toString(), Long.toString(line.seq()), line.hash(), line.signature())
                : String.join(" ", ANCHOR, chain.toString(), Long.toString(line.run()), Long.toString(line.seq()), line.hash(),
                        Long.toString(line.kept()), line.cutoff(), line.signature());
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("audit-checkpoints-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ".log");
            boolean created = !Files.exists(file);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer bytes = ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.US_ASCII));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            if (created) {
                // The new file's name must survive a crash as well as its content.
                try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                    dir.force(true);
                } catch (IOException e) {
                    // Some file systems cannot open a directory for syncing; the file itself is forced.
                }
            }
        } catch (IOException e) {
            failure = "the audit checkpoint copy in " + directory + " could not be written: " + e;
            throw new UncheckedIOException(failure, e);
        }
        failure = null;
        if (CHECKPOINT.equals(line.kind())) {
            lastCheckpoint = Math.max(lastCheckpoint, line.seq());
        } else {
            lastAnchor = Math.max(lastAnchor, line.run());
        }
    }

    private static String instant(OffsetDateTime at) {
        return at.toInstant().truncatedTo(ChronoUnit.MICROS).toString();
    }
}
