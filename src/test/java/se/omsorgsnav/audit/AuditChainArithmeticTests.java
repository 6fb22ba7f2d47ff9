package se.omsorgsnav.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chain's arithmetic and audit's small decisions on their own (no database): an event's
 * canonical bytes, the link hash and the checkpoint signature against an independent computation;
 * which events a reviewer sees masked; when sealing health is DOWN; when the application refuses
 * to start.
 */
class AuditChainArithmeticTests {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID USER = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID UNIT = UUID.fromString("00000000-0000-0000-0000-000000000003");
    private static final UUID PERSON = UUID.fromString("00000000-0000-0000-0000-000000000004");
    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-000000000005");
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-18T10:00:00.123456789+01:00");
    private static final String SEP = "\u001f";

    private static AuditChain.SealedFields event() {
        return new AuditChain.SealedFields(ID, AT, USER, "handlaggare", "CASE_OFFICER", UNIT, PERSON, CASE, "VIEW", "OPEN_PERSON",
                "ALLOWED", "10.0.0.1");
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String hmac(String key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    @DisplayName("an event's canonical form is every column in order, the instant in UTC to the microsecond, absent values empty")
    void canonicalFormIsEveryColumnInOrder() {
        assertThat(event().canonical()).isEqualTo(String.join(SEP, ID.toString(), "2026-11-18T09:00:00.123456Z", USER.toString(),
                "handlaggare", "CASE_OFFICER", UNIT.toString(), PERSON.toString(), CASE.toString(), "VIEW", "OPEN_PERSON", "ALLOWED",
                "10.0.0.1"));
        AuditChain.SealedFields system = new AuditChain.SealedFields(ID, null, null, "system:x", "SYSTEM", null, null, null, "VIEW", "P",
                "ALLOWED", null);
        assertThat(system.canonical()).isEqualTo(String.join(SEP, ID.toString(), "", "", "system:x", "SYSTEM", "", "", "", "VIEW", "P",
                "ALLOWED", ""));
    }

    @Test
    @DisplayName("the same moment handed back in another zone gives the same canonical form")
    void canonicalFormIgnoresTheZone() {
        AuditChain.SealedFields utc = new AuditChain.SealedFields(ID, AT.withOffsetSameInstant(ZoneOffset.UTC), USER, "handlaggare",
                "CASE_OFFICER", UNIT, PERSON, CASE, "VIEW", "OPEN_PERSON", "ALLOWED", "10.0.0.1");
        assertThat(utc.canonical()).isEqualTo(event().canonical());
    }

    @Test
    @DisplayName("a link is SHA-256 over the previous hash and the event's canonical form; any changed field changes it")
    void linkIsShaOverPreviousAndEvent() throws Exception {
        AuditChain chain = new AuditChain("key");
        String link = chain.link(AuditChain.GENESIS, event());
        assertThat(link).isEqualTo(sha256(AuditChain.GENESIS + event().canonical())).hasSize(64);
        assertThat(AuditChain.GENESIS).isEqualTo("0".repeat(64));
        assertThat(chain.link(link, event())).isEqualTo(sha256(link + event().canonical())).isNotEqualTo(link);
        AuditChain.SealedFields changed = new AuditChain.SealedFields(ID, AT, USER, "handlaggare", "CASE_OFFICER", UNIT, PERSON, CASE,
                "VIEW", "OPEN_PERSON", "DENIED", "10.0.0.1");
        assertThat(chain.link(AuditChain.GENESIS, changed)).isNotEqualTo(link);
    }

    @Test
    @DisplayName("a checkpoint is signed with HMAC-SHA256 of 'seq:hash' under the configured key, and only that signature matches")
    void checkpointSignature() throws Exception {
        AuditChain chain = new AuditChain("secret");
        String hash = "ab".repeat(32);
        String signature = chain.sign(42, hash);
        assertThat(signature).isEqualTo(hmac("secret", "42:" + hash));
        assertThat(chain.signatureMatches(42, hash, signature)).isTrue();
        assertThat(chain.signatureMatches(43, hash, signature)).isFalse();
        assertThat(chain.signatureMatches(42, "cd".repeat(32), signature)).isFalse();
        assertThat(new AuditChain("another").signatureMatches(42, hash, signature)).isFalse();
        assertThat(chain.signatureMatches(42, hash, signature.substring(1))).isFalse();
    }

    @Test
    @DisplayName("the checkpoint key must be configured and not the demo's, except in the demo profile")
    void checkpointKeyRequiredOutsideTheDemo() throws Exception {
        AuditConfiguration configuration = new AuditConfiguration();
        Environment production = mock(Environment.class);
        when(production.acceptsProfiles(any(Profiles.class))).thenReturn(false);
        Environment demo = mock(Environment.class);
        when(demo.acceptsProfiles(any(Profiles.class))).thenReturn(true);

        assertThatThrownBy(() -> configuration.auditChain("", production)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("checkpoint-key");
        assertThatThrownBy(() -> configuration.auditChain("  ", production)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> configuration.auditChain(AuditConfiguration.DEMO_KEY, production)).isInstanceOf(IllegalStateException.class);
        assertThat(configuration.auditChain("own", production).sign(1, "h")).isEqualTo(hmac("own", "1:h"));
        assertThat(configuration.auditChain("", demo).sign(1, "h")).isEqualTo(hmac(AuditConfiguration.DEMO_KEY, "1:h"));
        assertThat(configuration.auditChain("own", demo).sign(1, "h")).isEqualTo(hmac("own", "1:h"));
    }

    @Test
    @DisplayName("a reviewer sees masked the locked persons he is not cleared for; unlocked and cleared ones in full")
    void hiddenAreTheLockedNotCleared() {
        AuditReviewFacts facts = mock(AuditReviewFacts.class);
        ReviewerClearance clearance = mock(ReviewerClearance.class);
        UUID locked = UUID.randomUUID();
        UUID cleared = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        when(facts.lockedAmong(any())).thenReturn(Set.of(locked, cleared));
        when(clearance.revealedAmong(Set.of(locked, cleared))).thenReturn(Set.of(cleared));
        assertThat(ProtectedAccesses.hidden(facts, clearance, java.util.Arrays.asList(locked, null, cleared, open, locked)))
                .containsExactly(locked);
        verify(facts).lockedAmong(List.of(locked, cleared, open));
    }

    @Test
    @DisplayName("no person, or no locked person, asks no clearance and hides nothing")
    void nothingHiddenWithoutLockedPersons() {
        AuditReviewFacts facts = mock(AuditReviewFacts.class);
        ReviewerClearance clearance = mock(ReviewerClearance.class);
        assertThat(ProtectedAccesses.hidden(facts, clearance, java.util.Arrays.asList(null, null))).isEmpty();
        verifyNoInteractions(facts, clearance);
        when(facts.lockedAmong(any())).thenReturn(Set.of());
        assertThat(ProtectedAccesses.hidden(facts, clearance, List.of(UUID.randomUUID()))).isEmpty();
        verifyNoInteractions(clearance);
    }

    @Test
    @DisplayName("a masked event's time is the start of its day in the municipality's zone")
    void maskedTimeIsTheDay() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-18T09:00:00Z"), ZoneId.of("Europe/Stockholm"));
        assertThat(ProtectedAccesses.day(OffsetDateTime.parse("2026-11-18T23:30:00Z"), clock))
                .isEqualTo(OffsetDateTime.parse("2026-11-18T23:00:00Z"));
        assertThat(ProtectedAccesses.day(OffsetDateTime.parse("2026-11-18T13:45:10Z"), clock))
                .isEqualTo(OffsetDateTime.parse("2026-11-17T23:00:00Z"));
    }

    @Test
    @DisplayName("sealing health is DOWN only while the oldest pending event has waited longer than the allowed lag")
    void sealingHealthFollowsTheOldestPending() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-18T09:00:00Z"), ZoneOffset.UTC);
        JdbcClient jdbc = mock(JdbcClient.class, RETURNS_DEEP_STUBS);
        CheckpointCopy copy = mock(CheckpointCopy.class);
        AuditSealingHealth health = new AuditSealingHealth(jdbc, copy, clock, Duration.ofSeconds(30));
        when(jdbc.sql(anyString()).query(OffsetDateTime.class).optional()).thenReturn(Optional.empty());
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        when(jdbc.sql(anyString()).query(OffsetDateTime.class).optional())
                .thenReturn(Optional.of(OffsetDateTime.parse("2026-11-18T08:59:30Z")));
        assertThat(health.health().getStatus()).as("exactly the lag").isEqualTo(Status.UP);
        when(jdbc.sql(anyString()).query(OffsetDateTime.class).optional())
                .thenReturn(Optional.of(OffsetDateTime.parse("2026-11-18T08:59:29.999Z")));
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsKey("reason");
        when(jdbc.sql(anyString()).query(OffsetDateTime.class).optional()).thenReturn(Optional.empty());
        when(copy.failure()).thenReturn("disk full");
        assertThat(health.health().getStatus()).as("the checkpoint copy could not be written").isEqualTo(Status.DOWN);
    }

    @Test
    @DisplayName("stored actions and outcomes are shown with the reviewer's words; an unknown stored word as itself")
    void labelsOfStoredWords() {
        assertThat(AuditAction.labelOf("VIEW")).isEqualTo("Öppnade");
        assertThat(AuditAction.labelOf("SOMETHING_ELSE")).isEqualTo("SOMETHING_ELSE");
        assertThat(AuditOutcome.labelOf("DENIED")).isEqualTo("Nekad");
        assertThat(AuditOutcome.labelOf("X")).isEqualTo("X");
        assertThat(AuditAction.EXPORT.label()).isEqualTo("Exporterade");
        assertThat(AuditOutcome.ALLOWED.label()).isNotBlank();
        assertThat(java.util.Arrays.stream(AuditAction.values()).map(AuditAction::label)).doesNotContain("").doesNotHaveDuplicates();
        assertThat(java.util.Arrays.stream(AuditOutcome.values()).map(AuditOutcome::label)).doesNotContain("").doesNotHaveDuplicates();
        assertThat(AuditActor.system("sealer")).isEqualTo(new AuditActor(null, "system:sealer", "SYSTEM", null, null));
    }
}
