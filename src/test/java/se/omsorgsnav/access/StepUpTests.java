package se.omsorgsnav.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.support.AsUser;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;

/** PROT-10: the PIN box before a protected person shows in full. */
@OmsorgsnavTest
class StepUpTests {

    @Autowired StepUp stepUp;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired PasswordEncoder passwords;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"12345", "1234567890123", "12a456", "111111", "123456", "987654", ""})
    @DisplayName("PROT-10: a PIN is 6–12 digits, not one digit repeated and not a run")
    void weakPinsRefused(String pin) {
        String username = newUser();
        try (var login = AsUser.login(users, username)) {
            assertThatThrownBy(() -> stepUp.setPin(DemoUsers.PASSWORD, pin)).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    @DisplayName("PROT-10: setting a PIN takes the password, and the PIN is stored only as a hash")
    void pinNeedsPasswordAndIsHashed() {
        String username = newUser();
        try (var login = AsUser.login(users, username)) {
            assertThatThrownBy(() -> stepUp.setPin("fel-lösenord", "482913")).hasMessageContaining("Fel lösenord");
            stepUp.setPin(DemoUsers.PASSWORD, "482913");
        }
        String hash = jdbc.sql("select pin_hash from app_user where username = ?").param(username).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("482913");
    }

    @Test
    @DisplayName("PROT-10 (fault 10): a wrong PIN is refused and audited; after five the user is refused, in a new session too, with the right PIN")
    void wrongPinsAreCountedAndAudited() throws Exception {
        // A user of its own: the count is in the database now, and the clock stands still in the tests.
        String username = userWithPin();
        MockHttpSession session = new MockHttpSession();
        var caller = user(users.loadUserByUsername(username));
        long before = denials(username);
        for (int i = 0; i < 5; i++) {
            MockHttpServletResponse wrong = mvc.perform(post("/step-up").param("pin", "000111").param("continue", "/").with(csrf()).with(caller)
                    .session(session)).andReturn().getResponse();
            assertThat(wrong.getStatus()).isEqualTo(400);
            assertThat(wrong.getContentAsString()).contains("Fel PIN-kod");
        }
        assertThat(denials(username)).isEqualTo(before + 5);
        // A new session stands for another node, or a new login: the count holds across both.
        MockHttpSession another = new MockHttpSession();
        MockHttpServletResponse locked = mvc.perform(post("/step-up").param("pin", DemoUsers.PIN).param("continue", "/").with(csrf()).with(caller)
                .session(another)).andReturn().getResponse();
        assertThat(locked.getStatus()).isEqualTo(400);
        assertThat(locked.getContentAsString()).contains("För många felaktiga försök");
        assertThat(another.getAttribute(StepUp.SESSION_ATTRIBUTE)).isNull();
    }

    @Test
    @DisplayName("PROT-10 (fault 10): the password asked before a new PIN is throttled like a login; a session is no way round the limit")
    void pinPageThrottlesPasswords() throws Exception {
        String username = newUser();
        var caller = user(users.loadUserByUsername(username));
        for (int i = 0; i < 5; i++) {
            MockHttpServletResponse wrong = mvc.perform(post("/account/pin").param("password", "fel-" + i).param("pin", "482913").with(csrf())
                    .with(caller)).andReturn().getResponse();
            assertThat(wrong.getStatus()).isEqualTo(400);
        }
        MockHttpServletResponse right = mvc.perform(post("/account/pin").param("password", DemoUsers.PASSWORD).param("pin", "482913").with(csrf())
                .with(caller)).andReturn().getResponse();
        assertThat(right.getStatus()).isEqualTo(400);
        assertThat(right.getContentAsString()).contains("För många felaktiga försök");
        assertThat(jdbc.sql("select count(*) from app_user where username = ? and pin_hash is not null").param(username).query(Long.class).single())
                .isZero();
    }

    @Test
    @DisplayName("PROT-10: opening a protected person sends the authorised user to the PIN box and back to the person")
    void roundTrip() throws Exception {
        UUID astrid = jdbc.sql("select id from person where personal_identity_number = ?").param(DemoUsers.PROTECTED_PIN.replace("-", ""))
                .query(UUID.class).single();
        var caller = user(users.loadUserByUsername(DemoUsers.AUTHORISED));
        MockHttpSession session = new MockHttpSession();
        MockHttpServletResponse asked = mvc.perform(get("/persons/" + astrid).with(caller).session(session)).andReturn().getResponse();
        assertThat(asked.getStatus()).isEqualTo(302);
        assertThat(asked.getRedirectedUrl()).isEqualTo("/step-up?continue=%2Fpersons%2F" + astrid);
        MockHttpServletResponse confirmed = mvc.perform(post("/step-up").param("pin", DemoUsers.PIN).param("continue", "/persons/" + astrid)
                .with(csrf()).with(caller).session(session)).andReturn().getResponse();
        assertThat(confirmed.getRedirectedUrl()).isEqualTo("/persons/" + astrid);
        MockHttpServletResponse shown = mvc.perform(get("/persons/" + astrid).with(caller).session(session)).andReturn().getResponse();
        assertThat(shown.getStatus()).isEqualTo(200);
        assertThat(shown.getContentAsString()).contains(DemoUsers.PROTECTED_NAME);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"//evil.example/x", "https://evil.example", "/\\\\evil.example", "javascript:alert(1)", "/persons/x\"onload=\""})
    @DisplayName("PROT-10: the way back after the PIN is only ever a local path")
    void noOpenRedirect(String back) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/step-up").param("pin", DemoUsers.PIN).param("continue", back).with(csrf())
                .with(user(users.loadUserByUsername(DemoUsers.AUTHORISED))).session(new MockHttpSession())).andReturn().getResponse();
        assertThat(response.getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    @DisplayName("PROT-10: a confirmation lasts the configured time and no longer")
    void confirmationTimesOut() {
        try (var login = AsUser.login(users, DemoUsers.AUTHORISED)) {
            assertThat(stepUp.satisfied()).isTrue();
            var session = ((org.springframework.web.context.request.ServletRequestAttributes)
                    org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()).getRequest().getSession();
            session.setAttribute(StepUp.SESSION_ATTRIBUTE, TestClock.NOW.minus(Duration.ofMinutes(15)));
            assertThat(stepUp.satisfied()).as("at the limit").isTrue();
            session.setAttribute(StepUp.SESSION_ATTRIBUTE, TestClock.NOW.minus(Duration.ofMinutes(15)).minusSeconds(1));
            assertThat(stepUp.satisfied()).as("past it").isFalse();
        }
        try (var login = AsUser.withoutStepUp(users, DemoUsers.AUTHORISED)) {
            assertThat(stepUp.satisfied()).isFalse();
        }
    }

    private long denials(String username) {
        return jdbc.sql("select count(*) from audit_event where actor_username = ? and purpose = 'STEP_UP' and outcome = 'DENIED'")
                .param(username).query(Long.class).single();
    }

    private String userWithPin() {
        String username = newUser();
        jdbc.sql("update app_user set pin_hash = ? where username = ?").params(passwords.encode(DemoUsers.PIN), username).update();
        return username;
    }

    private String newUser() {
        String username = "pin-" + UUID.randomUUID().toString().substring(0, 8);
        UUID unit = jdbc.sql("select id from unit where name = 'Myndighet Centrum'").query(UUID.class).single();
        jdbc.sql("""
                insert into app_user (id, username, full_name, email, password_hash, role, unit_id, grant_right, enabled)
                values (?, ?, 'Pia Pinsson', 'pia@demo.omsorgsnav.invalid', ?, 'CASE_OFFICER', ?, false, true)
                """).params(UUID.randomUUID(), username, passwords.encode(DemoUsers.PASSWORD), unit).update();
        return username;
    }
}
