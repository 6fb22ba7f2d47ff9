package se.omsorgsnav.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import se.omsorgsnav.access.AccessDenied;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.support.AsUser;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;

/** PROT-16: deviations on a protected person, or "ej person", attached later. */
@OmsorgsnavTest
class DeviationTests {

    @Autowired Deviations deviations;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    @Test
    @DisplayName("PROT-16: an authorised user reports a deviation on the protected person's case; the unauthorised are told Behörighet saknas")
    void onTheCase() {
        String astridCase = astridCase();
        UUID id;
        try (var authorised = AsUser.login(users, DemoUsers.AUTHORISED)) {
            id = deviations.report(astridCase, "Fel medicin lämnades ut vid kvällsbesöket");
        }
        assertThat(jdbc.sql("select person_id from deviation where id = ?").param(id).query(UUID.class).single()).isNotNull();
        try (var other = AsUser.login(users, DemoUsers.UNAUTHORISED)) {
            assertThatThrownBy(() -> deviations.report(astridCase, "Något hände")).isInstanceOf(AccessDenied.class);
        }
    }

    @Test
    @DisplayName("PROT-16: anyone files \"ej person\", and an authorised user attaches it to the person later; the unauthorised cannot")
    void ejPersonAttachedLater() {
        UUID id;
        try (var other = AsUser.login(users, "planerare")) {
            id = deviations.report(null, "Nyckeln till brukaren med fiktivt namn saknades vid besöket");
        }
        try (var manager = AsUser.login(users, "sas")) {
            assertThat(deviations.unattached()).extracting(Deviations.DeviationView::id).contains(id);
        }
        try (var other = AsUser.login(users, DemoUsers.UNAUTHORISED)) {
            assertThatThrownBy(() -> deviations.attach(id, astridCase())).isInstanceOf(AccessDenied.class);
        }
        try (var authorised = AsUser.login(users, DemoUsers.AUTHORISED)) {
            deviations.attach(id, astridCase());
            assertThatThrownBy(() -> deviations.attach(id, astridCase())).hasMessageContaining("redan kopplad");
        }
        try (var manager = AsUser.login(users, "sas")) {
            assertThat(deviations.unattached()).extracting(Deviations.DeviationView::id).doesNotContain(id);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Gäller 19420314-9846", "gäller 194203149846 igen", "420314-9846 saknade larm", "420314 9846"})
    @DisplayName("PROT-16, AUD-5: an \"ej person\" deviation that holds a personnummer is refused, and nothing is stored")
    void noPersonnummerInEjPerson(String text) {
        long before = jdbc.sql("select count(*) from deviation").query(Long.class).single();
        try (var other = AsUser.login(users, "planerare")) {
            assertThatThrownBy(() -> deviations.report(null, text)).isInstanceOf(InvalidInputException.class).hasMessageContaining("personnummer");
        }
        assertThat(jdbc.sql("select count(*) from deviation").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    @DisplayName("PROT-16: ordinary numbers in a deviation are not mistaken for a personnummer")
    void ordinaryNumbersPass() {
        try (var other = AsUser.login(users, "planerare")) {
            assertThat(deviations.report(null, "Larm 1234 utlöste kl 0345, rum 12, telefon 031-123 45 67")).isNotNull();
        }
    }

    private String astridCase() {
        return jdbc.sql("""
                select c.case_number from care_case c join person p on p.id = c.person_id
                where p.personal_identity_number = ? and c.status = 'OPEN' order by c.opened_on limit 1
                """).param(DemoUsers.PROTECTED_PIN.replace("-", "")).query(String.class).single();
    }
}
