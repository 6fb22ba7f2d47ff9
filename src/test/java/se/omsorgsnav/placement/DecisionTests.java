package se.omsorgsnav.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;
import se.omsorgsnav.support.TestData;

/** The decision for a nursing-home place and the housing queue (PLC-1, PLC-2). */
@OmsorgsnavTest
class DecisionTests {

    private static int serial;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired UserDetailsService users;

    private MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** A person of no protection with an open case at the case officer's unit. */
    private String freshCase(String lastName, String protection) {
        TestData.Person person = data.person().named("Beslutsperson", lastName).protectedBy(protection).born(1933).create();
        return data.caseFor(person).subject("Ansökan om vård- och omsorgsboende").openedOn(TestClock.TODAY.minusDays(30)).create().number();
    }

    private MockHttpServletResponse sign(String officer, String caseNumber, String decidedOn) throws Exception {
        return as(officer, post("/api/v1/placement/decisions").contentType(MediaType.APPLICATION_JSON).content("""
                {"caseNumber":"%s","careProfile":"DEMENTIA","decidedOn":"%s","currentResidence":"SHORT_STAY","coResident":true,
                 "wishes":"Solgården, nära dottern","specialReasons":"Demens, maken flyttar med","relativeContact":"Dottern Lena"}
                """.formatted(caseNumber, decidedOn)));
    }

    @Test
    @DisplayName("PLC-1, PLC-2, MSG-4: a signed decision reaches BOSAM as a structured message and waits in the queue with its waiting days")
    void signedDecisionReachesBosamAndTheQueue() throws Exception {
        String lastName = "Kösson" + serial;
        String caseNumber = freshCase(lastName, "NONE");
        MockHttpServletResponse signed = sign("handlaggare", caseNumber, "2026-11-01");
        assertThat(signed.getStatus()).as(body(signed)).isEqualTo(201);
        UUID decision = UUID.fromString(JsonPath.read(body(signed), "$.id"));
        UUID message = jdbc.sql("select message_id from placement_decision where id = ?").param(decision).query(UUID.class).single();
        assertThat(jdbc.sql("select type from message where id = ?").param(message).query(String.class).single()).isEqualTo("PLACEMENT_DECISION");
        assertThat(jdbc.sql("select u.username from message_delivery d join app_user u on u.id = d.user_id where d.message_id = ?").param(message)
                .query(String.class).list()).contains("boendesamordnare", "boendesamordnare2");

        String queue = body(as("boendesamordnare", get("/api/v1/placement/queue")));
        List<Integer> waiting = JsonPath.read(queue, "$[?(@.caseNumber == '" + caseNumber + "')].waitingDays");
        assertThat(waiting).containsExactly(17);
        assertThat(queue).contains(lastName).contains("Solgården, nära dottern");
        assertThat(body(as("assistent", get("/placement/queue")))).contains(caseNumber).contains("17 dagar");

        MockHttpServletResponse twice = sign("handlaggare", caseNumber, "2026-11-02");
        assertThat(twice.getStatus()).isEqualTo(400);
        assertThat(body(twice)).contains("redan ett beslut");
    }

    @Test
    @DisplayName("PLC-11, PROT-3: a protected person's decision is signed only by an authorised officer, and waits in the queue masked, wishes withheld")
    void protectedPersonInTheQueue() throws Exception {
        String lastName = "Skyddsson" + serial;
        String caseNumber = freshCase(lastName, "PROTECTED_REGISTRATION");
        MockHttpServletResponse denied = sign("handlaggare2", caseNumber, "2026-11-10");
        assertThat(denied.getStatus()).isEqualTo(403);
        assertThat(body(denied)).contains("Behörighet saknas").doesNotContain(lastName);
        assertThat(jdbc.sql("select count(*) from placement_decision d join care_case c on c.id = d.case_id where c.case_number = ?")
                .param(caseNumber).query(Long.class).single()).isZero();

        // As if an authorised officer had signed it: the queue is what is tested here.
        data.decision(caseNumber).wishes("Nära Ekvägen", "Hot från tidigare partner", "Sonen Olle").decidedOn(TestClock.TODAY.minusDays(8))
                .create();
        String queue = body(as("boendesamordnare", get("/api/v1/placement/queue")));
        assertThat(queue).contains(caseNumber).contains("1933XXXX-XXXX").doesNotContain(lastName).doesNotContain("Nära Ekvägen")
                .doesNotContain("Sonen Olle");
        assertThat(JsonPath.<List<Boolean>>read(queue, "$[?(@.caseNumber == '" + caseNumber + "')].withheld")).containsExactly(true);
        String page = body(as("boendesamordnare", get("/placement/queue")));
        assertThat(page).contains(caseNumber).doesNotContain(lastName).doesNotContain("Nära Ekvägen");
    }

    @Test
    @DisplayName("PLC-1, PLC-2: only case officers sign and only the placement team reads the queue; bad input is a Swedish 400")
    void rolesAndInput() throws Exception {
        assertThat(sign("boendesamordnare", freshCase("Rollsson", "NONE"), "2026-11-01").getStatus()).isEqualTo(403);
        assertThat(as("handlaggare", get("/api/v1/placement/queue")).getStatus()).isEqualTo(403);
        MockHttpServletResponse future = sign("handlaggare", freshCase("Framtidsson", "NONE"), "2026-12-24");
        assertThat(future.getStatus()).isEqualTo(400);
        assertThat(body(future)).contains("framtiden");
        MockHttpServletResponse noProfile = as("handlaggare", post("/api/v1/placement/decisions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"caseNumber\":\"" + freshCase("Profilsson", "NONE") + "\",\"decidedOn\":\"2026-11-01\",\"currentResidence\":\"HOSPITAL\"}"));
        assertThat(noProfile.getStatus()).isEqualTo(400);
        assertThat(body(noProfile)).contains("inriktning");
    }
}
