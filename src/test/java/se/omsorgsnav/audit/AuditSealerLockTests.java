package se.omsorgsnav.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import se.omsorgsnav.support.AsUser;
import se.omsorgsnav.support.OmsorgsnavTest;

/**
 * The sealer's lock (issue 15): a sealer that dies holding it stops sealing only until the next
 * attempt, and sealers on one database never make two chains (AUD-2). Runs on H2 and, in CI, on
 * PostgreSQL.
 */
@OmsorgsnavTest
class AuditSealerLockTests {

    @Autowired AuditLog audit;
    @Autowired AuditSealer scheduledSealer;
    @Autowired AuditVerification verification;
    @Autowired AuditChain chain;
    @Autowired AuditJobLock lock;
    @Autowired CheckpointCopy copy;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired Clock clock;
    @Autowired Environment environment;
    @Autowired PlatformTransactionManager transactions;
    @Autowired UserDetailsService users;

    AsUser login;

    @BeforeEach
    void login() {
        login = AsUser.login(users, "enhetschef");
    }

    @AfterEach
    void logout() {
        login.close();
    }

    @Test
    @DisplayName("AUD-2: two sealers on one database, batch against batch, seal every event once in one gapless chain")
    void twoSealersMakeOneChain() throws Exception {
        scheduledSealer.sealPending();
        long before = jdbc.sql("select coalesce(max(seq), 0) from audit_seal").query(Long.class).single();
        List<UUID> events = recordEvents(300);
        AuditSealer first = smallBatchSealer();
        AuditSealer second = smallBatchSealer();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> sealed = new ArrayList<>();
            for (AuditSealer sealer : List.of(first, second)) {
                sealed.add(pool.submit(() -> {
                    start.await();
                    long total = 0;
                    while (pendingOf(events) > 0) {
                        total += sealer.seal(false);
                    }
                    return total;
                }));
            }
            start.countDown();
            for (Future<Long> each : sealed) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        record Range(long count, long distinctEvents, long min, long max) {}
        Range range = jdbc.sql("select count(*), count(distinct event_id), min(seq), max(seq) from audit_seal where seq > ?")
                .param(before).query((rs, n) -> new Range(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
        assertThat(range.min()).isEqualTo(before + 1);
        assertThat(range.max() - range.min() + 1).as("no gap and no number twice").isEqualTo(range.count());
        assertThat(range.distinctEvents()).as("no event sealed twice").isEqualTo(range.count());
        assertThat(range.count()).isGreaterThanOrEqualTo(events.size());
        assertThat(jdbc.sql("select count(*) from audit_seal where event_id in (:ids)").param("ids", events).query(Long.class).single())
                .isEqualTo(events.size());
        VerificationReport report = verification.verify();
        assertThat(report.intact()).as(report.problem()).isTrue();
    }

    @Test
    @DisplayName("AUD-2: while another sealer holds the lock a batch is skipped; when its connection dies, sealing resumes at once")
    void sealingResumesWhenTheLockHolderDies() throws Exception {
        scheduledSealer.sealPending();
        Connection holder = holdTheSealerLock();
        List<UUID> events = recordEvents(3);
        AuditSealer sealer = smallBatchSealer();
        try {
            assertThat(sealer.seal(false)).as("skipped while the lock is held").isZero();
            assertThat(pendingOf(events)).isEqualTo(events.size());
        } finally {
            // What kill -9 does to the holder's connection: gone, no commit, no rollback sent.
            holder.abort(Runnable::run);
            // An embedded H2 has no process to lose: its session ends only when closed (closing rolls back).
            holder.close();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (pendingOf(events) > 0 && System.nanoTime() < deadline) {
            sealer.seal(false);
        }
        assertThat(pendingOf(events)).as("sealed within seconds of the holder's death").isZero();
        VerificationReport report = verification.verify();
        assertThat(report.intact()).as(report.problem()).isTrue();
    }

    @Test
    @DisplayName("the job lock refuses to be taken outside a transaction, where it would end with its statement")
    void lockNeedsATransaction() {
        assertThatThrownBy(() -> lock.tryTake(AuditJobLock.SEALER))
                .isInstanceOf(IllegalStateException.class);
        Boolean taken = new TransactionTemplate(transactions).execute(tx -> lock.tryTake(AuditJobLock.SEALER));
        assertThat(taken).isTrue();
    }

    private AuditSealer smallBatchSealer() {
        return new AuditSealer(jdbc, template, chain, lock, copy, clock, transactions, 7);
    }

    private List<UUID> recordEvents(int count) {
        List<UUID> ids = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            List<AuditEntry> entries = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                entries.add(new AuditEntry(UUID.randomUUID(), null, AuditAction.VIEW, "LOCK_TEST", AuditOutcome.ALLOWED));
            }
            audit.recordAll(new AuditActor(null, "tester", "UNIT_MANAGER", null, "127.0.0.1"), entries);
        });
        ids.addAll(jdbc.sql("select id from audit_event where purpose = 'LOCK_TEST' and id not in (select event_id from audit_seal)")
                .query(UUID.class).list());
        assertThat(ids).hasSize(count);
        return ids;
    }

    private long pendingOf(List<UUID> events) {
        return jdbc.sql("select count(*) from audit_pending where event_id in (:ids)").param("ids", events).query(Long.class).single();
    }

    /** A connection of its own, outside the pool, holding the sealer's row lock in an open transaction. */
    private Connection holdTheSealerLock() throws Exception {
        Connection connection = DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password", ""));
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement("select name from audit_lock where name = ? for update")) {
            statement.setString(1, AuditJobLock.SEALER);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
            }
        }
        return connection;
    }
}
