package se.omsorgsnav.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.omsorgsnav.support.AsUser;
import se.omsorgsnav.support.OmsorgsnavTest;

/**
 * AUD-2: tampering of every kind with the audit tables — done as the database owner, since the
 * application's own role cannot — is found by the verification at the first broken link.
 * Each test restores what it broke, so the shared database ends intact.
 */
@OmsorgsnavTest
class AuditChainTests {

    @Autowired AuditLog audit;
    @Autowired AuditSealer sealer;
    @Autowired AuditVerification verification;
    @Autowired AuditChain chain;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired Environment environment;
    @Autowired PlatformTransactionManager transactions;
    @Autowired UserDetailsService users;

    JdbcClient owner;
    AsUser login;
    java.sql.Connection sealerHeld;

    @BeforeEach
    void sealSomeEvents() {
        owner = JdbcClient.create(ownerDataSource());
        login = AsUser.login(users, "enhetschef");
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            List<AuditEntry> entries = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                entries.add(new AuditEntry(UUID.randomUUID(), null, AuditAction.VIEW, "TEST", AuditOutcome.ALLOWED));
            }
            audit.recordAll(new AuditActor(null, "tester", "UNIT_MANAGER", null, "127.0.0.1"), entries);
        });
        sealer.sealPending();
        // The scheduled sealer must not link new events onto a chain a test has forged (it would
        // stay broken after the test restores it): hold its lock until the test is done.
        try {
            sealerHeld = dataSource.getConnection();
            sealerHeld.setAutoCommit(false);
            try (var hold = sealerHeld.prepareStatement("select name from audit_lock where name = ? for update")) {
                hold.setString(1, AuditJobLock.SEALER);
                hold.executeQuery().close();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void logout() throws java.sql.SQLException {
        login.close();
        sealerHeld.rollback();
        sealerHeld.close();
    }

    @Test
    @DisplayName("AUD-2: an untouched audit log verifies as intact")
    void intactLogVerifies() {
        VerificationReport report = verification.verify();
        assertThat(report.intact()).as(report.problem()).isTrue();
        assertThat(report.sealedEventsChecked()).isPositive();
    }

    @Test
    @DisplayName("AUD-2: an edited audit event is found at its link")
    void editedEventIsFound() {
        Seal seal = middleSeal();
        String purpose = owner.sql("select purpose from audit_event where id = ?").param(seal.eventId()).query(String.class).single();
        owner.sql("update audit_event set purpose = 'EDITED' where id = ?").param(seal.eventId()).update();
        try {
            VerificationReport report = verification.verify();
            assertThat(report.intact()).isFalse();
            assertThat(report.firstBrokenSeq()).isEqualTo(seal.seq());
            assertThat(report.problem()).contains("Länk " + seal.seq());
        } finally {
            owner.sql("update audit_event set purpose = ? where id = ?").params(purpose, seal.eventId()).update();
        }
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    @DisplayName("AUD-2: a deleted audit event (and its seal) is found as a gap in the chain")
    void deletedEventIsFound() {
        Seal seal = middleSeal();
        Map<String, Object> event = owner.sql("select * from audit_event where id = ?").param(seal.eventId()).query().singleRow();
        Map<String, Object> sealRow = owner.sql("select * from audit_seal where seq = ?").param(seal.seq()).query().singleRow();
        owner.sql("delete from audit_seal where seq = ?").param(seal.seq()).update();
        owner.sql("delete from audit_event where id = ?").param(seal.eventId()).update();
        try {
            VerificationReport report = verification.verify();
            assertThat(report.intact()).isFalse();
            assertThat(report.firstBrokenSeq()).isEqualTo(seal.seq());
        } finally {
            insert("audit_event", event);
            insert("audit_seal", sealRow);
        }
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    @DisplayName("AUD-2: an event inserted behind the application's back is found")
    void insertedEventIsFound() {
        UUID id = UUID.randomUUID();
        owner.sql("""
                insert into audit_event (id, occurred_at, actor_username, actor_role, action, purpose, outcome)
                values (?, current_timestamp, 'forger', 'UNIT_MANAGER', 'VIEW', 'FORGED', 'ALLOWED')
                """).param(id).update();
        try {
            VerificationReport report = verification.verify();
            assertThat(report.intact()).isFalse();
            assertThat(report.problem()).contains("varken förseglade eller köade");
        } finally {
            owner.sql("delete from audit_event where id = ?").param(id).update();
        }
        VerificationReport after = verification.verify();
        assertThat(after.intact()).as(after.problem()).isTrue();
    }

    @Test
    @DisplayName("AUD-2: a chain re-hashed after an edit is caught by the signed checkpoint")
    void rewrittenChainIsFound() {
        Seal seal = middleSeal();
        List<Seal> tail = owner.sql("select seq, event_id, hash from audit_seal where seq >= ? order by seq").param(seal.seq())
                .query((rs, n) -> new Seal(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3))).list();
        String previous = owner.sql("select hash from audit_seal where seq = ?").param(seal.seq() - 1).query(String.class).single();
        String purpose = owner.sql("select purpose from audit_event where id = ?").param(seal.eventId()).query(String.class).single();
        owner.sql("update audit_event set purpose = 'EDITED' where id = ?").param(seal.eventId()).update();
        // The forger knows the hash function but not the checkpoint key.
        String hash = previous;
        for (Seal link : tail) {
            AuditChain.SealedFields fields = owner.sql("select " + AuditChain.SealedFields.COLUMNS + " from audit_event e where e.id = ?")
                    .param(link.eventId()).query((rs, n) -> AuditChain.SealedFields.read(rs)).single();
            hash = chain.link(hash, fields);
            owner.sql("update audit_seal set hash = ? where seq = ?").params(hash, link.seq()).update();
        }
        try {
            VerificationReport report = verification.verify();
            assertThat(report.intact()).isFalse();
            assertThat(report.problem()).contains("Kontrollpunkten");
        } finally {
            owner.sql("update audit_event set purpose = ? where id = ?").params(purpose, seal.eventId()).update();
            tail.forEach(link -> owner.sql("update audit_seal set hash = ? where seq = ?").params(link.hash(), link.seq()).update());
        }
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    @DisplayName("AUD-2: seals cut off the end of the chain are found against the last signed checkpoint")
    void truncatedChainIsFound() {
        long last = owner.sql("select max(seq) from audit_seal").query(Long.class).single();
        Map<String, Object> sealRow = owner.sql("select * from audit_seal where seq = ?").param(last).query().singleRow();
        owner.sql("delete from audit_seal where seq = ?").param(last).update();
        try {
            VerificationReport report = verification.verify();
            assertThat(report.intact()).isFalse();
        } finally {
            insert("audit_seal", sealRow);
        }
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    @DisplayName("AUD-2: on PostgreSQL the application's role can neither change nor delete audit events")
    void applicationRoleCannotTamper() {
        String product = new JdbcTemplate(dataSource).execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        assumeTrue("PostgreSQL".equals(product), "only PostgreSQL has the separate application role");
        assumeTrue(environment.getProperty("spring.flyway.user") != null, "the run uses a separate owner role");
        assertThatThrownBy(() -> jdbc.sql("update audit_event set purpose = 'EDITED'").update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from audit_seal").update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from audit_checkpoint").update()).isInstanceOf(DataAccessException.class);
    }

    record Seal(long seq, UUID eventId, String hash) {}

    private Seal middleSeal() {
        long max = owner.sql("select max(seq) from audit_seal").query(Long.class).single();
        assertThat(max).isGreaterThan(2);
        return owner.sql("select seq, event_id, hash from audit_seal where seq = ?").param(max - 2)
                .query((rs, n) -> new Seal(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3))).single();
    }

    private void insert(String table, Map<String, Object> row) {
        List<String> columns = new ArrayList<>(row.keySet());
        String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        owner.sql(sql).params(columns.stream().map(row::get).toList()).update();
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
