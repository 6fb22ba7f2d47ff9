package se.omsorgsnav.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
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
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;
import se.omsorgsnav.support.TestPins;

/**
 * PROT-11 through the user's path: LVS registers a protected person with a relative and opens her
 * case, her officer (authorised by LVS) closes it, and a colleague without authorisation finds her
 * locked — until LVS records her death from Skatteverket's notice. Then, and only then, the
 * protection ends for her and for the relative she alone locked.
 */
@OmsorgsnavTest
class DeathEndsProtectionTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    @Test
    @DisplayName("PROT-11: a protected person's closed case keeps her locked; a death date not yet reached is refused; her recorded death ends the protection for her and her relative")
    void protectionEndsOnlyAtDeath() throws Exception {
        String pin = TestPins.born(1947);
        String relativePin = TestPins.born(1947);
        MockHttpServletResponse registered = lvs(post("/api/v1/persons").contentType(MediaType.APPLICATION_JSON).content("""
                {"personalIdentityNumber":"%s","firstName":"Dagny","lastName":"Dödsskyddsdotter","protectionLevel":"PROTECTED_REGISTRATION",
                 "relations":[{"kind":"RELATIVE","personalIdentityNumber":"%s","firstName":"Ragnar","lastName":"Dödsskyddsdotter"}]}
                """.formatted(pin, relativePin)));
        assertThat(registered.getStatus()).as(body(registered)).isEqualTo(201);
        UUID dagny = UUID.fromString(JsonPath.read(body(registered), "$.id"));
        UUID ragnar = jdbc.sql("select id from person where personal_identity_number = ?").param(relativePin).query(UUID.class).single();

        UUID centrum = jdbc.sql("select id from unit where name = 'Myndighet Centrum'").query(UUID.class).single();
        UUID officer = jdbc.sql("select id from app_user where username = ?").param(DemoUsers.AUTHORISED).query(UUID.class).single();
        MockHttpServletResponse opened = lvs(post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).content("""
                {"personId":"%s","unitId":"%s","caseOfficerId":"%s","subject":"Ansökan om hemtjänst"}
                """.formatted(dagny, centrum, officer)));
        assertThat(opened.getStatus()).as(body(opened)).isEqualTo(201);
        String caseNumber = JsonPath.read(body(opened), "$.caseNumber");
        assertThat(lvs(post("/api/v1/cases/" + caseNumber + "/authorizations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"%s\",\"validFrom\":\"%s\",\"validTo\":\"%s\"}".formatted(DemoUsers.AUTHORISED, TestClock.TODAY,
                        TestClock.TODAY.plusMonths(6)))).getStatus()).isEqualTo(201);
        // Her officer closes the case, confirming with the password as the API's step-up (PROT-10).
        assertThat(mvc.perform(post("/api/v1/cases/" + caseNumber + "/closure").with(httpBasic(DemoUsers.AUTHORISED, DemoUsers.PASSWORD)))
                .andReturn().getResponse().getStatus()).isEqualTo(204);

        assertLocked(dagny, ragnar, pin, "with her only case closed");
        MockHttpServletResponse tomorrow = lvs(post("/api/v1/persons/" + dagny + "/death").contentType(MediaType.APPLICATION_JSON)
                .content("{\"dateOfDeath\":\"%s\"}".formatted(TestClock.TODAY.plusDays(1))));
        assertThat(tomorrow.getStatus()).isEqualTo(400);
        assertLocked(dagny, ragnar, pin, "after a death date in the future was refused");

        assertThat(lvs(post("/api/v1/persons/" + dagny + "/death").contentType(MediaType.APPLICATION_JSON)
                .content("{\"dateOfDeath\":\"%s\"}".formatted(TestClock.TODAY.minusDays(1)))).getStatus()).isEqualTo(204);

        MockHttpServletResponse page = colleague(get("/persons/" + dagny));
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(body(page)).contains("Dagny").doesNotContain("banner-protected");
        assertThat(colleague(get("/persons/" + ragnar)).getStatus()).as("the relative she alone locked").isEqualTo(200);
        assertThat(body(lookup(pin))).contains("Dagny").contains("\"masked\":false");
    }

    private void assertLocked(UUID dagny, UUID ragnar, String pin, String when) throws Exception {
        MockHttpServletResponse denied = colleague(get("/persons/" + dagny));
        assertThat(denied.getStatus()).as(when).isEqualTo(403);
        assertThat(body(denied)).doesNotContain("Dagny");
        assertThat(colleague(get("/persons/" + ragnar)).getStatus()).as("her relative, " + when).isEqualTo(403);
        assertThat(body(lookup(pin))).as(when).contains("\"masked\":true").doesNotContain("Dagny");
    }

    private MockHttpServletResponse lookup(String pin) throws Exception {
        return colleague(post("/api/v1/persons/lookup").contentType(MediaType.APPLICATION_JSON)
                .content("{\"personalIdentityNumber\":\"" + pin + "\"}"));
    }

    private MockHttpServletResponse lvs(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(DemoUsers.SYSTEM_SUPPORT)))).andReturn().getResponse();
    }

    /** A case officer of another unit, without any authorisation. */
    private MockHttpServletResponse colleague(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(DemoUsers.UNAUTHORISED)))).andReturn().getResponse();
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
