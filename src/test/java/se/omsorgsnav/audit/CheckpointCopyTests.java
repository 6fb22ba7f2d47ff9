package se.omsorgsnav.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.omsorgsnav.support.AsUser;
import se.omsorgsnav.support.OmsorgsnavTest;

/**
 * AUD-6: the checkpoints' copy outside the database. A database owner who rewrites the chain and
 * its checkpoints — re-signing them with the key, as if stolen — is found by the copy.
 */
@OmsorgsnavTest
class CheckpointCopyTests {

    @Autowired AuditLog audit;
    @Autowired AuditSealer sealer;
    @Autowired AuditVerification verification;
    @Autowired AuditChain chain;
    @Autowired AuditJobLock lock;
    @Autowired CheckpointCopy copy;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired Clock clock;
    @Autowired DataSource dataSource;
    @Autowired Environment environment;
    @Autowired PlatformTransactionManager transactions;
    @Autowired UserDetailsService users;

    JdbcClient owner;
    AsUser login;

    @BeforeEach
    void sealSomeEvents() {
        owner = JdbcClient.create(ownerDataSource());
        login = AsUser.login(users, "enhetschef");
        record(3);
        sealer.sealPending();
        record(3);
        sealer.sealPending();
    }

    @AfterEach
    void logout() {
        login.close();
    }

    @Test
    @DisplayName("AUD-6: on a normal run every checkpoint is in the copy outside the database, and it agrees")
    void copyAgrees() {
        VerificationReport report = verification.verify();
        assertThat(report.intact()).as(report.problem()).isTrue();
        assertThat(report.copiedCheckpoints()).isGreaterThanOrEqualTo(2);
        assertThat(report.copyDirectory()).isEqualTo(copy.directory().toString());
    }

