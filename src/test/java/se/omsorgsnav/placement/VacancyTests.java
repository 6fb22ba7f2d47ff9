package se.omsorgsnav.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import se.omsorgsnav.support.OmsorgsnavTest;

/** The nursing home's apartments and vacancy reports (PLC-3), through the API and the page. */
@OmsorgsnavTest
class VacancyTests {

    static final String HOME_MANAGER = "chef-solgarden";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    private MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private UUID apartment(String number) throws Exception {
        MockHttpServletResponse added = as(HOME_MANAGER, post("/api/v1/placement/apartments").contentType(MediaType.APPLICATION_JSON)
                .content("{\"number\":\"%s\",\"careProfile\":\"DEMENTIA\",\"remarks\":\"Litet badrum\",\"monthlyRent\":\"6 500\"}".formatted(number)));
        assertThat(added.getStatus()).as(body(added)).isEqualTo(201);
        return UUID.fromString(JsonPath.read(body(added), "$.id"));
    }

    private static String unique() {
        return "T" + UUID.randomUUID().toString().substring(0, 6);
    }

    private String caseOf(String firstName) {
        return jdbc.sql("""
                select c.case_number from care_case c join person p on p.id = c.person_id
                where p.first_name = ? and c.status = 'OPEN' order by c.case_number limit 1
                """).param(firstName).query(String.class).single();
    }

    private MockHttpServletResponse report(UUID apartment, String reason, String eventDate, String readyOn, String caseNumber) throws Exception {
        return as(HOME_MANAGER, post("/api/v1/placement/vacancies").contentType(MediaType.APPLICATION_JSON).content("""
                {"apartmentId":"%s","reason":"%s","eventDate":"%s","readyOn":"%s","caseNumber":%s}
                """.formatted(apartment, reason, eventDate, readyOn, caseNumber == null ? "null" : "\"" + caseNumber + "\"")));
    }

    @Test
    @DisplayName("PLC-3: the home's unit manager keeps its apartments; a number twice is refused; nobody else may")
    void unitManagerKeepsApartments() throws Exception {
        String number = unique();
        apartment(number);
        String list = body(as(HOME_MANAGER, get("/api/v1/placement/apartments")));
        assertThat(JsonPath.<List<String>>read(list, "$[*].number")).contains(number, "11", "14");
        assertThat(JsonPath.<List<Object>>read(list, "$[?(@.number == '" + number + "')].monthlyRent").get(0).toString()).startsWith("6500");

        MockHttpServletResponse twice = as(HOME_MANAGER, post("/api/v1/placement/apartments").contentType(MediaType.APPLICATION_JSON)
                .content("{\"number\":\"%s\",\"careProfile\":\"SOMATIC\"}".formatted(number)));
        assertThat(twice.getStatus()).isEqualTo(400);
        assertThat(body(twice)).contains("redan en lägenhet");
        for (String other : List.of("enhetschef", "assistent", "boendesamordnare")) {
            MockHttpServletResponse denied = as(other, get("/api/v1/placement/apartments"));
            assertThat(denied.getStatus()).as(other).isEqualTo(403);
            assertThat(body(denied)).contains("Behörighet saknas");
        }
    }

    @Test
    @DisplayName("Versions: a change made from an old version is refused, so two managers never overwrite each other unseen")
    void optimisticLocking() throws Exception {
        UUID id = apartment(unique());
        String change = "{\"number\":\"%s\",\"careProfile\":\"SOMATIC\",\"remarks\":\"Nytt golv\",\"version\":0}".formatted(unique());
        assertThat(as(HOME_MANAGER, put("/api/v1/placement/apartments/" + id).contentType(MediaType.APPLICATION_JSON).content(change)).getStatus())
                .isEqualTo(204);
        MockHttpServletResponse stale = as(HOME_MANAGER, put("/api/v1/placement/apartments/" + id).contentType(MediaType.APPLICATION_JSON)
                .content(change.replace("Nytt golv", "Annat")));
        assertThat(stale.getStatus()).isEqualTo(400);
        assertThat(body(stale)).contains("ändrats av någon annan");
        assertThat(jdbc.sql("select remarks from apartment where id = ?").param(id).query(String.class).single()).isEqualTo("Nytt golv");
    }

