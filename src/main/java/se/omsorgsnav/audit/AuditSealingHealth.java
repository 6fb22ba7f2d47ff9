package se.omsorgsnav.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Health is DOWN while audit events wait too long to be sealed: then the sealer is not running
 * and the log is not being made tamper-evident (QUALITY.md). Also DOWN while the database does not
 * answer: this is the one indicator that reads it (Spring's own is off in application.yml: two
 * would each wait out the pool's connection timeout, and the answer would take longer than 3 s).
 * And DOWN at once when this node could not write the checkpoint copy outside the database
 * (AUD-6): the sealer stops rather than seal on without it.
 */
@Component("auditSealing")
class AuditSealingHealth implements HealthIndicator {

    private final JdbcClient jdbc;
    private final CheckpointCopy copy;
    private final Clock clock;
    private final Duration maxLag;

    AuditSealingHealth(JdbcClient jdbc, CheckpointCopy copy, Clock clock, @Value("${omsorgsnav.audit.max-seal-lag:30s}") Duration maxLag) {
        this.jdbc = jdbc;
        this.copy = copy;
        this.clock = clock;
        this.maxLag = maxLag;
    }

    @Override
    public Health health() {
        if (copy.failure() != null) {
            return Health.down().withDetail("reason", "the audit checkpoint copy outside the database cannot be written").build();
        }
        OffsetDateTime oldest;
        try {
            oldest = jdbc.sql("""
                    select e.occurred_at from audit_pending p join audit_event e on e.id = p.event_id
                    order by p.queued limit 1
                    """).query(OffsetDateTime.class).optional().orElse(null);
        } catch (DataAccessException unreachable) {
            // A thrown exception would be a 500 with the error page, not DOWN.
            return Health.down().withDetail("reason", "the database does not answer").build();
        }
        if (oldest != null && oldest.toInstant().plus(maxLag).isBefore(clock.instant())) {
            return Health.down().withDetail("reason", "audit events wait longer than " + maxLag + " to be sealed").build();
        }
        return Health.up().build();
    }
}
