package se.omsorgsnav.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DisplayName;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;

/**
 * AUD-6 on PostgreSQL: the application role cannot delete audit rows; the owner's function that
 * retention calls removes an event only past five years and held by no open review, whatever it is
 * asked. The removed rows are put back (as the owner), so the shared chain ends whole.
 */
@OmsorgsnavTest
class AuditRetentionOwnerFunctionTests {

    @Autowired AuditLog audit;
    @Autowired AuditSealer sealer;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired Environment environment;
    @Autowired TestClock clock;
    @Autowired PlatformTransactionManager transactions;

    @AfterEach
    void back() {
        clock.reset();
    }

    @Test
    @DisplayName("AUD-6: the owner's function refuses an event within five years and one an open review holds, and removes an old unheld one")
    void functionRemovesOnlyWhatTheRuleAllows() {
        String product = new JdbcTemplate(dataSource).execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        assumeTrue("PostgreSQL".equals(product), "the owner's function exists on PostgreSQL");
        assumeTrue(environment.getProperty("spring.flyway.user") != null, "the run uses a separate owner role");
        JdbcClient owner = JdbcClient.create(new DriverManagerDataSource(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.flyway.user"), environment.getProperty("spring.flyway.password", "")));

        sealer.sealPending();
        UUID young = record("FUNCTION_YOUNG");
        clock.travelTo(TestClock.TODAY.minusYears(5).minusDays(1));
        UUID old = record("FUNCTION_OLD");
        clock.reset();
        sealer.sealPending();
        long youngSeq = seqOf(young);
        long oldSeq = seqOf(old);
        UUID review = UUID.randomUUID();
        jdbc.sql("""
                insert into audit_review (id, reviewer_username, period_from, period_to, events_in_scope, sample_size, status, created_at)
                values (?, 'enhetschef', ?, ?, 1, 1, 'OPEN', ?)
                """).params(review, TestClock.TODAY, TestClock.TODAY, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)).update();
        jdbc.sql("insert into audit_review_item (review_id, event_id, reasons) values (?, ?, 'SAMPLE')").params(review, old).update();
        Map<String, Object> event = owner.sql("select * from audit_event where id = ?").param(old).query().singleRow();
        Map<String, Object> seal = owner.sql("select * from audit_seal where seq = ?").param(oldSeq).query().singleRow();
        try {
            assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = ?").param(old).update())
                    .as("the application role itself may not delete").isInstanceOf(DataAccessException.class);
            assertThatThrownBy(() -> remove(youngSeq)).as("within five years").isInstanceOf(DataAccessException.class);
            assertThatThrownBy(() -> remove(oldSeq)).as("held by an open review").isInstanceOf(DataAccessException.class);
            assertThatThrownBy(() -> remove(youngSeq, oldSeq)).isInstanceOf(DataAccessException.class);
            assertThat(count(old) + count(young)).as("nothing removed by a refused call").isEqualTo(2);

            jdbc.sql("update audit_review set status = 'CONCLUDED', outcome = 'NO_REMARKS', conclusion = 'Inga anmärkningar', concluded_at = ? where id = ?")
                    .params(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), review).update();
            assertThat(remove(oldSeq)).isEqualTo(1);
            assertThat(count(old)).isZero();
            assertThat(count(young)).isEqualTo(1);
        } finally {
            owner.sql("delete from audit_review_item where review_id = ?").param(review).update();
            owner.sql("delete from audit_review where id = ?").param(review).update();
            if (count(old) == 0) {
                insert(owner, "audit_event", event);
                insert(owner, "audit_seal", seal);
            }
        }
    }

    private long remove(Long... seqs) {
        return new TransactionTemplate(transactions).execute(tx ->
                jdbc.sql("select audit_remove_expired(?)").param(seqs).query(Long.class).single());
    }

    private UUID record(String purpose) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> audit.record(
                new AuditActor(null, "tester", "UNIT_MANAGER", null, "127.0.0.1"),
                new AuditEntry(UUID.randomUUID(), null, AuditAction.VIEW, purpose, AuditOutcome.ALLOWED)));
        return jdbc.sql("select id from audit_event where purpose = ? order by id desc limit 1").param(purpose).query(UUID.class).single();
    }

    private long seqOf(UUID event) {
        return jdbc.sql("select seq from audit_seal where event_id = ?").param(event).query(Long.class).single();
    }

    private long count(UUID event) {
        return jdbc.sql("select count(*) from audit_event where id = ?").param(event).query(Long.class).single();
    }

    private static void insert(JdbcClient owner, String table, Map<String, Object> row) {
        List<String> columns = new ArrayList<>(row.keySet());
        owner.sql("insert into " + table + " (" + String.join(", ", columns) + ") values ("
                        + String.join(", ", columns.stream().map(c -> "?").toList()) + ")")
                .params(columns.stream().map(row::get).toList()).update();
    }
}
