package se.omsorgsnav.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/**
 * UX-2: every role's start page is its own work list — its unread messages and the lists its work
 * needs — and none is a placeholder. The fee officers' and the alarm operators' lists are filled
 * by what reaches them through the messages, so the test sends what they work on and sees it land.
 */
@OmsorgsnavTest
class StartPageWorkListTests {

    /** Each demo user and the work-list headings their role's start page must have besides the messages. */
    private static final Map<String, List<String>> WORK_LISTS = Map.ofEntries(
            Map.entry("handlaggare", List.of("Mina ärenden", "Enhetens öppna ärenden")),
            Map.entry("handlaggare2", List.of("Mina ärenden", "Enhetens öppna ärenden")),
            Map.entry("forste", List.of("Mina ärenden", "Enhetens öppna ärenden")),
            Map.entry("enhetschef", List.of("Uppföljningar", "Behörighetsbeställningar", "Loggranskning")),
            Map.entry("chef-solgarden", List.of("Uppföljningar", "Bostadskö och lediga lägenheter")),
            Map.entry("boendesamordnare", List.of("Bostadskö och lediga lägenheter")),
            Map.entry("boendesamordnare2", List.of("Bostadskö och lediga lägenheter")),
            Map.entry("assistent", List.of("Enhetens öppna ärenden")),
            Map.entry("verksamhetsledare", List.of("Enhetens öppna ärenden")),
            Map.entry("avgift", List.of("Att hantera i avgiftshandläggningen")),
            Map.entry("planerare", List.of("Enhetens öppna ärenden")),
            Map.entry("larm", List.of("Uppdrag till Trygghetsjouren")),
            Map.entry("lvs", List.of("Behörighetsbeställningar")),
            Map.entry("sas", List.of("Enhetens öppna ärenden")));

    private static final List<String> PLACEHOLDERS = List.of("kommer här", "kommer i en senare", "kommer snart", "senare version",
            "platshållare", "lorem ipsum", "class=\"later\"");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    @Test
    @DisplayName("UX-2: every role's start page shows its unread messages and its own work lists, and no placeholder")
    void everyRoleStartsOnItsWorkList() throws Exception {
        for (var role : WORK_LISTS.entrySet()) {
            String page = startPage(role.getKey());
            String text = page.toLowerCase(Locale.ROOT);
            for (String placeholder : PLACEHOLDERS) {
                assertThat(text).as("%s's start page holds \"%s\"", role.getKey(), placeholder).doesNotContain(placeholder);
            }
            assertThat(page).as(role.getKey()).contains(">Meddelanden</h2>").containsPattern("\\d+ olästa? meddelanden?")
                    .contains("href=\"/messages\"");
            for (String heading : role.getValue()) {
                assertThat(page).as("%s's start page lists \"%s\"", role.getKey(), heading).containsPattern("<h2 [^>]*>" + heading + "</h2>");
            }
        }
    }

    @Test
    @DisplayName("UX-2: fee information sent to the fee officers lands on their start page's work list, and leaves it once read")
    void feeOfficersWorkListHoldsTheirUnreadFeeMessages() throws Exception {
        String subject = "Ny hyra " + UUID.randomUUID().toString().substring(0, 8);
        String id = send("boendesamordnare", """
                {"idempotencyKey":"%s","type":"FEE_INFORMATION","subject":"%s","caseNumber":"%s",
                 "fields":{"feeMatter":"Ny hyra","effectiveFrom":"2027-01-01"},"recipientGroups":["%s"]}
                """.formatted(key(), subject, gretasCase(), systemGroup("Avgiftshandläggare")));
        assertThat(section(startPage("avgift"), "avgift")).contains(subject).contains("Avgiftsinformation")
                .doesNotContain("Inget oläst att hantera.");
        assertThat(section(startPage("boendesamordnare"), "avgift")).as("not the coordinator's list").isEmpty();

        assertThat(as("avgift", post("/api/v1/messages/" + id + "/read")).getStatus()).isEqualTo(204);
        assertThat(section(startPage("avgift"), "avgift")).doesNotContain(subject);
    }

    @Test
    @DisplayName("UX-2: a message to Trygghetsjouren uppdragsmottagare lands on the alarm operator's assignments; one sent to her alone does not")
    void alarmOperatorsAssignmentsAreTheGroupsMessages() throws Exception {
        String assignment = "Larmuppdrag " + UUID.randomUUID().toString().substring(0, 8);
        String personal = "Personligt " + UUID.randomUUID().toString().substring(0, 8);
        send(DemoUsers.AUTHORISED, """
                {"idempotencyKey":"%s","type":"FREE_TEXT","subject":"%s","body":"Installera trygghetslarm","caseNumber":"%s","recipientGroups":["%s"]}
                """.formatted(key(), assignment, gretasCase(), systemGroup("Trygghetsjouren uppdragsmottagare")));
        send(DemoUsers.AUTHORISED, """
                {"idempotencyKey":"%s","type":"FREE_TEXT","subject":"%s","body":"Hej","recipientUsers":["larm"]}
                """.formatted(key(), personal));
        String assignments = section(startPage("larm"), "uppdrag");
        assertThat(assignments).contains(assignment).doesNotContain(personal).doesNotContain("Inga olästa uppdrag.");
    }

    /** The start page's section with the given heading id; empty when the page has none. */
    private static String section(String page, String headingId) {
        int heading = page.indexOf("id=\"" + headingId + "\"");
        if (heading < 0) {
            return "";
        }
        return page.substring(page.lastIndexOf("<section", heading), page.indexOf("</section>", heading));
    }

    private String startPage(String username) throws Exception {
        MockHttpServletResponse start = as(username, get("/"));
        assertThat(start.getStatus()).as(username).isEqualTo(200);
        return start.getContentAsString(StandardCharsets.UTF_8);
    }

    private String send(String username, String json) throws Exception {
        MockHttpServletResponse sent = as(username, post("/api/v1/messages").contentType(MediaType.APPLICATION_JSON).content(json));
        assertThat(sent.getStatus()).as(sent.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        return JsonPath.read(sent.getContentAsString(StandardCharsets.UTF_8), "$.id");
    }

    private String gretasCase() {
        return jdbc.sql("""
                select c.case_number from care_case c join person p on p.id = c.person_id
                where p.personal_identity_number = ? order by c.case_number limit 1
                """).param(DemoUsers.ORDINARY_PIN.replace("-", "")).query(String.class).single();
    }

    private UUID systemGroup(String name) {
        return jdbc.sql("select id from message_group where kind = 'SYSTEM' and name = ?").param(name).query(UUID.class).single();
    }

    private static String key() {
        return "start-" + UUID.randomUUID();
    }

    private MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
    }
}
