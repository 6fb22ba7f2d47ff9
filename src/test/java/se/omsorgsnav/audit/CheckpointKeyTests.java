package se.omsorgsnav.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Fault 12: the audit checkpoints are never signed with a built-in key outside the demo. */
class CheckpointKeyTests {

    private final AuditConfiguration configuration = new AuditConfiguration();

    @Test
    @DisplayName("AUD-2 (fault 12): without a configured checkpoint key, or with the demo's, the application refuses to start outside the demo profile")
    void refusesToStartWithoutAKey() {
        MockEnvironment production = new MockEnvironment();
        assertThatThrownBy(() -> configuration.auditChain("", production)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OMSORGSNAV_AUDIT_CHECKPOINT_KEY");
        assertThatThrownBy(() -> configuration.auditChain(AuditConfiguration.DEMO_KEY, production)).isInstanceOf(IllegalStateException.class);
        assertThat(configuration.auditChain("a-key-from-the-secret-store", production)).isNotNull();

        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");
        assertThat(configuration.auditChain(AuditConfiguration.DEMO_KEY, demo)).isNotNull();
        assertThat(configuration.auditChain("", demo)).isNotNull();
    }
}