    @Test
    @DisplayName("PLC-3, MSG-3, MSG-4: a death report becomes the death/move-out message to BOSAM, both coordinators and the fee officers, with the apartment's facts")
    void deathReportSendsTheMessage() throws Exception {
        String number = unique();
        UUID apartment = apartment(number);
        // TestClock: Wednesday 18 November 2026. A death on Tuesday 17 is due today: on time.
        MockHttpServletResponse reported = report(apartment, "DEATH", "2026-11-17", "2026-12-01", caseOf("Greta"));
        assertThat(reported.getStatus()).as(body(reported)).isEqualTo(201);
        UUID vacancy = UUID.fromString(JsonPath.read(body(reported), "$.id"));
        Map<String, Object> row = jdbc.sql("select message_id, late, due_on, due_rule from vacancy where id = ?").param(vacancy).query().singleRow();
        assertThat(row.get("late")).isEqualTo(false);
        assertThat(row.get("due_on").toString()).isEqualTo("2026-11-18");
        assertThat((String) row.get("due_rule")).contains("nästkommande arbetsdag");
        UUID message = (UUID) row.get("message_id");
        assertThat(jdbc.sql("select type from message where id = ?").param(message).query(String.class).single()).isEqualTo("DEATH_OR_MOVE_OUT");
        assertThat(jdbc.sql("select u.username from message_delivery d join app_user u on u.id = d.user_id where d.message_id = ?").param(message)
                .query(String.class).list()).contains("boendesamordnare", "boendesamordnare2", "avgift");
        Map<String, String> fields = new java.util.HashMap<>();
        jdbc.sql("select name, field_value from message_field where message_id = ?").param(message)
                .query((rs, n) -> fields.put(rs.getString(1), rs.getString(2))).list();
        assertThat(fields).containsEntry("apartment", number).containsEntry("careProfile", "DEMENTIA").containsEntry("reason", "DEATH")
                .containsEntry("availableFrom", "2026-12-01").containsEntry("apartmentRemarks", "Litet badrum")
                .containsEntry("facility", "Solgårdens vård- och omsorgsboende");
        assertThat(body(as(HOME_MANAGER, get("/api/v1/placement/apartments")))).contains("2026-12-01");
    }

    @Test
    @DisplayName("PLC-3, PLC-13: a death reported after the next working day is marked late, across a weekend")
    void lateDeathReport() throws Exception {
        UUID apartment = apartment(unique());
        // Friday 13 November: the next working day is Monday 16; reported Wednesday 18, late.
        MockHttpServletResponse reported = report(apartment, "DEATH", "2026-11-13", "2026-11-30", caseOf("Greta"));
        assertThat(reported.getStatus()).isEqualTo(201);
        UUID vacancy = UUID.fromString(JsonPath.read(body(reported), "$.id"));
        assertThat(jdbc.sql("select late from vacancy where id = ?").param(vacancy).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select due_on from vacancy where id = ?").param(vacancy).query(String.class).single()).startsWith("2026-11-16");
        String page = body(as(HOME_MANAGER, get("/placement/home")));
        assertThat(page).contains("Sen rapport").contains("senast 2026-11-16");
    }

    @Test
    @DisplayName("PLC-3: a renovation goes to BOSAM without a person; bad dates are refused with nothing stored")
    void renovationAndBadInput() throws Exception {
        UUID apartment = apartment(unique());
        MockHttpServletResponse renovation = report(apartment, "RENOVATION", "2026-11-20", "2026-12-15", null);
        assertThat(renovation.getStatus()).as(body(renovation)).isEqualTo(201);
        long vacancies = jdbc.sql("select count(*) from vacancy").query(Long.class).single();
        long messages = jdbc.sql("select count(*) from message").query(Long.class).single();
        MockHttpServletResponse backwards = report(apartment, "MOVE_OUT", "2026-11-20", "2026-11-10", caseOf("Greta"));
        assertThat(backwards.getStatus()).isEqualTo(400);
        assertThat(body(backwards)).contains("före det datum den blir ledig");
        MockHttpServletResponse noCase = report(apartment, "DEATH", "2026-11-17", "2026-12-01", null);
        assertThat(noCase.getStatus()).isEqualTo(400);
        assertThat(body(noCase)).contains("ärendenummer");
        MockHttpServletResponse future = report(apartment, "DEATH", "2026-11-25", "2026-12-01", caseOf("Greta"));
        assertThat(future.getStatus()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from vacancy").query(Long.class).single()).isEqualTo(vacancies);
        assertThat(jdbc.sql("select count(*) from message").query(Long.class).single()).isEqualTo(messages);
    }

    @Test
    @DisplayName("PLC-3, UX-2: the home's page lists the apartments and takes a report in the browser")
    void homePage() throws Exception {
        String page = body(as(HOME_MANAGER, get("/placement/home")));
        assertThat(page).contains("Boendets lägenheter").contains("Litet badrum").contains("Rapportera ledig lägenhet");
        UUID apartment = apartment(unique());
        MockHttpServletResponse sent = as(HOME_MANAGER, post("/placement/vacancies").with(csrf()).param("apartmentId", apartment.toString())
                .param("reason", "MOVE_OUT").param("eventDate", "2026-11-30").param("readyOn", "2026-12-07").param("caseNumber", caseOf("Greta")));
        assertThat(sent.getStatus()).isEqualTo(302);
        assertThat(body(as(HOME_MANAGER, get("/")))).contains("Boendets lägenheter och lediga lägenheter");
        assertThat(as("enhetschef", get("/placement/home")).getStatus()).isEqualTo(403);
    }
}
