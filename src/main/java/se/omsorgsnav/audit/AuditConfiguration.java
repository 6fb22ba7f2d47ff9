package se.omsorgsnav.audit;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT1M")
class AuditConfiguration {

    /** The key the demo profile brings; known to everyone who has read this code, so never outside the demo. */
    static final String DEMO_KEY = "local-development-key-change-me";

    /**
     * Fault 12: the checkpoints are signed with a key the database does not hold; without one
     * configured — or with the demo's well-known one — the application refuses to start, except in
     * the demo profile.
     */
    @Bean
    AuditChain auditChain(@Value("${omsorgsnav.audit.checkpoint-key:}") String checkpointKey, Environment environment) {
        boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
        if (!demo && (checkpointKey.isBlank() || DEMO_KEY.equals(checkpointKey))) {
            throw new IllegalStateException("omsorgsnav.audit.checkpoint-key saknas (eller är demots nyckel): sätt "
                    + "OMSORGSNAV_AUDIT_CHECKPOINT_KEY från organisationens nyckelförråd. Utan egen nyckel startar tjänsten bara i demoprofilen.");
        }
        return new AuditChain(checkpointKey.isBlank() ? DEMO_KEY : checkpointKey);
    }

    /**
     * Scheduled work elsewhere (access's expiry) runs on one node at a time; the lock uses the
     * database's clock. The audit jobs take AuditJobLock instead, which dies with its holder.
     */
    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
