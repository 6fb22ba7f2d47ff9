package se.omsorgsnav.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;
import se.omsorgsnav.support.TestPins;

/**
 * PROT-7 with every check filled in: a protected person with a relative, a case at the elderly-care
 * authority and another at the disability administration (the demo's "Funktionsstöd Myndighet",
 * Förvaltningen för funktionsstöd), and a colleague already authorised. All of it is made through
 * the API, as LVS and the staff make it; LVS then opens the grant page and sees, before deciding,
 * who has access, that the case is also handled in another administration, and who else locks.
 */
@OmsorgsnavTest
class PreGrantCheckTests {

    private static final String ELDERLY_CARE = "Äldre samt vård- och omsorgsförvaltningen";
    private static final String DISABILITY = "Förvaltningen för funktionsstöd";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired PasswordEncoder passwords;

    @Test
    @DisplayName("PROT-7: before granting, LVS sees who has access, that the case is also handled in another administration, and which linked persons lock")
    void preChecksShowAccessOtherAdministrationAndLinkedPersons() throws Exception {
        String relativePin = TestPins.born(1946);
        UUID vera = registerProtected("Vera", relativePin);
        String elderlyCase = openCase(vera, "Myndighet Centrum", officerIn("Myndighet Centrum"));
        String disabilityCase = openCase(vera, "Funktionsstöd Myndighet", officerIn("Funktionsstöd Myndighet"));
        MockHttpServletResponse granted = as(DemoUsers.SYSTEM_SUPPORT, post("/api/v1/cases/" + elderlyCase + "/authorizations")
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"%s\",\"validFrom\":\"%s\",\"validTo\":\"%s\"}"
                        .formatted(DemoUsers.AUTHORISED, TestClock.TODAY, TestClock.TODAY.plusMonths(6))));
        assertThat(granted.getStatus()).as(granted.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);

        String checks = preChecks(elderlyCase);
        assertThat(section(checks, "Har redan behörighet till ärendet")).contains("Anna Lindqvist").doesNotContain("Ingen.");
        assertThat(section(checks, "Ärenden i andra förvaltningar")).contains(DISABILITY).doesNotContain("Inga. Ärendet hanteras bara här.")
                .doesNotContain(ELDERLY_CARE);
        assertThat(section(checks, "Kopplade personer som också låses")).contains(relativePin.substring(0, 4) + "XXXX-XXXX")
                .doesNotContain("Rakel");
        assertThat(checks).doesNotContain("Vera").doesNotContain("Kontrollsson");

        // From the other side, the elderly-care authority is the other administration.
        assertThat(section(preChecks(disabilityCase), "Ärenden i andra förvaltningar")).contains(ELDERLY_CARE).doesNotContain(DISABILITY);
    }

    @Test
    @DisplayName("PROT-7: a protected person whose cases are all in one administration is said to be handled only there")
    void oneAdministrationOnly() throws Exception {
        UUID vilma = registerProtected("Vilma", TestPins.born(1946));
        String only = openCase(vilma, "Myndighet Centrum", officerIn("Myndighet Centrum"));
        openCase(vilma, "Myndighet Norr", officerIn("Myndighet Norr"));
        assertThat(section(preChecks(only), "Ärenden i andra förvaltningar")).contains("Inga. Ärendet hanteras bara här.")
                .doesNotContain(DISABILITY);
    }

    /** LVS's grant page without an order, down to the end of its checks. */
    private String preChecks(String caseNumber) throws Exception {
        MockHttpServletResponse page = as(DemoUsers.SYSTEM_SUPPORT, get("/cases/" + caseNumber + "/authorizations/new"));
        assertThat(page.getStatus()).isEqualTo(200);
        String body = page.getContentAsString(StandardCharsets.UTF_8);
        int start = body.indexOf("<section aria-labelledby=\"prechecks\"");
        assertThat(start).as("the pre-checks section").isNotNegative();
        return body.substring(start, body.indexOf("</section>", start));
    }

    /** The text under one heading of the checks, up to the next heading. */
    private static String section(String checks, String heading) {
        int start = checks.indexOf(">" + heading + "</h3>");
        assertThat(start).as(heading).isNotNegative();
        int next = checks.indexOf("<h3", start);
        return checks.substring(start, next < 0 ? checks.length() : next);
    }

    private UUID registerProtected(String firstName, String relativePin) throws Exception {
        String pin = TestPins.born(1945);
        MockHttpServletResponse registered = as(DemoUsers.SYSTEM_SUPPORT, post("/api/v1/persons").contentType(MediaType.APPLICATION_JSON).content("""
                {"personalIdentityNumber":"%s","firstName":"%s","lastName":"Kontrollsson","protectionLevel":"PROTECTED_REGISTRATION",
                 "relations":[{"kind":"RELATIVE","personalIdentityNumber":"%s","firstName":"Rakel","lastName":"Kontrollsson"}]}
                """.formatted(pin, firstName, relativePin)));
        assertThat(registered.getStatus()).as(registered.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        return UUID.fromString(JsonPath.read(registered.getContentAsString(StandardCharsets.UTF_8), "$.id"));
    }

    private String openCase(UUID person, String unitName, UUID officer) throws Exception {
        UUID unit = jdbc.sql("select id from unit where name = ?").param(unitName).query(UUID.class).single();
        MockHttpServletResponse opened = as(DemoUsers.SYSTEM_SUPPORT, post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).content("""
                {"personId":"%s","unitId":"%s","caseOfficerId":"%s","subject":"Ansökan om stöd"}
                """.formatted(person, unit, officer)));
        assertThat(opened.getStatus()).as(opened.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        return JsonPath.read(opened.getContentAsString(StandardCharsets.UTF_8), "$.caseNumber");
    }

    /** A case officer of this test's own in the unit (the disability administration has no demo staff). */
    private UUID officerIn(String unitName) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into app_user (id, username, full_name, email, password_hash, role, unit_id, grant_right, enabled)
                values (?, ?, 'Fia Förvaltning', 'fia@demo.omsorgsnav.invalid', ?, 'CASE_OFFICER', (select id from unit where name = ?), false, true)
                """).params(id, "forvaltning-" + UUID.randomUUID().toString().substring(0, 8), passwords.encode(DemoUsers.PASSWORD), unitName).update();
        return id;
    }

    private MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
    }
}
