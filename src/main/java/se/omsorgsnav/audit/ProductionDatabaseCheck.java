package se.omsorgsnav.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on a PostgreSQL that cannot keep the promise "what the user was told is saved
 * is never lost", or whose audit log is append-only by convention only:
 * <ul>
 * <li>{@code fsync}, {@code synchronous_commit} or {@code full_page_writes} off (outside the demo
 * profile): a crash of the server or the machine may then lose commits already acknowledged, or
 * corrupt pages. As the application's connection sees them, so a setting made for its role or
 * database counts too. {@code synchronous_commit = local} or {@code remote_write} still waits for the
 * local flush and is accepted.
 * <li>the role the application connects as may UPDATE, DELETE or TRUNCATE audit tables (AUD-2).
 * Set {@code omsorgsnav.audit.require-append-only=false} only on a developer's own database.
 * </ul>
 * Nothing to check on H2, the embedded database of development and the tests.
 */
@Component
class ProductionDatabaseCheck {

    /** What the check read from the database. */
    record Settings(String fsync, String synchronousCommit, String fullPageWrites, boolean roleMayChangeAudit) {}

    /** Which checks apply here. */
    record Scope(boolean postgreSql, boolean demo, boolean appendOnlyRequired) {

        boolean durability() {
            return postgreSql && !demo;
        }

        boolean appendOnly() {
            return postgreSql && appendOnlyRequired;
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Environment environment;
    private final boolean appendOnlyRequired;

    ProductionDatabaseCheck(JdbcClient jdbc, JdbcTemplate template, Environment environment,
                            @Value("${omsorgsnav.audit.require-append-only:true}") boolean appendOnlyRequired) {
        this.jdbc = jdbc;
        this.template = template;
        this.environment = environment;
        this.appendOnlyRequired = appendOnlyRequired;
    }

    @EventListener(ApplicationStartedEvent.class)
    void check() {
        Scope scope = scope();
        if (!scope.durability() && !scope.appendOnly()) {
            return;
        }
        List<String> refusals = refusals(scope, read());
        if (!refusals.isEmpty()) {
            throw new IllegalStateException("Refusing to start on this PostgreSQL: " + String.join(" ", refusals));
        }
    }

    /** Where the application runs now. */
    Scope scope() {
        String product = template.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        return new Scope("PostgreSQL".equals(product), environment.acceptsProfiles(Profiles.of("demo")), appendOnlyRequired);
    }

    private Settings read() {
        return jdbc.sql("""
                select current_setting('fsync') as fsync, current_setting('synchronous_commit') as synchronous_commit,
                       current_setting('full_page_writes') as full_page_writes,
                       (select bool_or(has_table_privilege(current_user, t, 'UPDATE') or has_table_privilege(current_user, t, 'DELETE')
                                       or has_table_privilege(current_user, t, 'TRUNCATE'))
                        from (values ('audit_event'), ('audit_seal'), ('audit_checkpoint'), ('audit_retention_anchor'), ('audit_kept_link')) as audit_tables(t)) as may_change
                """)
                .query((rs, n) -> new Settings(rs.getString("fsync"), rs.getString("synchronous_commit"),
                        rs.getString("full_page_writes"), rs.getBoolean("may_change")))
                .single();
    }

    /** Every reason not to start, each naming its setting and what to do; empty: start. */
    static List<String> refusals(Scope scope, Settings settings) {
        List<String> refusals = new ArrayList<>();
        if (scope.durability()) {
            if (off(settings.fsync())) {
                refusals.add("fsync is off: a crash of the server can lose acknowledged commits or corrupt the database. Set fsync = on.");
            }
            if (off(settings.synchronousCommit())) {
                refusals.add("synchronous_commit is off (for the server, this database or the application's role): a crash can lose "
                        + "commits the users were told are saved. Set synchronous_commit = on.");
            }
            if (off(settings.fullPageWrites())) {
                refusals.add("full_page_writes is off: a crash during a page write can leave pages torn. Set full_page_writes = on.");
            }
        }
        if (scope.appendOnly() && settings.roleMayChangeAudit()) {
            refusals.add("The database role the application connects as may UPDATE, DELETE or TRUNCATE audit tables. "
                    + "Connect as the application role of docs/postgresql-setup.sql, which may only insert.");
        }
        return refusals;
    }

    private static boolean off(String value) {
        return value == null || value.strip().toLowerCase(Locale.ROOT).equals("off");
    }
}
