package se.omsorgsnav.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;
import se.omsorgsnav.support.TestPins;

/**
 * PROT-2's follow-up through the user's path: the unit manager decides lokalt skydd over the API,
 * and the follow-up two weeks before it ends reaches the manager's start page — the work list of
 * UX-2 — once it is within the page's 30 days, marked late once its day has passed; the manager of
 * another unit never sees it. The clock is moved to those days and put back.
 */
@OmsorgsnavTest
class LocalProtectionFollowUpTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;

    @Test
    @DisplayName("PROT-2: the follow-up before lokalt skydd ends reaches the deciding unit's manager's start page in time, and shows late once its day has passed")
    void followUpReachesTheManagersWorkList() throws Exception {
        String caseNumber = openCaseOfNewPerson();
        LocalDate until = TestClock.TODAY.plusDays(60);
        LocalDate due = until.minusDays(14);
        MockHttpServletResponse decided = mvc.perform(post("/api/v1/cases/" + caseNumber + "/local-protection")
                .with(httpBasic(DemoUsers.UNIT_MANAGER, DemoUsers.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"Hot från tidigare partner, polisanmält\",\"until\":\"%s\"}".formatted(until))).andReturn().getResponse();
        assertThat(decided.getStatus()).as(body(decided)).isEqualTo(204);

        assertThat(followUps(DemoUsers.UNIT_MANAGER)).as("46 days ahead: not yet on the list").doesNotContain(caseNumber);
        try {
            clock.travelTo(due.minusDays(30));
            assertThat(row(followUps(DemoUsers.UNIT_MANAGER), caseNumber)).contains("Lokalt skydd upphör", due.toString()).doesNotContain("(försenad)");
            assertThat(startPage("chef-solgarden")).as("another unit's manager").doesNotContain(caseNumber);

            clock.travelTo(due.plusDays(1));
            assertThat(row(followUps(DemoUsers.UNIT_MANAGER), caseNumber)).contains("(försenad)");
        } finally {
            clock.reset();
        }
    }

    /** The manager's start page, its follow-up section only. */
    private String followUps(String manager) throws Exception {
        String page = startPage(manager);
        int start = page.indexOf("id=\"uppfoljning\"");
        assertThat(start).as("the follow-up section on %s's start page", manager).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    /** The table row of the case. */
    private static String row(String section, String caseNumber) {
        int at = section.indexOf(">" + caseNumber + "<");
        assertThat(at).as("a row for %s", caseNumber).isNotNegative();
        return section.substring(section.lastIndexOf("<tr", at), section.indexOf("</tr>", at));
    }

    private String startPage(String username) throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/").with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        return body(page);
    }

    /** An unprotected person and her case in the manager's unit, registered and opened as LVS does. */
    private String openCaseOfNewPerson() throws Exception {
        MockHttpServletResponse registered = lvs(post("/api/v1/persons").contentType(MediaType.APPLICATION_JSON).content("""
                {"personalIdentityNumber":"%s","firstName":"Lova","lastName":"Uppföljningsson","protectionLevel":"NONE"}
                """.formatted(TestPins.born(1948))));
        assertThat(registered.getStatus()).as(body(registered)).isEqualTo(201);
        UUID person = UUID.fromString(JsonPath.read(body(registered), "$.id"));
        UUID centrum = jdbc.sql("select id from unit where name = 'Myndighet Centrum'").query(UUID.class).single();
        UUID officer = jdbc.sql("select id from app_user where username = ?").param(DemoUsers.AUTHORISED).query(UUID.class).single();
        MockHttpServletResponse opened = lvs(post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).content("""
                {"personId":"%s","unitId":"%s","caseOfficerId":"%s","subject":"Ansökan om hemtjänst"}
                """.formatted(person, centrum, officer)));
        assertThat(opened.getStatus()).as(body(opened)).isEqualTo(201);
        return JsonPath.read(body(opened), "$.caseNumber");
    }

    private MockHttpServletResponse lvs(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(DemoUsers.SYSTEM_SUPPORT)))).andReturn().getResponse();
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
