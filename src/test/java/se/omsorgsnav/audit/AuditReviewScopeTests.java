package se.omsorgsnav.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * AUD-3 and AUD-4 through the user's path: staff open persons' pages over HTTP, which writes the
 * audit events, and a unit manager opens a log review over the API, scoped by person, by unit or
 * by user. Persons are registered through the API as LVS does; the staff are new users of this
 * test, so the scopes hold only what the test did (and, for a unit, what it allows for).
 */
@OmsorgsnavTest
class AuditReviewScopeTests {


    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired PasswordEncoder passwords;

    @Test
    @DisplayName("AUD-3: a review scoped to a person holds every user's accesses to her and nobody else's persons")
    void reviewByPerson() throws Exception {
        String first = staff("Myndighet Centrum");
        String second = staff("Myndighet Norr");
        UUID reviewed = registerPerson("Pia");
        UUID other = registerPerson("Per");
        open(first, reviewed);
        open(second, reviewed);
        open(first, other);

        // Every event on her that day and no other: counted before the review's own reading writes more.
        long onHer = jdbc.sql("""
                select count(*) from audit_event where person_id = ? and actor_user_id is not null and occurred_at >= ? and occurred_at < ?
                """).params(reviewed, TestClock.TODAY.atStartOfDay(TestClock.ZONE).toOffsetDateTime(),
                TestClock.TODAY.plusDays(1).atStartOfDay(TestClock.ZONE).toOffsetDateTime()).query(Long.class).single();

        String review = openReview("{\"person\":\"%s\",\"from\":\"%s\",\"to\":\"%s\",\"sampleSize\":200}".formatted(reviewed, TestClock.TODAY,
                TestClock.TODAY));
        List<String> persons = JsonPath.read(review, "$.items[*].personId");
        assertThat(persons).isNotEmpty().allMatch(reviewed.toString()::equals);
        List<String> usernames = JsonPath.read(review, "$.items[*].username");
        assertThat(usernames).contains(first, second);
        int inScope = JsonPath.read(review, "$.summary.eventsInScope");
        assertThat((long) inScope).isEqualTo(onHer);
    }

    @Test
    @DisplayName("AUD-3: a review scoped to a unit holds the accesses of that unit's staff only, not those of another unit on the same persons")
    void reviewByUnit() throws Exception {
        String inUnit = staff("Funktionsstöd Myndighet");
        String outside = staff("Myndighet Norr");
        UUID person = registerPerson("Ulla");
        open(inUnit, person);
        open(outside, person);
        UUID unit = jdbc.sql("select id from unit where name = 'Funktionsstöd Myndighet'").query(UUID.class).single();

        String review = openReview("{\"unit\":\"%s\",\"from\":\"%s\",\"to\":\"%s\",\"sampleSize\":200}".formatted(unit, TestClock.TODAY,
                TestClock.TODAY));
        List<String> units = JsonPath.read(review, "$.items[*].unitId");
        assertThat(units).isNotEmpty().allMatch(unit.toString()::equals);
        List<String> usernames = JsonPath.read(review, "$.items[*].username");
        assertThat(usernames).contains(inUnit).doesNotContain(outside);
    }

    @Test
    @DisplayName("AUD-4: a user who opens sixteen persons within minutes is flagged \"many persons in a short time\" in a real review; fifteen are not")
    void manyPersonsInAShortTime() throws Exception {
        String hurried = staff("Myndighet Centrum");
        String within = staff("Myndighet Centrum");
        List<UUID> persons = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            persons.add(registerPerson("Snabb"));
        }
        // The clock stands still: sixteen persons opened at one instant are inside any window.
        for (UUID p : persons) {
            open(hurried, p);
        }
        for (UUID p : persons.subList(0, 15)) {
            open(within, p);
        }

        String flagged = openReview(byUser(hurried));
        List<List<String>> reasons = JsonPath.read(flagged, "$.items[*].reasons");
        assertThat(reasons).hasSize(16).allMatch(r -> r.contains("MANY_PERSONS"));
        Map<String, Integer> counts = JsonPath.read(flagged, "$.counts");
        assertThat(counts.get("MANY_PERSONS")).isEqualTo(16);

        String calm = openReview(byUser(within));
        List<List<String>> calmReasons = JsonPath.read(calm, "$.items[*].reasons");
        assertThat(calmReasons).noneMatch(r -> r.contains("MANY_PERSONS"));
    }

    private static String byUser(String username) {
        return "{\"user\":\"%s\",\"from\":\"%s\",\"to\":\"%s\",\"sampleSize\":0}".formatted(username, TestClock.TODAY, TestClock.TODAY);
    }

    /** A unit manager opens the review over the API and reads its first page. */
    private String openReview(String scope) throws Exception {
        MockHttpServletResponse opened = as(DemoUsers.UNIT_MANAGER, post("/api/v1/audit/reviews").contentType(MediaType.APPLICATION_JSON).content(scope));
        assertThat(opened.getStatus()).as(opened.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        return opened.getContentAsString(StandardCharsets.UTF_8);
    }

    private void open(String username, UUID person) throws Exception {
        assertThat(as(username, get("/persons/" + person)).getStatus()).isEqualTo(200);
    }

    /** An unprotected person, registered as LVS registers one. */
    private UUID registerPerson(String firstName) throws Exception {
        String pin = TestPins.born(1944);
        MockHttpServletResponse registered = as(DemoUsers.SYSTEM_SUPPORT, post("/api/v1/persons").contentType(MediaType.APPLICATION_JSON).content("""
                {"personalIdentityNumber":"%s","firstName":"%s","lastName":"Granskningsson","protectionLevel":"NONE"}
                """.formatted(pin, firstName)));
        assertThat(registered.getStatus()).as(registered.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        return UUID.fromString(JsonPath.read(registered.getContentAsString(StandardCharsets.UTF_8), "$.id"));
    }

    /** A case officer of this test's own in the given unit. */
    private String staff(String unitName) {
        String username = "granskad-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                insert into app_user (id, username, full_name, email, password_hash, role, unit_id, grant_right, enabled)
                values (?, ?, 'Gun Granskad', 'gun@demo.omsorgsnav.invalid', ?, 'CASE_OFFICER', (select id from unit where name = ?), false, true)
                """).params(UUID.randomUUID(), username, passwords.encode(DemoUsers.PASSWORD), unitName).update();
        return username;
    }

    private MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
    }
}
