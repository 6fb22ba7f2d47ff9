package se.omsorgsnav.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.omsorgsnav.support.AsUser;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;

/**
 * Issue 14's messaging faults: what a message tells about a protected person, to whom, decided
 * when it is read. The protected person is Astrid (locked); "boendesamordnare" and the fee officer
 * have no authorisation for her, "enhetschef" has one. Each test failed on the code before the fix.
 */
@OmsorgsnavTest
class MessageProtectionTests {

    static final String MASKED_READER = "boendesamordnare";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired Messages messages;

    // --- fault 1: the name check is no oracle ------------------------------------------------------

    @Test
    @DisplayName("PROT-24, MSG-8: a sender who may not see the protected person gets the same answer whether the text names her or not, and every send is audited")
    void nameCheckIsNoOracle() throws Exception {
        String astrid = caseOf("194203109147");
        UUID astridId = personId("194203109147");
        long sends = audit(DemoUsers.UNAUTHORISED, astridId, "SEND", "ALLOWED");
        String template = """
                {"idempotencyKey":"%s","type":"FREE_TEXT","body":"%s","caseNumber":"%s","recipientUsers":[%s]}
                """;
        MockHttpServletResponse named = send(DemoUsers.UNAUTHORISED, template.formatted(key(), "Astrid flyttar in på måndag", astrid,
                "\"" + MASKED_READER + "\",\"enhetschef\""));
        MockHttpServletResponse unnamed = send(DemoUsers.UNAUTHORISED, template.formatted(key(), "Ingrid flyttar in på måndag", astrid,
                "\"" + MASKED_READER + "\",\"enhetschef\""));
        assertThat(named.getStatus()).as(body(named)).isEqualTo(201);
        assertThat(unnamed.getStatus()).isEqualTo(201);
        assertThat(audit(DemoUsers.UNAUTHORISED, astridId, "SEND", "ALLOWED")).isEqualTo(sends + 2);

        // Halving on a later refusal tells nothing either: both are refused alike for the same reason.
        MockHttpServletResponse namedNoOne = send(DemoUsers.UNAUTHORISED, template.formatted(key(), "Astrid flyttar in", astrid, ""));
        MockHttpServletResponse unnamedNoOne = send(DemoUsers.UNAUTHORISED, template.formatted(key(), "Ingrid flyttar in", astrid, ""));
        assertThat(namedNoOne.getStatus()).isEqualTo(400);
        assertThat(normalise(body(namedNoOne))).isEqualTo(normalise(body(unnamedNoOne)));

        // What it says reaches only readers who may see her in full.
        String id = JsonPath.read(body(named), "$.id");
        String masked = body(as(MASKED_READER, get("/api/v1/messages/" + id)));
        assertThat(masked).doesNotContain("Astrid").contains("\"bodyWithheld\":true");
        assertThat(body(as(DemoUsers.UNIT_MANAGER, get("/api/v1/messages/" + id)))).contains("Astrid flyttar in på måndag");
    }

    // --- fault 2: every field written about the person ----------------------------------------------

