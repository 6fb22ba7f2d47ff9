package se.omsorgsnav.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on PostgreSQL when the role the application connects as could change or
 * delete audit data (AUD-2): then the log would be append-only by convention only. Set
 * {@code omsorgsnav.audit.require-append-only=false} only on a developer's own database.
 */
@Component
class AppendOnlyCheck {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final boolean required;

    AppendOnlyCheck(JdbcClient jdbc, JdbcTemplate template, @Value("${omsorgsnav.audit.require-append-only:true}") boolean required) {
        this.jdbc = jdbc;
        this.template = template;
        this.required = required;
    }

    @EventListener(ApplicationStartedEvent.class)
    void check() {
        if (!required || !isPostgreSql()) {
            return;
        }
        boolean canChange = jdbc.sql("""
                select bool_or(has_table_privilege(current_user, t, 'UPDATE') or has_table_privilege(current_user, t, 'DELETE')
                               or has_table_privilege(current_user, t, 'TRUNCATE'))
                from (values ('audit_event'), ('audit_seal'), ('audit_checkpoint'), ('audit_retention_anchor'), ('audit_kept_link')) as audit_tables(t)
                """).query(Boolean.class).single();
        if (canChange) {
            throw new IllegalStateException("The database role the application connects as may UPDATE, DELETE or TRUNCATE "
                    + "audit tables. Connect as the application role of docs/postgresql-setup.sql, which may only insert.");
        }
    }

    private boolean isPostgreSql() {
        String product = template.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        return "PostgreSQL".equals(product);
    }
}
