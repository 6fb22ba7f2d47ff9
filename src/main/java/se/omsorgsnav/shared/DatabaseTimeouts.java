package se.omsorgsnav.shared;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;

/**
 * How long the application waits for PostgreSQL before it gives up and answers 503
 * ({@link DatabaseUnreachable}), set on the driver of the application's pool whatever URL
 * production gives (the driver properties only exist for PostgreSQL; H2 refuses unknown ones).
 *
 * <ul>
 * <li>{@code omsorgsnav.database.socket-timeout} (pgjdbc {@code socketTimeout}): a statement whose
 * answer has not begun to arrive by then fails, and its connection is closed. This is what bounds a
 * stalled server (kill -STOP, a dead network), where nothing else can: a statement timeout is
 * cancelled by the stalled server itself, and TCP keepalive is answered by its kernel. It is per
 * read, not per statement: a streamed result (the audit verification reads 1,000 links a batch)
 * only needs each batch within it, so long jobs keep working as long as no single round trip takes
 * as long. Requests waiting for a connection meanwhile give up after the pool's connection-timeout
 * (2 s), so a stall ties up at most the pool's connections, never all of Tomcat's threads.
 * <li>{@code omsorgsnav.database.connect-timeout} (pgjdbc {@code connectTimeout}): a server that
 * does not accept the TCP connection at all (the default is 10 s).
 * </ul>
 * No statement timeout ({@code options=-c statement_timeout}): it would cut the owner jobs' long
 * single statements (the verification's first batch, the statistics over ten years, retention's
 * deletes) on a database that is merely busy, and it does not help against a stall.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseTimeouts {

    @Bean
    static BeanPostProcessor postgreSqlTimeouts(Environment environment) {
        return new Timeouts(environment);
    }

    /** First of the post-processors: a wrapper (the tests' statement counter) would hide the pool. */
    private record Timeouts(Environment environment) implements BeanPostProcessor, PriorityOrdered {

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            // Only the application's pool: Flyway's owner connection (and any other pool) keeps the driver's defaults.
            if ("dataSource".equals(name) && bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                    && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                Duration socket = environment.getProperty("omsorgsnav.database.socket-timeout", Duration.class, Duration.ofSeconds(10));
                Duration connect = environment.getProperty("omsorgsnav.database.connect-timeout", Duration.class, Duration.ofSeconds(2));
                // Seconds, as the driver takes them; 0 would mean "wait forever".
                pool.addDataSourceProperty("socketTimeout", String.valueOf(Math.max(1, socket.toSeconds())));
                pool.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, connect.toSeconds())));
                pool.addDataSourceProperty("tcpKeepAlive", "true");
            }
            return bean;
        }
    }
}
