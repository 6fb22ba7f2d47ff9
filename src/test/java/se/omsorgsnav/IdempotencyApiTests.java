package se.omsorgsnav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.FreshIdempotencyKeys;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;
import se.omsorgsnav.support.TestPins;

/**
 * Issue 15 (crashes): every creating API call takes an idempotency key, so that a client that lost
 * the answer may send the request again. Over HTTP, for each kind of creating call: the first call
 * creates (201), the same key and body again answer 200 with the same body and change nothing, not
 * even the audit trail; the same key with another body is refused (409) and changes nothing; a
 * missing or malformed key is refused (400) and nothing is stored.
 */
@OmsorgsnavTest
class IdempotencyApiTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @LocalServerPort int port;
    @Autowired TestClock clock;
    @Autowired se.omsorgsnav.shared.IdempotentRequests idempotent;


    @Test
    @DisplayName("Issue 15: POST /api/v1/persons is done once per key")
    void personRegistration() throws Exception {
        String pin = freshPin();
        oncePerKey("lvs", "/api/v1/persons", """
                {"personalIdentityNumber":"%s","firstName":"Idem","lastName":"Nyckelsson","protectionLevel":"NONE"}""".formatted(pin), """
                {"personalIdentityNumber":"%s","firstName":"Annan","lastName":"Nyckelsson","protectionLevel":"NONE"}""".formatted(pin),
                "select count(*) from person");
    }

    @Test
    @DisplayName("Issue 15: POST /api/v1/cases opens one case per key")
    void caseOpening() throws Exception {
        UUID person = person();
        String json = """
                {"personId":"%s","unitId":"%s","caseOfficerId":"%s","subject":"%s"}""";
        oncePerKey(DemoUsers.AUTHORISED, "/api/v1/cases", json.formatted(person, centrum(), officer(), "Ansökan om trygghetslarm"),
                json.formatted(person, centrum(), officer(), "Ansökan om hemtjänst"), "select count(*) from care_case");
    }

    @Test
    @DisplayName("Issue 15: POST /api/v1/intakes registers one person and opens one case per key")
    void intake() throws Exception {
        String pin = freshPin();
        oncePerKey("lvs", "/api/v1/intakes", intakeJson(pin, "Ansökan om hemtjänst"), intakeJson(pin, "Ansökan om trygghetslarm"),
                "select (select count(*) from care_case) + (select count(*) from person)", 2);
    }

    @Test
    @DisplayName("Issue 15: POST /api/v1/deviations reports one deviation per key")
    void deviation() throws Exception {
        oncePerKey("planerare", "/api/v1/deviations", "{\"description\":\"Dörren till tvättstugan var olåst\"}",
                "{\"description\":\"Larmet i trapphuset tystnade inte\"}", "select count(*) from deviation");
    }

    @Test
    @DisplayName("Issue 15: the deviation form carries a key made when it is shown; sent twice, it reports once")
    void deviationFormSentTwice() throws Exception {
        String page = body(mvc.perform(get("/deviations/new").with(user(users.loadUserByUsername("planerare")))).andReturn().getResponse());
        String key = page.replaceAll("(?s).*name=\"idempotencyKey\" value=\"([^\"]+)\".*", "$1");
        assertThat(key).matches("[0-9a-f-]{36}");
        long before = count("select count(*) from deviation");
        for (int i = 0; i < 2; i++) {
            MockHttpServletResponse sent = mvc.perform(post("/deviations").with(csrf()).with(user(users.loadUserByUsername("planerare")))
                    .param("idempotencyKey", key).param("description", "Hissen stannade mellan våningarna")).andReturn().getResponse();
            assertThat(sent.getRedirectedUrl()).isEqualTo("/deviations/new?rapporterad");
        }
        assertThat(count("select count(*) from deviation")).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("Issue 15: the new-case form carries a key made when it is shown; sent twice, it opens one case")
    void caseFormSentTwice() throws Exception {
        UUID person = person();
        String page = body(mvc.perform(get("/cases/new").param("person", person.toString())
                .with(user(users.loadUserByUsername(DemoUsers.AUTHORISED)))).andReturn().getResponse());
        String key = page.replaceAll("(?s).*name=\"idempotencyKey\" value=\"([^\"]+)\".*", "$1");
        assertThat(key).matches("[0-9a-f-]{36}");
        List<String> redirects = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            redirects.add(mvc.perform(post("/cases").with(csrf()).with(user(users.loadUserByUsername(DemoUsers.AUTHORISED)))
                    .param("idempotencyKey", key).param("personId", person.toString()).param("unitId", centrum().toString())
                    .param("caseOfficerId", officer().toString()).param("subject", "Ansökan om matdistribution"))
                    .andReturn().getResponse().getRedirectedUrl());
        }
        assertThat(redirects.get(0)).startsWith("/cases/");
        assertThat(redirects.get(1)).isEqualTo(redirects.get(0));
        assertThat(count("select count(*) from care_case where person_id = ?", person)).isEqualTo(1);
    }

    @Test
    @DisplayName("Issue 15: POST /api/v1/authorization-requests and POST /api/v1/cases/{caseNumber}/authorizations order and grant once per key")
    void orderAndGrant() throws Exception {
        String caseNumber = protectedCase();
        String order = """
                {"kind":"ADD","caseNumber":"%s","username":"%s","validFrom":"2026-11-18","validTo":"%s"}""";
        oncePerKey(DemoUsers.UNIT_MANAGER, "/api/v1/authorization-requests", order.formatted(caseNumber, "forste", "2026-12-18"),
                order.formatted(caseNumber, "forste", "2027-01-18"), "select count(*) from authorization_request");
        String grant = """
                {"username":"%s","validFrom":"2026-11-18","validTo":"%s"}""";
        oncePerKey(DemoUsers.SYSTEM_SUPPORT, "/api/v1/cases/" + caseNumber + "/authorizations", grant.formatted(DemoUsers.UNAUTHORISED, "2026-12-18"),
                grant.formatted(DemoUsers.UNAUTHORISED, "2027-01-18"), "select count(*) from case_authorization");
    }

    @Test
    @DisplayName("Issue 15: POST /api/v1/audit/reviews opens one review, with one sample, per key")
    void auditReview() throws Exception {
        String json = """
                {"user":"planerare","from":"2026-11-18","to":"2026-11-18","sampleSize":%d}""";
        oncePerKey(DemoUsers.UNIT_MANAGER, "/api/v1/audit/reviews", json.formatted(1), json.formatted(2), "select count(*) from audit_review");
    }

    @Test
    @DisplayName("Issue 15: POST /api/v1/message-groups/{id}/members adds once per key (204 both times)")
    void groupMember() throws Exception {
        String path = "/api/v1/message-groups/" + centrum() + "/members";
        try {
            oncePerKey(DemoUsers.UNIT_MANAGER, path, "{\"username\":\"handlaggare2\"}", "{\"username\":\"avgift\"}",
                    "select count(*) from message_group_member", 1, 204, 204);
        } finally {
            mvc.perform(delete(path + "/handlaggare2").with(user(users.loadUserByUsername(DemoUsers.UNIT_MANAGER))));
        }
    }

    @Test
    @DisplayName("Issue 15: POST /api/v1/placement/apartments and /vacancies add one apartment and one report per key")
    void apartmentAndVacancy() throws Exception {
        String number = "I" + UUID.randomUUID().toString().substring(0, 5);
        oncePerKey("chef-solgarden", "/api/v1/placement/apartments", "{\"number\":\"%s\",\"careProfile\":\"SOMATIC\"}".formatted(number),
                "{\"number\":\"%s\",\"careProfile\":\"DEMENTIA\"}".formatted(number), "select count(*) from apartment");
        UUID apartment = apartment();
        String vacancy = """
                {"apartmentId":"%s","reason":"RENOVATION","eventDate":"2026-11-02","readyOn":"%s"}""";
        oncePerKey("chef-solgarden", "/api/v1/placement/vacancies", vacancy.formatted(apartment, "2026-12-10"),
                vacancy.formatted(apartment, "2026-12-11"), "select count(*) from vacancy");
    }

    @Test
    @DisplayName("Issue 15: POST /api/v1/placement/decisions and /allocations sign and allocate once per key")
    void decisionAndAllocation() throws Exception {
        String caseNumber = ordinaryCase();
        String decision = """
                {"caseNumber":"%s","careProfile":"SOMATIC","decidedOn":"2026-11-18","currentResidence":"%s","coResident":false}""";
        String signed = oncePerKey(DemoUsers.AUTHORISED, "/api/v1/placement/decisions", decision.formatted(caseNumber, "OWN_HOME"),
                decision.formatted(caseNumber, "HOSPITAL"), "select count(*) from placement_decision");
        UUID decisionId = UUID.fromString(JsonPath.read(signed, "$.id"));
        UUID apartment = apartment();
        created("chef-solgarden", "/api/v1/placement/vacancies", """
                {"apartmentId":"%s","reason":"RENOVATION","eventDate":"2026-11-02","readyOn":"2026-11-30"}""".formatted(apartment));
        String allocation = """
                {"decisionId":"%s","apartmentId":"%s","offerMaker":"%s"}""";
        oncePerKey("boendesamordnare", "/api/v1/placement/allocations", allocation.formatted(decisionId, apartment, "UNIT_MANAGER"),
                allocation.formatted(decisionId, apartment, "COORDINATOR"), "select count(*) from allocation");
    }

    @Test
    @DisplayName("Issue 15: POST /api/v1/placement/respite-bookings books once per key")
    void respiteBooking() throws Exception {
        String caseNumber = ordinaryCase();
        UUID solgarden = jdbc.sql("select id from unit where name = 'Solgårdens vård- och omsorgsboende'").query(UUID.class).single();
        String json = """
                {"homeId":"%s","caseNumber":"%s","fromDate":"2026-12-01","toDate":"%s"}""";
        oncePerKey("boendesamordnare", "/api/v1/placement/respite-bookings", json.formatted(solgarden, caseNumber, "2026-12-07"),
                json.formatted(solgarden, caseNumber, "2026-12-08"), "select count(*) from respite_booking");
    }

    @Test
    @DisplayName("Issue 15: the same key sent by eight clients at once opens one case; every answer that is not refused names it")
    void racingRetriesOpenOneCase() throws Exception {
        UUID person = person();
        String body = keyed("race-" + UUID.randomUUID(), """
                {"personId":"%s","unitId":"%s","caseOfficerId":"%s","subject":"Ansökan om dagverksamhet"}""".formatted(person, centrum(), officer()));
        long before = count("select count(*) from care_case where person_id = ?", person);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cases"))
                .header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((DemoUsers.AUTHORISED + ":" + DemoUsers.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            List<String> numbers = new ArrayList<>();
            int created = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                // 409 only while the first is still running and could not be waited for; never a second case.
                assertThat(response.statusCode()).as(response.body()).isIn(200, 201, 409);
                if (response.statusCode() == 201) {
                    created++;
                }
                if (response.statusCode() != 409) {
                    numbers.add(JsonPath.read(response.body(), "$.caseNumber"));
                }
            }
            assertThat(created).isEqualTo(1);
            assertThat(numbers).isNotEmpty().allMatch(numbers.get(0)::equals);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from care_case where person_id = ?", person)).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("Issue 15: a key is kept for thirty days, then forgotten; sent again after that, the request is a new one")
    void keysAreForgottenAfterThirtyDays() throws Exception {
        UUID person = person();
        String json = """
                {"personId":"%s","unitId":"%s","caseOfficerId":"%s","subject":"Ansökan om hemtjänst"}""".formatted(person, centrum(), officer());
        String key = "it-old-" + UUID.randomUUID();
        try {
            assertThat(send("lvs", "/api/v1/cases", keyed(key, json)).getStatus()).isEqualTo(201);
            clock.travelTo(TestClock.TODAY.plusDays(30));
            String fresh = "it-fresh-" + UUID.randomUUID();
            assertThat(send("lvs", "/api/v1/cases", keyed(fresh, json)).getStatus()).isEqualTo(201);
            assertThat(idempotent.forgetOld()).as("nothing is thirty days old yet").isZero();
            assertThat(send("lvs", "/api/v1/cases", keyed(key, json)).getStatus()).as("within thirty days: the same request").isEqualTo(200);

            clock.travelTo(TestClock.TODAY.plusDays(31));
            assertThat(idempotent.forgetOld()).isPositive();
            assertThat(count("select count(*) from idempotent_request where idempotency_key = ?", key)).isZero();
            assertThat(count("select count(*) from idempotent_request where idempotency_key = ?", fresh)).as("a younger key stays").isOne();
            long cases = count("select count(*) from care_case where person_id = ?", person);
            assertThat(send("lvs", "/api/v1/cases", keyed(key, json)).getStatus()).as("forgotten: a new request").isEqualTo(201);
            assertThat(count("select count(*) from care_case where person_id = ?", person)).isEqualTo(cases + 1);
        } finally {
            clock.reset();
        }
    }

    /** {@link #oncePerKey(String, String, String, String, String, int, int, int)} for a call that creates one row and answers 201. */
    private String oncePerKey(String username, String path, String json, String otherJson, String effect) throws Exception {
        return oncePerKey(username, path, json, otherJson, effect, 1, 201, 200);
    }

    private String oncePerKey(String username, String path, String json, String otherJson, String effect, int rows) throws Exception {
        return oncePerKey(username, path, json, otherJson, effect, rows, 201, 200);
    }

    /**
     * The contract, for one call: {@code effect} counts what the call creates ({@code rows} per
     * call). Answers the first call's body.
     */
    private String oncePerKey(String username, String path, String json, String otherJson, String effect, int rows, int createdStatus,
                              int repeatStatus) throws Exception {
        long before = count(effect);

        MockHttpServletResponse missing = send(username, path, json);
        assertThat(missing.getStatus()).as("no key").isEqualTo(400);
        assertThat(body(missing)).contains("idempotensnyckel").contains("\"field\":\"idempotencyKey\"");
        MockHttpServletResponse malformed = send(username, path, keyed("kort", json));
        assertThat(malformed.getStatus()).as("a key too short").isEqualTo(400);
        assertThat(body(malformed)).contains("idempotensnyckel");
        assertThat(count(effect)).as("nothing stored without a key").isEqualTo(before);
        assertThat(count("select count(*) from idempotent_request where idempotency_key = 'kort'")).isZero();

        String key = "it-" + UUID.randomUUID();
        MockHttpServletResponse first = send(username, path, keyed(key, json));
        assertThat(first.getStatus()).as(body(first)).isEqualTo(createdStatus);
        assertThat(count(effect)).isEqualTo(before + rows);
        long eventsAfterFirst = count("select count(*) from audit_event where actor_username = ?", username);

        MockHttpServletResponse again = send(username, path, keyed(key, json));
        assertThat(again.getStatus()).as(body(again)).isEqualTo(repeatStatus);
        assertThat(body(again)).as("the same answer").isEqualTo(body(first));
        assertThat(count(effect)).as("done once").isEqualTo(before + rows);
        long eventsAfterRepeat = count("select count(*) from audit_event where actor_username = ?", username);
        if (!path.equals("/api/v1/audit/reviews")) {
            assertThat(eventsAfterRepeat).as("the repeat records nothing").isEqualTo(eventsAfterFirst);
        } else {
            // The answer is the review's first page, and showing it is logged, as every reading of it is; the opening is not logged again.
            assertThat(count("select count(*) from audit_event where purpose = 'AUDIT_REVIEW_OPENED' and actor_username = ?", username))
                    .isEqualTo(count("select count(*) from audit_review where reviewer_username = ?", username));
        }

        MockHttpServletResponse other = send(username, path, keyed(key, otherJson));
        assertThat(other.getStatus()).as(body(other)).isEqualTo(409);
        assertThat(body(other)).contains("Idempotensnyckeln är redan använd");
        assertThat(count(effect)).as("nothing done for another request with a used key").isEqualTo(before + rows);

        MockHttpServletResponse otherUser = send(DemoUsers.UNAUTHORISED, path, keyed(key, json));
        assertThat(otherUser.getStatus()).as("another user's key is another request").isNotIn(200, 409);
        return body(first);
    }

    private MockHttpServletResponse send(String username, String path, String json) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json).requestAttr(FreshIdempotencyKeys.AS_WRITTEN, true)
                .with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
    }

    private String created(String username, String path, String json) throws Exception {
        MockHttpServletResponse response = send(username, path, keyed("it-" + UUID.randomUUID(), json));
        assertThat(response.getStatus()).as(body(response)).isEqualTo(201);
        return body(response);
    }

    private static String keyed(String key, String json) {
        return "{\"idempotencyKey\":\"" + key + "\"," + json.strip().substring(1);
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static synchronized String freshPin() {
        return TestPins.born(1941);
    }

    private UUID centrum() {
        return jdbc.sql("select id from unit where name = 'Myndighet Centrum'").query(UUID.class).single();
    }

    private UUID officer() {
        return jdbc.sql("select id from app_user where username = ?").param(DemoUsers.AUTHORISED).query(UUID.class).single();
    }

    /** A person without protection, registered over the API. */
    private UUID person() throws Exception {
        return UUID.fromString(JsonPath.read(created("lvs", "/api/v1/persons", """
                {"personalIdentityNumber":"%s","firstName":"Idem","lastName":"Fallsson","protectionLevel":"NONE"}""".formatted(freshPin())),
                "$.id"));
    }

    /** An open case on a person without protection, in the case officer's unit. */
    private String ordinaryCase() throws Exception {
        return JsonPath.read(created(DemoUsers.AUTHORISED, "/api/v1/cases", """
                {"personId":"%s","unitId":"%s","caseOfficerId":"%s","subject":"Vård- och omsorgsboende"}""".formatted(person(), centrum(),
                officer())), "$.caseNumber");
    }

    /** A protected person's new case, from LVS's intake. */
    private String protectedCase() throws Exception {
        return JsonPath.read(created("lvs", "/api/v1/intakes", intakeJson(freshPin(), "Ansökan om hemtjänst")), "$.caseNumber");
    }

    private UUID apartment() throws Exception {
        return UUID.fromString(JsonPath.read(created("chef-solgarden", "/api/v1/placement/apartments",
                "{\"number\":\"J%s\",\"careProfile\":\"SOMATIC\"}".formatted(UUID.randomUUID().toString().substring(0, 5))), "$.id"));
    }

    private String intakeJson(String pin, String concerns) {
        return """
                {"receivingUnitId":"%s","receiverUsername":"%s","receiverTitle":"Biståndshandläggare","operation":"ÄO",
                 "personalIdentityNumber":"%s","firstName":"Idem","lastName":"Intagsson","protectionLevel":"PROTECTED_REGISTRATION",
                 "concerns":"%s","preliminaryCaseType":"SoL","kind":"APPLICATION","receivedOn":"2026-11-18",
                 "arrivalMethod":"LETTER","arrivedFrom":"PERSON","authorizedUntil":"2027-02-18"}""".formatted(centrum(), DemoUsers.AUTHORISED, pin,
                concerns);
    }
}