    @Test
    @DisplayName("AUD-2, AUD-6: a log verified while the sealer seals on and copies its checkpoints is intact")
    void verifiedWhileSealing() throws Exception {
        // The copy is read before the verification's snapshot: read after it, a checkpoint committed
        // and copied meanwhile was in the copy but not in the snapshot, and an intact log was
        // reported broken (seen in CI while the browser tests ran).
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CompletableFuture<Long> sealing = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            long sealed = 0;
            while (!done.get()) {
                record(2);
                sealed += sealer.sealPending();
            }
            return sealed;
        });
        try {
            for (int i = 0; i < 25; i++) {
                VerificationReport report = verification.verify();
                assertThat(report.intact()).as("verification %d: %s", i, report.problem()).isTrue();
            }
        } finally {
            done.set(true);
        }
        assertThat(sealing.get(30, java.util.concurrent.TimeUnit.SECONDS)).isPositive();
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    @DisplayName("AUD-6: a chain rewritten with its checkpoints, re-signed with the key, disagrees with the copy")
    void rewrittenAndResignedChainIsFound() throws Exception {
        record Seal(long seq, UUID eventId, String hash) {}
        long last = owner.sql("select max(last_seq) from audit_checkpoint").query(Long.class).single();
        long first = owner.sql("select max(last_seq) from audit_checkpoint where last_seq < ?").param(last).query(Long.class).single();
        List<Seal> tail = owner.sql("select seq, event_id, hash from audit_seal where seq > ? order by seq").param(first)
                .query((rs, n) -> new Seal(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3))).list();
        record Checkpoint(String hash, String signature) {}
        Checkpoint original = owner.sql("select last_hash, signature from audit_checkpoint where last_seq = ?").param(last)
                .query((rs, n) -> new Checkpoint(rs.getString(1), rs.getString(2))).single();
        // The sealer is held off meanwhile: a link sealed onto the forged hash would not verify once it is put back.
        Connection holder = holdTheSealerLock();
        UUID victim = tail.get(0).eventId();
        String purpose = owner.sql("select purpose from audit_event where id = ?").param(victim).query(String.class).single();
        owner.sql("update audit_event set purpose = 'EDITED' where id = ?").param(victim).update();
        String hash = owner.sql("select hash from audit_seal where seq = ?").param(first).query(String.class).single();
        for (Seal link : tail) {
            AuditChain.SealedFields fields = owner.sql("select " + AuditChain.SealedFields.COLUMNS + " from audit_event e where e.id = ?")
                    .param(link.eventId()).query((rs, n) -> AuditChain.SealedFields.read(rs)).single();
            hash = chain.link(hash, fields);
            owner.sql("update audit_seal set hash = ? where seq = ?").params(hash, link.seq()).update();
        }
        owner.sql("update audit_checkpoint set last_hash = ?, signature = ? where last_seq = ?")
                .params(hash, chain.sign(last, hash), last).update();
        try {
            VerificationReport report = verification.verify();
            assertThat(report.intact()).isFalse();
            assertThat(report.firstBrokenSeq()).isEqualTo(last);
            assertThat(report.problem()).contains("kopian utanför databasen");
        } finally {
            owner.sql("update audit_event set purpose = ? where id = ?").params(purpose, victim).update();
            tail.forEach(link -> owner.sql("update audit_seal set hash = ? where seq = ?").params(link.hash(), link.seq()).update());
            owner.sql("update audit_checkpoint set last_hash = ?, signature = ? where last_seq = ?")
                    .params(original.hash(), original.signature(), last).update();
            holder.close();
        }
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    @DisplayName("AUD-6: a missing copy is reported")
    void missingCopyIsFound() throws Exception {
        Path directory = copy.directory();
        Path away = directory.resolveSibling(directory.getFileName() + "-away-" + UUID.randomUUID());
        // The sealer is stopped meanwhile (its lock held here), so it cannot start a new copy.
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            lock.take(AuditJobLock.SEALER);
            try {
                Files.move(directory, away);
                VerificationReport report = verification.verify();
                assertThat(report.intact()).isFalse();
                assertThat(report.problem()).contains("Kopian av kontrollpunkterna");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                try {
                    Files.move(away, directory);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    @DisplayName("AUD-6: when the copy cannot be written the sealer stops sealing and health is DOWN, rather than going on without it")
    void unwritableCopyStopsSealing(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        Path notADirectory = Files.writeString(temp.resolve("a-file"), "not a directory");
        CheckpointCopy broken = new CheckpointCopy(jdbc, clock, notADirectory);
        AuditSealer stopped = new AuditSealer(jdbc, template, chain, lock, broken, clock, transactions, 1000);
        AuditSealingHealth health = new AuditSealingHealth(jdbc, broken, clock, java.time.Duration.ofSeconds(30));
        record(2);
        assertThatThrownBy(() -> stopped.sealPending()).hasMessageContaining("cannot be written");
        assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN");
        assertThatThrownBy(() -> stopped.seal(true)).as("and again on the next batch").hasMessageContaining("cannot be written");
        // The application's own sealer, whose copy works, seals them with their copy.
        sealer.sealPending();
        VerificationReport report = verification.verify();
        assertThat(report.intact()).as(report.problem()).isTrue();
    }

    private List<UUID> record(int count) {
        List<UUID> ids = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            List<AuditEntry> entries = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                entries.add(new AuditEntry(UUID.randomUUID(), null, AuditAction.VIEW, "COPY_TEST", AuditOutcome.ALLOWED));
            }
            audit.recordAll(new AuditActor(null, "tester", "UNIT_MANAGER", null, "127.0.0.1"), entries);
        });
        ids.addAll(jdbc.sql("select e.id from audit_event e join audit_pending p on p.event_id = e.id where e.purpose = 'COPY_TEST'")
                .query(UUID.class).list());
        return ids;
    }

    /** A connection of its own, outside the pool, holding the sealer's row lock in an open transaction. */
    private Connection holdTheSealerLock() throws Exception {
        Connection connection = DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password", ""));
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement("select name from audit_lock where name = ? for update")) {
            statement.setString(1, AuditJobLock.SEALER);
            statement.executeQuery().close();
        }
        return connection;
    }

    /** The database owner, who can do what an attacker with database access could. */
    private DataSource ownerDataSource() {
        String user = environment.getProperty("spring.flyway.user");
        if (user == null) {
            return dataSource;
        }
        return new DriverManagerDataSource(environment.getProperty("spring.datasource.url"), user,
                environment.getProperty("spring.flyway.password", ""));
    }
}
