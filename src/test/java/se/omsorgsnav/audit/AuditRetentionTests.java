package se.omsorgsnav.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.omsorgsnav.support.AsUser;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;

/**
 * AUD-6 end to end, on a database of its own (retention removes the oldest part of the chain, and
 * the shared database's chain must stay whole for the other tests): H2, where the application's
 * role could delete anything and only the job's own rule stops it. The clock stands five years
 * and a day after the demo's day, so the demo's history is what is past the retention period.
 * PostgreSQL's owner function is tested in {@link AuditRetentionOwnerFunctionTests}.
 */
@OmsorgsnavTest
@DisabledIfEnvironmentVariable(named = "SPRING_DATASOURCE_URL", matches = "jdbc:postgresql:.*",
        disabledReason = "H2's path; on PostgreSQL AuditRetentionOwnerFunctionTests tests the owner's function")
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:omsorgsnav-retention;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE,KEY,YEAR,MONTH,DAY,USER;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=",
        "omsorgsnav.audit.seal-interval=1h", "omsorgsnav.audit.retention-cron=-"})
class AuditRetentionTests {

    @Autowired AuditLog audit;
    @Autowired AuditSealer sealer;
    @Autowired AuditRetention retention;
    @Autowired AuditVerification verification;
    @Autowired AuditChain chain;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired PlatformTransactionManager transactions;
    @Autowired UserDetailsService users;

    AsUser login;

    @BeforeEach
    void login() {
        login = AsUser.login(users, "enhetschef");
    }

    @AfterEach
    void back() {
        clock.reset();
        login.close();
    }