    static Stream<Arguments> fieldsAboutThePerson() {
        return Stream.of(
                Arguments.of("FEE_INFORMATION", Map.of("feeMatter", "KANARIE avgift", "effectiveFrom", "2027-01-01"), "feeMatter"),
                Arguments.of("DEATH_OR_MOVE_OUT", Map.of("facility", "Solgården", "careProfile", "SOMATIC", "apartment", "14", "reason", "MOVE_OUT",
                        "date", "2026-11-20", "availableFrom", "2026-12-01", "apartmentRemarks", "KANARIE badrum"), "apartmentRemarks"),
                Arguments.of("MOVE_IN", Map.of("facility", "Solgården", "careProfile", "DEMENTIA", "apartment", "12", "contractDate", "2026-12-01",
                        "moveInDate", "2026-12-03", "rent", "6500", "invoiceRecipient", "Kunden själv", "previousTenant", "KANARIE hyresgäst"),
                        "previousTenant"),
                Arguments.of("PLACEMENT_DECISION", Map.of("careProfile", "DEMENTIA", "decidedOn", "2026-11-02", "currentResidence", "OWN_HOME",
                        "coResident", "NO", "specialReasons", "KANARIE skäl"), "specialReasons"),
                Arguments.of("ACCESS_ORDER", Map.of("orderKind", "ADD", "staffFullName", "Sara Wik", "staffUsername", "assistent",
                        "staffEmail", "assistent@demo.omsorgsnav.invalid", "validFrom", "2026-11-18", "validTo", "2027-05-17",
                        "localProtectionReason", "KANARIE orsak"), "localProtectionReason"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fieldsAboutThePerson")
    @DisplayName("PROT-3: a field written about a protected person (fee matter, remarks, previous tenant, reasons) is withheld from a masked recipient, and shown to the authorised")
    void fieldsAboutThePersonAreWithheld(String type, Map<String, String> fields, String aboutHer) throws Exception {
        UUID id = fromRecord(DemoUsers.AUTHORISED, type, caseOf("194203109147"), fields, List.of(MASKED_READER, DemoUsers.UNIT_MANAGER));
        String masked = body(as(MASKED_READER, get("/api/v1/messages/" + id)));
        assertThat(masked).doesNotContain("KANARIE");
        assertThat(JsonPath.<List<String>>read(masked, "$.withheldFields")).contains(aboutHer);
        assertThat(body(as(DemoUsers.UNIT_MANAGER, get("/api/v1/messages/" + id)))).contains("KANARIE");
    }

    // --- fault 5 and PROT-25: the move-in, and protection that begins later ---------------------------

    @Test
    @DisplayName("PROT-3: a protected person's move-in shows no reader without authorisation the home, apartment, dates, rent or care profile that with the move-out point to her door")
    void moveInWhereaboutsAreWithheld() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("facility", "Solgården", "careProfile", "DEMENTIA", "apartment", "Lgh 1207",
                "contractDate", "2026-12-01", "moveInDate", "2026-12-03", "rent", "6543", "invoiceRecipient", "Kunden själv"));
        UUID id = fromRecord(DemoUsers.AUTHORISED, "MOVE_IN", caseOf("194203109147"), fields, List.of(MASKED_READER, "avgift"));
        for (String reader : List.of(MASKED_READER, "avgift", DemoUsers.AUTHORISED)) {
            String view = body(as(reader, get("/api/v1/messages/" + id)));
            boolean sender = reader.equals(DemoUsers.AUTHORISED);
            if (!sender) {
                assertThat(view).as(reader).doesNotContain("Solgården").doesNotContain("1207").doesNotContain("2026-12-01")
                        .doesNotContain("2026-12-03").doesNotContain("6543").doesNotContain("DEMENTIA");
                assertThat(JsonPath.<List<String>>read(view, "$.withheldFields")).as(reader)
                        .containsExactlyInAnyOrder("facility", "careProfile", "apartment", "contractDate", "moveInDate", "rent", "invoiceRecipient");
            }
        }
    }

    @Test
    @DisplayName("PROT-25: protection that begins after a message was written masks its subject, text and fields for a reader without authorisation, in the inbox and opened")
    void protectionBeginningLaterMasksWhatWasWritten() throws Exception {
        String greta = caseOf("193805089145");
        UUID gretaId = personId("193805089145");
        MockHttpServletResponse sent = send("assistent", """
                {"idempotencyKey":"%s","type":"FEE_INFORMATION","subject":"Greta flyttar till Solgården","body":"Lägenhet KANARIE-12",
                 "caseNumber":"%s","fields":{"feeMatter":"KANARIE hyra","effectiveFrom":"2027-01-01"},"recipientUsers":["%s"]}
                """.formatted(key(), greta, MASKED_READER));
        assertThat(sent.getStatus()).as(body(sent)).isEqualTo(201);
        String id = JsonPath.read(body(sent), "$.id");
        assertThat(body(as(MASKED_READER, get("/api/v1/messages/" + id)))).contains("KANARIE").contains("Greta flyttar");

        String level = jdbc.sql("select protection_level from person where id = ?").param(gretaId).query(String.class).single();
        jdbc.sql("update person set protection_level = 'PROTECTED_REGISTRATION' where id = ?").param(gretaId).update();
        try {
            String opened = body(as(MASKED_READER, get("/api/v1/messages/" + id)));
            assertThat(opened).doesNotContain("KANARIE").doesNotContain("Greta").doesNotContain("Solgården").contains("\"bodyWithheld\":true");
            assertThat(JsonPath.<String>read(opened, "$.subject")).isEqualTo(greta);
            assertThat(JsonPath.<List<String>>read(opened, "$.withheldFields")).containsExactlyInAnyOrder("feeMatter", "effectiveFrom");
            String inbox = body(as(MASKED_READER, get("/api/v1/messages/inbox").param("limit", "50")));
            assertThat(inbox).doesNotContain("Greta flyttar till Solgården");
            String page = body(as(MASKED_READER, get("/messages/" + id)));
            assertThat(page).doesNotContain("KANARIE").doesNotContain("Greta flyttar");
        } finally {
            jdbc.sql("update person set protection_level = ? where id = ?").params(level, gretaId).update();
        }
    }

    // --- fault 3: the sender sees what the gate lets them see ---------------------------------------

    @Test
    @DisplayName("PROT-3: the coordinator who sends a system-composed place offer sees it as any reader: the relative contact and the home the queue hides stay hidden")
    void senderSeesWhatTheGateLets() throws Exception {
        UUID id = fromRecord(MASKED_READER, "PLACE_OFFER", caseOf("194203109147"), Map.of("facility", "KANARIE-gården", "apartment", "7B",
                "relativeContact", "KANARIE sonen 070-1234567", "currentResidence", "SHORT_STAY", "coResident", "NO"), List.of("chef-solgarden"));
        String own = body(as(MASKED_READER, get("/api/v1/messages/" + id)));
        assertThat(own).doesNotContain("KANARIE").doesNotContain("070-1234567");
        assertThat(JsonPath.<List<String>>read(own, "$.withheldFields")).contains("relativeContact", "facility", "apartment");
        String sentPage = body(as(MASKED_READER, get("/messages/" + id)));
        assertThat(sentPage).doesNotContain("KANARIE");
        String home = jdbc.sql("select full_name from app_user where username = 'chef-solgarden'").query(String.class).single();
        assertThat(own).as("the home's manager it went to").doesNotContain(home);
    }

    @Test
    @DisplayName("PROT-3: to a masked reader, who sent and who received a protected person's message (a home's manager, a unit's group) is withheld: only the system's groups show")
    void staffWhoServeHerAreWithheld() throws Exception {
        String manager = jdbc.sql("select full_name from app_user where username = 'chef-solgarden'").query(String.class).single();
        UUID home = jdbc.sql("select id from message_group where name like 'Solgården%'").query(UUID.class).single();
        UUID id;
        try (AsUser ignored = AsUser.login(users, "chef-solgarden")) {
            id = messages.send(new NewMessage(key(), "MOVE_IN", null, null, caseOf("194203109147"), List.of(DemoUsers.UNIT_MANAGER), List.of(home),
                    Map.of("facility", "Solgården", "careProfile", "DEMENTIA", "apartment", "12", "contractDate", "2026-12-01",
                            "moveInDate", "2026-12-03", "rent", "6500", "invoiceRecipient", "Kunden själv"), null, false)).id();
        }
        String opened = body(as("avgift", get("/api/v1/messages/" + id)));
        assertThat(opened).doesNotContain(manager).doesNotContain("Solgården").contains("Avgiftshandläggare");
        String inbox = body(as("avgift", get("/api/v1/messages/inbox").param("limit", "50")));
        assertThat(inbox).doesNotContain(manager);
        assertThat(body(as("avgift", get("/messages/" + id)))).doesNotContain(manager).doesNotContain("Solgården");
        assertThat(body(as(DemoUsers.UNIT_MANAGER, get("/api/v1/messages/" + id)))).as("not masked: read in full")
                .contains(manager).contains("Solgården");
    }

    // --- fault 17: records' types, and the level measurement ---------------------------------------

    static Stream<Arguments> recordTypes() {
        return fieldsAboutThePerson().filter(a -> !"FEE_INFORMATION".equals(a.get()[0]))
                .map(a -> Arguments.of(a.get()[0], a.get()[1]))
                .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
                    list.add(Arguments.of("PLACE_OFFER", Map.of("facility", "Solgården", "apartment", "12", "relativeContact", "Sonen Bo",
                            "currentResidence", "SHORT_STAY", "coResident", "NO")));
                    return list.stream();
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordTypes")
    @DisplayName("MSG-3, PROT-8: a type that stands for a record cannot be composed by hand, through the API or the compose page: a Swedish 403, recorded, nothing stored")
    void recordTypesComeOnlyFromTheRecord(String type, Map<String, String> fields) throws Exception {
        long before = count();
        String sender = "ACCESS_ORDER".equals(type) ? DemoUsers.UNIT_MANAGER : "boendesamordnare";
        long denials = jdbc.sql("select count(*) from audit_event where actor_username = ? and purpose = 'COMPOSE_RECORD_TYPE' and outcome = 'DENIED'")
                .param(sender).query(Long.class).single();
        MockHttpServletResponse api = send(sender, """
                {"idempotencyKey":"%s","type":"%s","subject":"Meddelande enligt rutinen","caseNumber":"%s","fields":%s,"recipientUsers":["assistent"]}
                """.formatted(key(), type, caseOf("193805089145"), json(fields)));
        assertThat(api.getStatus()).isEqualTo(403);
        assertThat(body(api)).contains("Behörighet saknas");

        MockHttpServletRequestBuilder form = post("/messages").with(csrf()).param("idempotencyKey", key()).param("type", type)
                .param("caseNumber", caseOf("193805089145")).param("subject", "Meddelande enligt rutinen").param("users", "assistent");
        fields.forEach((name, value) -> form.param("f." + name, value));
        MockHttpServletResponse page = as(sender, form);
        assertThat(page.getStatus()).isEqualTo(403);
        assertThat(body(page)).contains("Behörighet saknas");
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_event where actor_username = ? and purpose = 'COMPOSE_RECORD_TYPE' and outcome = 'DENIED'")
                .param(sender).query(Long.class).single()).isEqualTo(denials + 2);
        assertThat(body(as(sender, get("/messages/new")))).doesNotContain("value=\"" + type + "\"");
    }

    @Test
    @DisplayName("Seed 000 (\"endast\"): a level measurement goes only to the placement coordinators: its rule routes it there alone, and a recipient added by hand is refused with a Swedish 400")
    void levelMeasurementGoesOnlyToTheCoordinators() throws Exception {
        assertThat(jdbc.sql("""
                        select g.name from message_routing_rule r join message_group g on g.id = r.group_id where r.message_type = 'LEVEL_MEASUREMENT'
                        """).query(String.class).list()).containsExactly("Boendesamordnare");
        long before = count();
        for (String recipients : List.of("\"recipientUsers\":[\"avgift\"]", "\"recipientGroups\":[\"6d5a0000-0000-4000-8000-000000000004\"]")) {
            MockHttpServletResponse refused = send("assistent", """
                    {"idempotencyKey":"%s","type":"LEVEL_MEASUREMENT","subject":"Nivåmätning","caseNumber":"%s",%s}
                    """.formatted(key(), caseOf("193805089145"), recipients));
            assertThat(refused.getStatus()).as(recipients).isEqualTo(400);
            assertThat(body(refused)).contains("går bara till");
        }
        assertThat(count()).isEqualTo(before);
    }

    // --- fault 15: reading changes nothing -----------------------------------------------------------

    @Test
    @DisplayName("PROT-24, MSG-6: opening a message (page or API) changes nothing; the page marks it read with a POST, by htmx on load or its button")
    void readingIsAPost() throws Exception {
        MockHttpServletResponse sent = send("assistent", """
                {"idempotencyKey":"%s","type":"FREE_TEXT","subject":"Läst?","body":"Hej","recipientUsers":["%s"]}
                """.formatted(key(), MASKED_READER));
        UUID id = UUID.fromString(JsonPath.read(body(sent), "$.id"));
        String page = body(as(MASKED_READER, get("/messages/" + id)));
        assertThat(as(MASKED_READER, get("/api/v1/messages/" + id)).getStatus()).isEqualTo(200);
        assertThat(read(id)).isFalse();
        assertThat(page).contains("hx-trigger=\"load\"").contains("/messages/" + id + "/read").contains("Markera som läst");

        MockHttpServletResponse marked = as(MASKED_READER, post("/messages/" + id + "/read").with(csrf()).header("HX-Request", "true"));
        assertThat(marked.getStatus()).isEqualTo(200);
        assertThat(body(marked)).contains("Markerat som läst").doesNotContain("<html");
        assertThat(read(id)).isTrue();
        assertThat(as(MASKED_READER, post("/messages/" + id + "/read").with(csrf())).getStatus()).isEqualTo(302);
        assertThat(body(as(MASKED_READER, get("/messages/" + id)))).doesNotContain("Markera som läst");
        assertThat(as(DemoUsers.UNAUTHORISED, post("/messages/" + id + "/read").with(csrf())).getStatus()).isEqualTo(403);
    }

    // --- helpers ------------------------------------------------------------------------------------

    private UUID fromRecord(String sender, String type, String caseNumber, Map<String, String> fields, List<String> to) {
        try (AsUser ignored = AsUser.login(users, sender)) {
            return messages.send(new NewMessage(key(), type, null, null, caseNumber, to, List.of(), fields, null, false)).id();
        }
    }

    private boolean read(UUID id) {
        return jdbc.sql("""
                        select count(*) from message_delivery d join app_user u on u.id = d.user_id
                        where d.message_id = ? and u.username = ? and d.read_at is not null
                        """).params(id, MASKED_READER).query(Long.class).single() > 0;
    }

    private long audit(String username, UUID person, String purpose, String outcome) {
        return jdbc.sql("select count(*) from audit_event where actor_username = ? and person_id = ? and purpose = ? and outcome = ?")
                .params(username, person, purpose, outcome).query(Long.class).single();
    }

    private long count() {
        return jdbc.sql("select count(*) from message").query(Long.class).single();
    }

    private MockHttpServletResponse send(String username, String json) throws Exception {
        return as(username, post("/api/v1/messages").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static String normalise(String body) {
        return body.replaceAll("\"instance\":\"[^\"]*\"", "");
    }

    private static String key() {
        return "prot-" + UUID.randomUUID();
    }

    private static String json(Map<String, String> fields) {
        return "{" + String.join(",", fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"").toList()) + "}";
    }

    private UUID personId(String pin) {
        return jdbc.sql("select id from person where personal_identity_number = ?").param(pin).query(UUID.class).single();
    }

    private String caseOf(String pin) {
        return jdbc.sql("select case_number from care_case where person_id = ? and status = 'OPEN' order by opened_on limit 1")
                .param(personId(pin)).query(String.class).single();
    }
}
