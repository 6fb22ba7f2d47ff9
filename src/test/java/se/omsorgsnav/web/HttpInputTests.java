package se.omsorgsnav.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestPins;

/**
 * Bad input gets a clear Swedish message and a 4xx, never echoes what was sent, and leaves
 * nothing half-stored.
 */
@OmsorgsnavTest
class HttpInputTests {

    private static final String TEN_KB = "A".repeat(10_240);
    private static final List<String> ENGLISH = List.of("Failed to read", "Bad Request", "Internal Server Error", "Exception", "JSON parse");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"19420310-9148", "19420230-9147", "1942O310-9147", "", "   ", "12345", "19420310-91470"})
    @DisplayName("UX-1: an invalid personnummer in a lookup answers 400 in Swedish without echoing it")
    void invalidNumbers(String number) throws Exception {
        MockHttpServletResponse response = api(post("/api/v1/persons/lookup").contentType(MediaType.APPLICATION_JSON)
                .content("{\"personalIdentityNumber\":\"" + number + "\"}"), DemoUsers.AUTHORISED);
        assertSwedishProblem(response, 400);
        if (!number.isBlank()) {
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(number.strip());
        }
    }

    @Test
    @DisplayName("UX-1: 10 kB of digits as a personnummer answers 400 in Swedish")
    void hugeNumber() throws Exception {
        assertSwedishProblem(api(post("/api/v1/persons/lookup").contentType(MediaType.APPLICATION_JSON)
                .content("{\"personalIdentityNumber\":\"" + "1".repeat(10_240) + "\"}"), DemoUsers.AUTHORISED), 400);
    }

    static List<String> malformedBodies() {
        return List.of("{bad", "[]", "42", "null", "{\"personalIdentityNumber\": 123}", "{\"personalIdentityNumber\": [\"1942\"]}", "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    @DisplayName("UX-1: malformed or wrongly shaped JSON answers 400 in Swedish on every API POST")
    void malformedJson(String body) throws Exception {
        for (String path : List.of("/api/v1/persons/lookup", "/api/v1/persons", "/api/v1/cases")) {
            MockHttpServletResponse response = api(post(path).contentType(MediaType.APPLICATION_JSON).content(body), DemoUsers.SYSTEM_SUPPORT);
            assertSwedishProblem(response, 400);
        }
    }

    @Test
    @DisplayName("UX-1: a wrong content type answers 415 in Swedish")
    void wrongContentType() throws Exception {
        for (String path : List.of("/api/v1/persons/lookup", "/api/v1/persons", "/api/v1/cases")) {
            assertSwedishProblem(api(post(path).contentType(MediaType.TEXT_PLAIN).content(DemoUsers.PROTECTED_PIN), DemoUsers.SYSTEM_SUPPORT), 415);
            assertSwedishProblem(api(post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).content("a=b"), DemoUsers.SYSTEM_SUPPORT), 415);
        }
    }

    static List<String> badRegistrations() {
        String relative = TestPins.born(1967);
        return List.of(
                person("\"firstName\":\"" + TEN_KB + "\",\"lastName\":\"Tiokilosson\""),
                person("\"firstName\":\"Kon\\u0007troll\",\"lastName\":\"Teckensson\""),
                person("\"firstName\":\"Utan\""),
                person("\"firstName\":\"Fel\",\"lastName\":\"Nivåsson\",\"protectionLevel\":\"FOO\""),
                person("\"firstName\":\"Alias\",\"lastName\":\"Utanskyddsson\",\"fictitiousName\":\"Hemlig\""),
                person("\"firstName\":\"Noll\",\"lastName\":\"Relationsson\",\"relations\":[null]"),
                person("\"firstName\":\"Ogiltig\",\"lastName\":\"Anhörigsson\",\"relations\":[{\"kind\":\"RELATIVE\",\"personalIdentityNumber\":\"19710303-9881\",\"firstName\":\"A\",\"lastName\":\"B\"}]"),
                person("\"firstName\":\"Andra\",\"lastName\":\"Felsson\",\"relations\":[{\"kind\":\"RELATIVE\",\"personalIdentityNumber\":\"" + relative
                        + "\",\"firstName\":\"A\",\"lastName\":\"B\"},{\"kind\":\"RELATIVE\",\"personalIdentityNumber\":\"" + relative + "\",\"firstName\":\"A\",\"lastName\":\"B\"}]"),
                person("\"firstName\":\"Utan\",\"lastName\":\"Sortsson\",\"relations\":[{\"personalIdentityNumber\":\"" + relative + "\",\"firstName\":\"A\",\"lastName\":\"B\"}]"),
                "{\"personalIdentityNumber\":\"" + DemoUsers.ORDINARY_PIN + "\",\"firstName\":\"Dubbel\",\"lastName\":\"Registreringsson\"}");
    }

    private static String person(String fields) {
        return "{\"personalIdentityNumber\":\"" + TestPins.born(1952) + "\"," + fields + "}";
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("badRegistrations")
    @DisplayName("UX-1: an invalid registration answers 400 in Swedish and stores nothing, not even the valid parts")
    void invalidRegistrationStoresNothing(String body) throws Exception {
        long persons = count("person");
        long relations = count("person_relation");
        assertSwedishProblem(api(post("/api/v1/persons").contentType(MediaType.APPLICATION_JSON).content(body), DemoUsers.SYSTEM_SUPPORT), 400);
        assertThat(count("person")).isEqualTo(persons);
        assertThat(count("person_relation")).isEqualTo(relations);
    }

    @Test
    @DisplayName("UX-1: a case with missing or unknown parts answers 400 in Swedish and no case is created")
    void invalidCaseStoresNothing() throws Exception {
        UUID greta = personId(DemoUsers.ORDINARY_PIN);
        UUID unit = jdbc.sql("select id from unit where name = 'Myndighet Centrum'").query(UUID.class).single();
        UUID officer = jdbc.sql("select id from app_user where username = 'handlaggare'").query(UUID.class).single();
        long cases = count("care_case");
        for (String body : List.of(
                "{\"personId\":\"%s\",\"unitId\":\"%s\",\"caseOfficerId\":\"%s\"}".formatted(greta, unit, officer),
                "{\"personId\":\"%s\",\"unitId\":\"%s\",\"caseOfficerId\":\"%s\",\"subject\":\"Hemtjänst\"}".formatted(greta, UUID.randomUUID(), officer),
                "{\"personId\":\"%s\",\"unitId\":\"%s\",\"caseOfficerId\":\"%s\",\"subject\":\"Hemtjänst\"}".formatted(greta, unit, UUID.randomUUID()),
                "{\"personId\":\"%s\",\"unitId\":\"%s\",\"caseOfficerId\":\"%s\",\"subject\":\"%s\"}".formatted(greta, unit, officer, TEN_KB),
                "{\"personId\":\"not-a-uuid\",\"unitId\":\"%s\",\"caseOfficerId\":\"%s\",\"subject\":\"Hemtjänst\"}".formatted(unit, officer))) {
            assertSwedishProblem(api(post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).content(body), DemoUsers.AUTHORISED), 400);
        }
        assertThat(count("care_case")).isEqualTo(cases);
    }

    @Test
    @DisplayName("Input: HTML and script in every text field are stored as text and shown escaped")
    void markupIsEscaped() throws Exception {
        String script = "<script>alert(1)</script>";
        String image = "\\\"><img src=x onerror=alert(1)>";
        String pin = TestPins.born(1953);
        String body = """
                {"personalIdentityNumber":"%s","firstName":"%s","lastName":"%s","streetAddress":"%s","postalCode":"<b>","city":"%s","phone":"%s"}
                """.formatted(pin, script, image, script, image, script);
        MockHttpServletResponse created = api(post("/api/v1/persons").contentType(MediaType.APPLICATION_JSON).content(body), DemoUsers.SYSTEM_SUPPORT);
        assertThat(created.getStatus()).isEqualTo(201);
        UUID id = personId(pin);
        String page = mvc.perform(get("/persons/" + id).with(user(users.loadUserByUsername(DemoUsers.SYSTEM_SUPPORT))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert").doesNotContain("<img src=x");
    }

    @Test
    @DisplayName("UX-1: unknown ids and malformed addresses answer with a Swedish 4xx")
    void unknownAndMalformedIds() throws Exception {
        var caller = user(users.loadUserByUsername(DemoUsers.AUTHORISED));
        assertSwedishPage(mvc.perform(get("/persons/" + UUID.randomUUID()).with(caller)).andReturn().getResponse(), 403);
        assertSwedishPage(mvc.perform(get("/persons/inte-ett-id").with(caller)).andReturn().getResponse(), 400);
        assertSwedishPage(mvc.perform(get("/cases/skräp").with(caller)).andReturn().getResponse(), 400);
        assertSwedishPage(mvc.perform(get("/finns-inte").with(caller)).andReturn().getResponse(), 404);
        assertSwedishProblem(api(get("/api/v1/cases/skrap"), DemoUsers.AUTHORISED), 400);
        assertSwedishProblem(api(get("/api/v1/finns-inte"), DemoUsers.AUTHORISED), 404);
        assertSwedishProblem(api(post("/api/v1/persons/lookup").contentType(MediaType.APPLICATION_JSON)
                .content("{\"personalIdentityNumber\":\"" + TestPins.born(1954) + "\"}"), DemoUsers.AUTHORISED), 404);
    }

    @Test
    @DisplayName("UX-1: an invalid search in the browser answers 400 with the form and a Swedish error summary")
    void invalidPageSearch() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/persons/search").param("q", "19420310-9148").with(csrf())
                .with(user(users.loadUserByUsername(DemoUsers.AUTHORISED)))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("error-summary").contains("kontrollsiffran")
                .doesNotContain("19420310-9148\"");
    }

    private MockHttpServletResponse api(MockHttpServletRequestBuilder request, String username) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
    }

    private static void assertSwedishProblem(MockHttpServletResponse response, int status) throws Exception {
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(body).contains("\"detail\"").containsPattern("[åäöÅÄÖ]|Ange|Skicka|Kontrollera|saknas|finns|Felaktig");
        ENGLISH.forEach(word -> assertThat(body).doesNotContain(word));
    }

    private static void assertSwedishPage(MockHttpServletResponse response, int status) throws Exception {
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(body).contains("lang=\"sv\"").contains("<h1");
        ENGLISH.forEach(word -> assertThat(body).doesNotContain(word));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private UUID personId(String pin) {
        return jdbc.sql("select id from person where personal_identity_number = ?").param(pin.replace("-", "")).query(UUID.class).single();
    }
}
