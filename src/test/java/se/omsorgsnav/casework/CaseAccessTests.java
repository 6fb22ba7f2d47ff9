package se.omsorgsnav.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.omsorgsnav.access.StepUp;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;
import se.omsorgsnav.support.TestData;

/** Who reads which case, over HTTP (PROT-24, PROT-26, fault 9), on persons and cases of their own. */
@OmsorgsnavTest
class CaseAccessTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired UserDetailsService users;

    record Case(UUID id, String number) {}

    @Test
    @DisplayName("PROT-26: an authorisation opens the person and the case it names; her other cases show number, unit and status only — no subject, journal or officer")
    void authorisationOpensItsOwnCaseOnly() throws Exception {
        UUID person = person("Greger", "Tvaarendesson", "PROTECTED_REGISTRATION");
        Case named = caseOf(person, "Xqcsubjectnamed", "OPEN");
        Case other = caseOf(person, "Xqcsubjectother", "CLOSED");
        authorise(DemoUsers.AUTHORISED, named, person);
        jdbc.sql("insert into case_journal_entry (id, case_id, written_by, written_at, text) values (?, ?, (select id from app_user where username = 'forste'), current_timestamp, 'Xqcjournalother')")
                .params(UUID.randomUUID(), other.id()).update();

        String api = body(get("/api/v1/cases/" + other.number()), DemoUsers.AUTHORISED, 200);
        assertThat(api).contains(other.number()).contains("CLOSED").contains("Myndighet Centrum")
                .doesNotContain("Xqcsubjectother").doesNotContain("Maria Holm").doesNotContain("Greger");
        String page = body(get("/cases/" + other.number()), DemoUsers.AUTHORISED, 200);
        assertThat(page).contains(other.number()).doesNotContain("Xqcsubjectother").doesNotContain("Xqcjournalother").doesNotContain("Maria Holm");
        String list = body(get("/persons/" + person + "/cases"), DemoUsers.AUTHORISED, 200);
        assertThat(list).contains(other.number()).contains("Xqcsubjectnamed").doesNotContain("Xqcsubjectother");
        assertThat(body(get("/api/v1/cases/" + named.number()), DemoUsers.AUTHORISED, 200)).contains("Xqcsubjectnamed").contains("Greger");
    }

    @Test
    @DisplayName("PROT-3, PROT-26: the start page lists a locked person's case to a colleague without authorisation — even its own officer — by number and status only, without its subject")
    void startPageListsLockedCasesWithoutSubject() throws Exception {
        UUID person = person("Lova", "Startskyddsson", "PROTECTED_REGISTRATION");
        Case listed = caseOf(person, "Xqcsubjectstart", "OPEN");
        String start = body(get("/"), "forste", 200);
        assertThat(start).contains(listed.number()).doesNotContain("Xqcsubjectstart").doesNotContain("Startskyddsson");
        authorise("forste", listed, person);
        assertThat(body(get("/"), "forste", 200)).contains("Xqcsubjectstart");
    }

    @Test
    @DisplayName("PROT-24: a unit manager cannot tell a protected person's case by the answer to lokalt skydd: denied and non-existent answer alike, and the denial is audited")
    void localProtectionAnswersAlike() throws Exception {
        UUID person = person("Hedda", "Skatteskyddsson", "PROTECTED_REGISTRATION");
        Case locked = caseOf(person, "Ansökan om hemtjänst", "OPEN");
        String missing = "AO-" + TestClock.TODAY.getYear() + "-99991";
        String json = "{\"reason\":\"Akut hot\",\"until\":\"" + TestClock.TODAY.plusDays(30) + "\"}";
        MockHttpServletResponse denied = response(post("/api/v1/cases/" + locked.number() + "/local-protection")
                .contentType(MediaType.APPLICATION_JSON).content(json), DemoUsers.UNIT_MANAGER);
        MockHttpServletResponse absent = response(post("/api/v1/cases/" + missing + "/local-protection")
                .contentType(MediaType.APPLICATION_JSON).content(json), DemoUsers.UNIT_MANAGER);
        assertThat(denied.getStatus()).isEqualTo(403).isEqualTo(absent.getStatus());
        assertThat(normalise(denied)).isEqualTo(normalise(absent));

        MockHttpServletResponse page = response(post("/cases/" + locked.number() + "/local-protection").with(csrf())
                .param("reason", "Akut hot").param("until", TestClock.TODAY.plusDays(30).toString()), DemoUsers.UNIT_MANAGER);
        MockHttpServletResponse absentPage = response(post("/cases/" + missing + "/local-protection").with(csrf())
                .param("reason", "Akut hot").param("until", TestClock.TODAY.plusDays(30).toString()), DemoUsers.UNIT_MANAGER);
        assertThat(page.getStatus()).isEqualTo(403).isEqualTo(absentPage.getStatus());
        assertThat(normalise(page)).isEqualTo(normalise(absentPage)).doesNotContain("Skatteverket");
        assertThat(jdbc.sql("select count(*) from audit_event where actor_username = ? and case_id = ? and outcome = 'DENIED'")
                .params(DemoUsers.UNIT_MANAGER, locked.id()).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select protection_level from person where id = ?").param(person).query(String.class).single())
                .isEqualTo("PROTECTED_REGISTRATION");
    }

    @Test
    @DisplayName("PROT-3, fault 9: a case subject holding a personnummer, or the name of a locked person or her relatives, is refused with a Swedish 400 and nothing is stored")
    void caseSubjectIsChecked() throws Exception {
        UUID ordinary = person("Ingvar", "Vanligsson", "NONE");
        UUID locked = person("Jolanda", "Rubriksson", "PROTECTED_REGISTRATION");
        UUID relative = person("Kennet", "Anhorigsson", "NONE");
        jdbc.sql("insert into person_relation (id, person_id, related_person_id, kind) values (?, ?, ?, 'RELATIVE')")
                .params(UUID.randomUUID(), locked, relative).update();
        authorise(DemoUsers.AUTHORISED, caseOf(locked, "Ansökan om hemtjänst", "OPEN"), locked);
        UUID unit = jdbc.sql("select id from unit where name = 'Myndighet Centrum'").query(UUID.class).single();
        UUID officer = jdbc.sql("select id from app_user where username = 'handlaggare'").query(UUID.class).single();
        String pin = jdbc.sql("select personal_identity_number from person where id = ?").param(ordinary).query(String.class).single();
        long before = jdbc.sql("select count(*) from care_case").query(Long.class).single();

        for (Object[] attempt : new Object[][] {{ordinary, "Hemtjänst för " + pin.substring(2, 8) + "-" + pin.substring(8)},
                {locked, "Jolanda behöver trygghetslarm"}, {locked, "Hemtjänst, kontakt via Kennet"}}) {
            MockHttpServletResponse api = response(post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).content("""
                    {"personId":"%s","unitId":"%s","caseOfficerId":"%s","subject":"%s"}
                    """.formatted(attempt[0], unit, officer, attempt[1])), DemoUsers.AUTHORISED);
            assertThat(api.getStatus()).as("API: " + attempt[1]).isEqualTo(400);
            assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("Skriv aldrig");
            MockHttpServletResponse page = response(post("/cases").with(csrf()).param("personId", attempt[0].toString())
                    .param("unitId", unit.toString()).param("caseOfficerId", officer.toString()).param("subject", (String) attempt[1]), DemoUsers.AUTHORISED);
            assertThat(page.getStatus()).as("page: " + attempt[1]).isEqualTo(400);
        }
        assertThat(jdbc.sql("select count(*) from care_case").query(Long.class).single()).isEqualTo(before);
        assertThat(response(post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).content("""
                {"personId":"%s","unitId":"%s","caseOfficerId":"%s","subject":"Ansökan om trygghetslarm"}
                """.formatted(locked, unit, officer)), DemoUsers.AUTHORISED).getStatus()).isEqualTo(201);
    }

    private String body(MockHttpServletRequestBuilder request, String username, int status) throws Exception {
        MockHttpServletResponse response = response(request, username);
        assertThat(response.getStatus()).as(request.toString()).isEqualTo(status);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse response(MockHttpServletRequestBuilder request, String username) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username))).sessionAttr(StepUp.SESSION_ATTRIBUTE, TestClock.NOW))
                .andReturn().getResponse();
    }

    /** What differs per request anyway: CSRF tokens and the request path in problem details. */
    private static String normalise(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8).replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
                .replaceAll("\"instance\":\"[^\"]*\"", "");
    }

    private UUID person(String first, String last, String level) {
        return data.person().named(first, last).protectedBy(level).create().id();
    }

    private Case caseOf(UUID person, String subject, String status) {
        TestData.CaseBuilder c = data.caseFor(person).unit(TestData.CENTRUM).officer("forste").subject(subject).openedOn(TestClock.TODAY.minusDays(20));
        if ("CLOSED".equals(status)) {
            c.closedOn(TestClock.TODAY.minusDays(2));
        }
        TestData.Case created = c.create();
        return new Case(created.id(), created.number());
    }

    private void authorise(String username, Case c, UUID personId) {
        data.authorise(username, new TestData.Case(c.id(), c.number(), personId));
    }
}