    @Test
    @DisplayName("AUD-6: events five years and a day old go, five years less a day stay, an open review's stay; the chain verifies from its anchor and still finds tampering")
    void retentionRemovesOnlyWhatTheRuleAllows() {
        // A day after everything so far: one event more, and one an open review holds.
        LocalDate base = afterEverything();
        clock.travelTo(base);
        UUID old = record("RETENTION_OLD");
        UUID held = record("RETENTION_HELD");
        sealer.sealPending();
        UUID review = openReviewHolding(held);
        // Two days later, in a batch (and checkpoint) of its own.
        clock.travelTo(base.plusDays(2));
        UUID young = record("RETENTION_YOUNG");
        sealer.sealPending();
        long youngSeq = seqOf(young);
        long heldSeq = seqOf(held);
        long before = count("select count(*) from audit_event");

        clock.travelTo(base.plusYears(5).plusDays(1));
        AuditRetention.RetentionRun run = retention.removeExpired();

        assertThat(exists(old)).as("5 years + 1 day: removed").isFalse();
        assertThat(exists(young)).as("5 years - 1 day: kept").isTrue();
        assertThat(exists(held)).as("held by an open review: kept").isTrue();
        assertThat(run.anchorSeq()).isEqualTo(youngSeq - 1);
        assertThat(run.kept()).isEqualTo(1);
        assertThat(run.removed()).isEqualTo(before - count("select count(*) from audit_event")).isPositive();
        assertThat(count("select count(*) from audit_event e where e.occurred_at < ? and e.id <> ?",
                run.cutoff(), held)).as("nothing past the period left but the held event").isZero();

        VerificationReport report = verification.verify();
        assertThat(report.intact()).as(report.problem()).isTrue();
        assertThat(report.retentionAnchorSeq()).isEqualTo(youngSeq - 1);
        assertThat(report.retainedFrom()).isEqualTo(run.cutoff());
        assertThat(report.keptLinks()).isEqualTo(1);

        // Tampering after the anchor is still found at its link …
        String purpose = jdbc.sql("select purpose from audit_event where id = ?").param(young).query(String.class).single();
        jdbc.sql("update audit_event set purpose = 'EDITED' where id = ?").param(young).update();
        try {
            VerificationReport tampered = verification.verify();
            assertThat(tampered.intact()).isFalse();
            assertThat(tampered.firstBrokenSeq()).isEqualTo(youngSeq);
        } finally {
            jdbc.sql("update audit_event set purpose = ? where id = ?").params(purpose, young).update();
        }
        // … and so is an edit of the event the review holds, below the anchor.
        jdbc.sql("update audit_event set purpose = 'EDITED' where id = ?").param(held).update();
        try {
            VerificationReport tampered = verification.verify();
            assertThat(tampered.intact()).isFalse();
            assertThat(tampered.firstBrokenSeq()).isEqualTo(heldSeq);
        } finally {
            jdbc.sql("update audit_event set purpose = 'RETENTION_HELD' where id = ?").param(held).update();
        }
        assertThat(verification.verify().intact()).isTrue();

        // Once the review is concluded, the next run removes the event it held.
        jdbc.sql("update audit_review set status = 'CONCLUDED', outcome = 'NO_REMARKS', conclusion = 'Inga anmärkningar', concluded_at = ? where id = ?")
                .params(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), review).update();
        AuditRetention.RetentionRun next = retention.removeExpired();
        assertThat(exists(held)).isFalse();
        assertThat(next.kept()).isZero();
        assertThat(exists(young)).isTrue();
        VerificationReport after = verification.verify();
        assertThat(after.intact()).as(after.problem()).isTrue();
        assertThat(after.keptLinks()).isZero();
    }

    @Test
    @DisplayName("AUD-6: links cut before the anchor without a signed anchor, or a forged anchor, are reported")
    void forgedAnchorIsFound() {
        LocalDate base = afterEverything();
        clock.travelTo(base.minusDays(1));
        record("RETENTION_OLD");
        sealer.sealPending();
        clock.travelTo(base.plusDays(1));
        record("RETENTION_YOUNG");
        sealer.sealPending();
        clock.travelTo(base.plusYears(5));
        retention.removeExpired();
        record Row(long run, long seq, String hash, long kept) {}
        Row latest = jdbc.sql("select run, anchor_seq, anchor_hash, kept_links from audit_retention_anchor order by run desc limit 1")
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4))).single();
        // A database owner moves the anchor on by one link and deletes that link: without the key, the signature does not match.
        long cut = latest.seq() + 1;
        String hash = jdbc.sql("select hash from audit_seal where seq = ?").param(cut).query(String.class).single();
        jdbc.sql("update audit_retention_anchor set anchor_seq = ?, anchor_hash = ? where run = ?").params(cut, hash, latest.run()).update();
        try {
            VerificationReport report = verification.verify();
            assertThat(report.intact()).isFalse();
            assertThat(report.problem()).contains("Gallringsankaret");
        } finally {
            jdbc.sql("update audit_retention_anchor set anchor_seq = ?, anchor_hash = ? where run = ?")
                    .params(latest.seq(), latest.hash(), latest.run()).update();
        }
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    @DisplayName("AUD-6: retention refuses to anchor a chain that was tampered with before it")
    void retentionStopsOnATamperedPrefix() {
        LocalDate base = afterEverything();
        clock.travelTo(base);
        UUID victim = record("RETENTION_VICTIM");
        sealer.sealPending();
        clock.travelTo(base.plusDays(1));
        record("RETENTION_AFTER");
        sealer.sealPending();
        jdbc.sql("update audit_event set purpose = 'EDITED' where id = ?").param(victim).update();
        try {
            clock.travelTo(base.plusYears(5).plusDays(1));
            assertThatThrownBy(() -> retention.removeExpired()).hasMessageContaining("retention stopped");
            assertThat(exists(victim)).isTrue();
        } finally {
            jdbc.sql("update audit_event set purpose = 'RETENTION_VICTIM' where id = ?").param(victim).update();
        }
    }

    /**
     * Two days after the latest event so far, everything sealed: the chain is in time order from
     * here, as it is outside tests (where the clock does not travel).
     */
    private LocalDate afterEverything() {
        sealer.sealPending();
        OffsetDateTime latest = jdbc.sql("select max(occurred_at) from audit_event")
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).list().get(0);
        return latest == null ? TestClock.TODAY.plusDays(2) : latest.atZoneSameInstant(TestClock.ZONE).toLocalDate().plusDays(2);
    }

    private UUID record(String purpose) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> audit.record(
                new AuditActor(null, "tester", "UNIT_MANAGER", null, "127.0.0.1"),
                new AuditEntry(UUID.randomUUID(), null, AuditAction.VIEW, purpose, AuditOutcome.ALLOWED)));
        return jdbc.sql("select id from audit_event where purpose = ? order by occurred_at desc, id desc limit 1")
                .param(purpose).query(UUID.class).single();
    }

    private UUID openReviewHolding(UUID event) {
        UUID review = UUID.randomUUID();
        jdbc.sql("""
                insert into audit_review (id, reviewer_username, period_from, period_to, events_in_scope, sample_size, status, created_at)
                values (?, 'enhetschef', ?, ?, 1, 1, 'OPEN', ?)
                """).params(review, TestClock.TODAY, TestClock.TODAY, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)).update();
        jdbc.sql("insert into audit_review_item (review_id, event_id, reasons) values (?, ?, 'SAMPLE')").params(review, event).update();
        return review;
    }

    private long seqOf(UUID event) {
        return jdbc.sql("select seq from audit_seal where event_id = ?").param(event).query(Long.class).single();
    }

    private boolean exists(UUID event) {
        return count("select count(*) from audit_event where id = ?", event) > 0;
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
    }
}
