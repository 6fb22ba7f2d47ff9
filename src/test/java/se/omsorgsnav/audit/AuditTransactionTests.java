package se.omsorgsnav.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.omsorgsnav.access.AccessDenied;
import se.omsorgsnav.casework.Cases;
import se.omsorgsnav.person.PersonDisclosure;
import se.omsorgsnav.shared.CaseNumber;
import se.omsorgsnav.person.Purpose;
import se.omsorgsnav.support.AsUser;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;

/** AUD-1: an access and its audit event stand or fall together; a denial stands on its own. */
@OmsorgsnavTest
class AuditTransactionTests {

    @Autowired PersonDisclosure gate;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired PlatformTransactionManager transactions;
    @Autowired Cases cases;

    @Test
    @DisplayName("AUD-1, PROT-4: a denial is audited even though the denied request rolls back")
    void denialSurvivesRollback() {
        UUID astrid = personId(DemoUsers.PROTECTED_PIN);
        long before = count(DemoUsers.UNAUTHORISED, astrid, "DENIED");
        try (var login = AsUser.login(users, DemoUsers.UNAUTHORISED)) {
            assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> gate.open(astrid, Purpose.PERSON_PAGE)))
                    .isInstanceOf(AccessDenied.class).hasMessage("Behörighet saknas");
        }
        assertThat(count(DemoUsers.UNAUTHORISED, astrid, "DENIED")).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("PROT-24, AUD-1: a masked view (a probe) keeps its audit event when a later check in the same request fails and rolls back")
    void probeSurvivesALaterRollback() {
        UUID astrid = personId(DemoUsers.PROTECTED_PIN);
        UUID greta = personId(DemoUsers.ORDINARY_PIN);
        long masked = count(DemoUsers.UNAUTHORISED, astrid, "MASKED");
        long allowed = count(DemoUsers.UNAUTHORISED, greta, "ALLOWED");
        try (var login = AsUser.login(users, DemoUsers.UNAUTHORISED)) {
            assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                assertThat(gate.list(List.of(astrid, greta), Purpose.SEARCH)).hasSize(2);
                gate.open(astrid, Purpose.PERSON_PAGE);
            })).isInstanceOf(AccessDenied.class);
        }
        assertThat(count(DemoUsers.UNAUTHORISED, astrid, "MASKED")).as("the masked hit is on record").isEqualTo(masked + 1);
        // What was shown in full never reached the user (the request failed): it goes with the rollback, as before.
        assertThat(count(DemoUsers.UNAUTHORISED, greta, "ALLOWED")).isEqualTo(allowed);
    }

    @Test
    @DisplayName("AUD-1: a read in a read-only transaction still writes its audit event (PostgreSQL refuses inserts there; CI runs this on it)")
    void readOnlyReadIsAudited() {
        UUID astrid = personId(DemoUsers.PROTECTED_PIN);
        long before = count(DemoUsers.UNAUTHORISED, astrid, "MASKED");
        try (var login = AsUser.login(users, DemoUsers.UNAUTHORISED)) {
            TransactionTemplate readOnly = new TransactionTemplate(transactions);
            readOnly.setReadOnly(true);
            readOnly.executeWithoutResult(tx -> assertThat(gate.list(List.of(astrid), Purpose.SEARCH)).hasSize(1));
        }
        assertThat(count(DemoUsers.UNAUTHORISED, astrid, "MASKED")).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("AUD-1: an allowed view writes its audit event in the same transaction as the read")
    void viewAndAuditCommitTogether() {
        UUID astrid = personId(DemoUsers.PROTECTED_PIN);
        long before = count(DemoUsers.AUTHORISED, astrid, "ALLOWED");
        try (var login = AsUser.login(users, DemoUsers.AUTHORISED)) {
            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                assertThat(gate.open(astrid, Purpose.PERSON_PAGE).firstName()).isEqualTo(DemoUsers.PROTECTED_NAME);
                tx.setRollbackOnly();
            });
            assertThat(count(DemoUsers.AUTHORISED, astrid, "ALLOWED")).as("rolled back with the read").isEqualTo(before);

            new TransactionTemplate(transactions).executeWithoutResult(tx -> gate.open(astrid, Purpose.PERSON_PAGE));
            assertThat(count(DemoUsers.AUTHORISED, astrid, "ALLOWED")).isEqualTo(before + 1);
        }
    }

    @Test
    @DisplayName("AUD-1: the audit event of a read says who, in which role and unit, on whom, what and how it ended")
    void auditEventHoldsTheFacts() {
        UUID greta = personId(DemoUsers.ORDINARY_PIN);
        // The clock stands still in the tests: "the newest" is a tie with earlier tests' events, so find the one this test wrote.
        java.util.List<UUID> earlier = jdbc.sql("select id from audit_event where person_id = ? and actor_username = ?")
                .params(greta, DemoUsers.AUTHORISED).query(UUID.class).list();
        try (var login = AsUser.login(users, DemoUsers.AUTHORISED)) {
            new TransactionTemplate(transactions).executeWithoutResult(tx -> gate.open(greta, Purpose.PERSON_PAGE));
        }
        var rows = jdbc.sql("""
                select e.id, e.actor_username, e.actor_role, e.actor_unit_id, e.occurred_at, e.action, e.purpose, e.outcome, u.unit_id
                from audit_event e join app_user u on u.username = e.actor_username
                where e.person_id = ? and e.actor_username = ?
                """).params(greta, DemoUsers.AUTHORISED).query().listOfRows().stream().filter(r -> !earlier.contains(r.get("id"))).toList();
        assertThat(rows).hasSize(1);
        var row = rows.get(0);
        assertThat(row.get("actor_role")).isEqualTo("CASE_OFFICER");
        assertThat(row.get("actor_unit_id")).isEqualTo(row.get("unit_id"));
        assertThat(row.get("occurred_at")).isNotNull();
        assertThat(row.get("action")).isEqualTo("VIEW");
        assertThat(row.get("purpose")).isEqualTo("PERSON_PAGE");
        assertThat(row.get("outcome")).isEqualTo("ALLOWED");
    }

    @Test
    @DisplayName("AUD-1: opening a case records both the person and the case, allowed or denied")
    void caseViewRecordsTheCase() {
        UUID astrid = personId(DemoUsers.PROTECTED_PIN);
        var openCase = jdbc.sql("select id, case_number from care_case where person_id = ? and status = 'OPEN'").param(astrid).query().singleRow();
        try (var login = AsUser.login(users, DemoUsers.AUTHORISED)) {
            new TransactionTemplate(transactions).executeWithoutResult(tx -> cases.open(CaseNumber.parse((String) openCase.get("case_number"))));
        }
        try (var login = AsUser.login(users, DemoUsers.UNAUTHORISED)) {
            assertThatThrownBy(() -> cases.open(CaseNumber.parse((String) openCase.get("case_number")))).isInstanceOf(AccessDenied.class);
        }
        List<String> outcomes = jdbc.sql("select actor_username || ':' || outcome from audit_event where case_id = ? and person_id = ? and purpose = 'CASE_PAGE'")
                .params(openCase.get("id"), astrid).query(String.class).list();
        assertThat(outcomes).contains(DemoUsers.AUTHORISED + ":ALLOWED", DemoUsers.UNAUTHORISED + ":DENIED");
    }

    private UUID personId(String pin) {
        return jdbc.sql("select id from person where personal_identity_number = ?").param(pin.replace("-", "")).query(UUID.class).single();
    }

    private long count(String username, UUID person, String outcome) {
        return jdbc.sql("select count(*) from audit_event where actor_username = ? and person_id = ? and outcome = ?")
                .params(username, person, outcome).query(Long.class).single();
    }
}
