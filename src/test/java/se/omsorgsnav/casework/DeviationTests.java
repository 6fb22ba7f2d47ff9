package se.omsorgsnav.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.omsorgsnav.access.StepUp;
import se.omsorgsnav.access.AccessDenied;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.support.AsUser;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;

/** PROT-16: deviations on a protected person, or "ej person", attached later. */
@OmsorgsnavTest
class DeviationTests {

    @Autowired Deviations deviations;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired MockMvc mvc;

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
    @ValueSource(strings = {"Gäller 19420310-9147", "gäller 194203109147 igen", "420310-9147 saknade larm", "420310 9147"})
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

    @Test
    @DisplayName("PROT-16: SAS and unit managers reach the \"ej person\" deviations from the menu; anyone else is told Behörighet saknas")
    void unattachedPageIsForSasAndManagers() throws Exception {
        String text = "Larmet i trapphuset gick inte att återställa " + UUID.randomUUID().toString().substring(0, 6);
        try (var other = AsUser.login(users, "planerare")) {
            deviations.report(null, text);
        }
        for (String reader : new String[] {"sas", DemoUsers.UNIT_MANAGER}) {
            MockHttpServletResponse page = page(get("/deviations/unattached"), reader, true);
            assertThat(page.getStatus()).as(reader).isEqualTo(200);
            assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("href=\"/deviations/unattached\">Avvikelser utan person</a>");
        }
        assertThat(page(get("/deviations/unattached"), "sas", true).getContentAsString(StandardCharsets.UTF_8))
                .as("SAS sees every unit's").contains(text);
        MockHttpServletResponse denied = page(get("/deviations/unattached"), DemoUsers.AUTHORISED, true);
        assertThat(denied.getStatus()).isEqualTo(403);
        assertThat(denied.getContentAsString(StandardCharsets.UTF_8)).contains("Behörighet saknas").doesNotContain(text)
                .doesNotContain("Avvikelser utan person</a>");
    }

    @Test
    @DisplayName("PROT-16, PROT-4: on the page an unauthorised user's attachment is answered Behörighet saknas, alike for a case that does not exist, and the deviation waits on")
    void unauthorisedAttachOnThePage() throws Exception {
        UUID id = ejPerson();
        for (String caseNumber : new String[] {astridCase(), "AO-2026-99997"}) {
            MockHttpServletResponse denied = page(post("/deviations/" + id + "/attachment").with(csrf()).param("caseNumber", caseNumber),
                    DemoUsers.UNAUTHORISED, true);
            assertThat(denied.getStatus()).as(caseNumber).isEqualTo(403);
            assertThat(denied.getContentAsString(StandardCharsets.UTF_8)).contains("Behörighet saknas").doesNotContain(DemoUsers.PROTECTED_NAME);
        }
        MockHttpServletResponse malformed = page(post("/deviations/" + id + "/attachment").with(csrf()).param("caseNumber", "fel"),
                DemoUsers.UNIT_MANAGER, true);
        assertThat(malformed.getStatus()).isEqualTo(400);
        assertThat(malformed.getContentAsString(StandardCharsets.UTF_8)).contains("Avvikelsen kunde inte kopplas");
        assertThat(attachedTo(id)).isNull();
    }

    @Test
    @DisplayName("PROT-16: an authorised, confirmed user is offered the cases they are authorised for and attaches the deviation to the person on the page")
    void authorisedAttachOnThePage() throws Exception {
        UUID id = ejPerson();
        String page = page(get("/deviations/unattached"), DemoUsers.UNIT_MANAGER, true).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<datalist id=\"authorised-cases\">").contains("<option value=\"" + astridCase() + "\">");
        MockHttpServletResponse done = page(post("/deviations/" + id + "/attachment").with(csrf()).param("caseNumber", astridCase()),
                DemoUsers.UNIT_MANAGER, true);
        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(done.getRedirectedUrl()).isEqualTo("/deviations/unattached?kopplad");
        UUID astrid = jdbc.sql("select id from person where personal_identity_number = ?").param(DemoUsers.PROTECTED_PIN.replace("-", ""))
                .query(UUID.class).single();
        assertThat(attachedTo(id)).isEqualTo(astrid);
        assertThat(jdbc.sql("select count(*) from audit_event where actor_username = ? and purpose = 'DEVIATION_ATTACHED' and person_id = ?")
                .params(DemoUsers.UNIT_MANAGER, astrid).query(Long.class).single()).isPositive();
        assertThat(page(get("/deviations/unattached"), "sas", true).getContentAsString(StandardCharsets.UTF_8))
                .as("SAS, without authorisation, is offered no case").containsPattern("<datalist id=\"authorised-cases\">\\s*</datalist>");
    }

    @Test
    @DisplayName("PROT-16, PROT-10: an authorised user who has not confirmed with the PIN is sent to the PIN page and back to the list; nothing is attached yet")
    void attachAsksForThePin() throws Exception {
        UUID id = ejPerson();
        MockHttpServletResponse asked = page(post("/deviations/" + id + "/attachment").with(csrf()).param("caseNumber", astridCase()),
                DemoUsers.UNIT_MANAGER, false);
        assertThat(asked.getStatus()).isEqualTo(302);
        assertThat(asked.getRedirectedUrl()).isEqualTo("/step-up?continue=/deviations/unattached");
        assertThat(attachedTo(id)).isNull();
    }

    private UUID ejPerson() {
        try (var other = AsUser.login(users, "planerare")) {
            return deviations.report(null, "Nyckeln saknades vid kvällsbesöket " + UUID.randomUUID().toString().substring(0, 6));
        }
    }

    private UUID attachedTo(UUID deviation) {
        return jdbc.sql("select person_id from deviation where id = ?").param(deviation).query(UUID.class).optional().orElse(null);
    }

    private MockHttpServletResponse page(MockHttpServletRequestBuilder request, String username, boolean confirmed) throws Exception {
        request.with(user(users.loadUserByUsername(username)));
        if (confirmed) {
            request.sessionAttr(StepUp.SESSION_ATTRIBUTE, TestClock.NOW);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private String astridCase() {
        return jdbc.sql("""
                select c.case_number from care_case c join person p on p.id = c.person_id
                where p.personal_identity_number = ? and c.status = 'OPEN' order by c.opened_on limit 1
                """).param(DemoUsers.PROTECTED_PIN.replace("-", "")).query(String.class).single();
    }
}
