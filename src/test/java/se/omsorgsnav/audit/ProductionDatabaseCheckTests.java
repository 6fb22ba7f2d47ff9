package se.omsorgsnav.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import se.omsorgsnav.support.OmsorgsnavTest;

/**
 * The production guard (QUALITY.md, reliability): the application does not start on a PostgreSQL
 * that may lose acknowledged commits, or where its role could rewrite the audit log (AUD-2). The
 * rule is decided over the settings read; the last test runs it where the tests run.
 */
@OmsorgsnavTest
class ProductionDatabaseCheckTests {

    private static final ProductionDatabaseCheck.Scope PRODUCTION = new ProductionDatabaseCheck.Scope(true, false, true);
    private static final ProductionDatabaseCheck.Settings DURABLE = new ProductionDatabaseCheck.Settings("on", "on", "on", false);

    @Autowired ProductionDatabaseCheck check;

    @Test
    @DisplayName("PostgreSQL's defaults (fsync, synchronous_commit and full_page_writes on) and an insert-only role start")
    void durableSettingsStart() {
        assertThat(ProductionDatabaseCheck.refusals(PRODUCTION, DURABLE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fsync", "synchronous_commit", "full_page_writes"})
    @DisplayName("Each durability setting off refuses the start with a message naming that setting")
    void eachSettingOffRefusesTheStart(String setting) {
        ProductionDatabaseCheck.Settings off = new ProductionDatabaseCheck.Settings(
                setting.equals("fsync") ? "off" : "on", setting.equals("synchronous_commit") ? "off" : "on",
                setting.equals("full_page_writes") ? "off" : "on", false);
        List<String> refusals = ProductionDatabaseCheck.refusals(PRODUCTION, off);
        assertThat(refusals).hasSize(1);
        assertThat(refusals.get(0)).startsWith(setting + " is off").contains("Set " + setting + " = on");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "remote_write", "remote_apply", "ON"})
    @DisplayName("synchronous_commit values that still wait for the local flush are accepted")
    void synchronousCommitThatFlushesLocallyStarts(String value) {
        assertThat(ProductionDatabaseCheck.refusals(PRODUCTION, new ProductionDatabaseCheck.Settings("on", value, "on", false))).isEmpty();
    }

    @Test
    @DisplayName("AUD-2: a role that may change audit rows refuses the start, also in the demo profile; off only by its own setting")
    void roleThatMayChangeAuditRefusesTheStart() {
        ProductionDatabaseCheck.Settings mayChange = new ProductionDatabaseCheck.Settings("on", "on", "on", true);
        assertThat(ProductionDatabaseCheck.refusals(PRODUCTION, mayChange)).singleElement().asString().contains("UPDATE, DELETE or TRUNCATE");
        assertThat(ProductionDatabaseCheck.refusals(new ProductionDatabaseCheck.Scope(true, true, true), mayChange)).hasSize(1);
        assertThat(ProductionDatabaseCheck.refusals(new ProductionDatabaseCheck.Scope(true, false, false), mayChange)).isEmpty();
    }

    @Test
    @DisplayName("Every reason is named at once: all three settings off and a role that may change audit rows")
    void everyReasonIsNamed() {
        List<String> refusals = ProductionDatabaseCheck.refusals(PRODUCTION, new ProductionDatabaseCheck.Settings("off", "off", "off", true));
        assertThat(refusals).hasSize(4);
    }

    @Test
    @DisplayName("The durability settings are not checked in the demo profile, nor on H2 at all")
    void skippedOnlyInTheDemoAndOnH2() {
        ProductionDatabaseCheck.Settings lossy = new ProductionDatabaseCheck.Settings("off", "off", "off", true);
        assertThat(ProductionDatabaseCheck.refusals(new ProductionDatabaseCheck.Scope(true, true, true), lossy))
                .as("demo on PostgreSQL: only the role").hasSize(1);
        assertThat(ProductionDatabaseCheck.refusals(new ProductionDatabaseCheck.Scope(false, false, true), lossy)).as("H2").isEmpty();
        assertThat(ProductionDatabaseCheck.refusals(new ProductionDatabaseCheck.Scope(false, true, true), lossy)).as("H2, demo").isEmpty();
    }

    @Test
    @DisplayName("Where the tests run: on H2 the guard has nothing to check; on CI's PostgreSQL (test profile, not demo) it checks everything and passes")
    void theTestDatabasePassesOrIsSkipped() {
        ProductionDatabaseCheck.Scope here = check.scope();
        assertThat(here.demo()).as("the test profile is not the demo").isFalse();
        assertThat(here.durability()).isEqualTo(here.postgreSql());
        assertThat(here.appendOnly()).isEqualTo(here.postgreSql());
        assertThatCode(check::check).doesNotThrowAnyException();
    }
}
