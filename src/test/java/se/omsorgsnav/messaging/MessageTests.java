package se.omsorgsnav.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.support.AsUser;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.StatementCounter;

/** Messages through the API: routing, required fields, the subject and text guards, idempotency, who may read, protected persons. */
@OmsorgsnavTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageTests {

    /** The demo's second placement coordinator and a second fee officer, so that "both" and "every" are tested with more than one. */
    static final String COORDINATOR_2 = "boendesamordnare2";
    static final String FEE_OFFICER_2 = "msg_avgift2";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired PasswordEncoder passwords;

    @BeforeAll
    void secondCoordinatorAndFeeOfficer() {
        // The second coordinator is a demo user (boendesamordnare2); the second fee officer is added here.
        addUser(FEE_OFFICER_2, "Avgiftshandläggare Två", "FEE_OFFICER", "Avgiftshandläggare");
    }

    // --- MSG-3, MSG-4: types, required fields and routing -------------------------------------

    static Stream<Arguments> structuredMessages() {
        return Stream.of(
                Arguments.of("MOVE_IN", "assistent", "greta", Map.of("facility", "Solgården", "careProfile", "DEMENTIA", "apartment", "12",
                                "contractDate", "2026-12-01", "moveInDate", "2026-12-03", "rent", "6500", "invoiceRecipient", "Kunden själv",
                                "previousTenant", "Okänd"), List.of(),
                        Set.of("boendesamordnare", COORDINATOR_2, "avgift", FEE_OFFICER_2)),
                Arguments.of("DEATH_OR_MOVE_OUT", "assistent", "greta", Map.of("facility", "Solgården", "careProfile", "SOMATIC", "apartment", "14",
                                "reason", "MOVE_OUT", "date", "2026-11-20", "availableFrom", "2026-12-01", "apartmentRemarks", "Litet badrum"), List.of(),
                        Set.of("boendesamordnare", COORDINATOR_2, "avgift", FEE_OFFICER_2)),
                Arguments.of("LEVEL_MEASUREMENT", "assistent", "greta", Map.of("bookedFor", "2026-12-02"), List.of(),
                        Set.of("boendesamordnare", COORDINATOR_2)),
                Arguments.of("ACCESS_ORDER", DemoUsers.UNIT_MANAGER, "astrid", Map.of("orderKind", "ADD", "staffFullName", "Sara Wik",
                                "staffUsername", "assistent", "staffEmail", "assistent@demo.omsorgsnav.invalid", "validFrom", "2026-11-18",
                                "validTo", "2027-05-17"), List.of(),
                        Set.of("lvs")),
                Arguments.of("INTAKE_REQUEST", "handlaggare", null, Map.of("receivingUnit", "Myndighet Centrum", "recipient", "Anna Lindqvist",
                                "position", "Biståndshandläggare", "operation", "ÄO", "concerns", "Ansökan om hemtjänst",
                                "preliminaryCaseType", "SoL", "intakeKind", "APPLICATION", "receivedOn", "2026-11-17", "arrivalMethod", "Brev",
                                "arrivedFrom", "Den enskilde"), List.of(),
                        Set.of("lvs")),
                Arguments.of("PLACE_OFFER", "boendesamordnare", "greta", Map.of("facility", "Solgården", "apartment", "12",
                                "relativeContact", "Sonen Bo", "currentResidence", "SHORT_STAY", "coResident", "NO"),
                        List.of("Solgårdens vård- och omsorgsboende"), Set.of("assistent", "chef-solgarden")),
                Arguments.of("FEE_INFORMATION", "boendesamordnare", "greta", Map.of("feeMatter", "Ny hyra", "effectiveFrom", "2027-01-01"),
                        List.of("Avgiftshandläggare"), Set.of("avgift", FEE_OFFICER_2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structuredMessages")
    @DisplayName("MSG-3, MSG-4: a valid structured message reaches exactly the routed groups' members and the groups the sender adds")
    void structuredMessageIsRouted(String type, String sender, String person, Map<String, String> fields, List<String> groups, Set<String> expected)
            throws Exception {
        UUID id;
        if (MessageType.valueOf(type).composedByHand()) {
            List<String> groupIds = groups.stream().map(name -> "\"" + groupId(name) + "\"").toList();
            String json = """
                    {"idempotencyKey":"%s","type":"%s","subject":%s,"caseNumber":%s,"fields":%s,"recipientGroups":[%s]}
                    """.formatted(key(), type, "astrid".equals(person) ? "null" : "\"Meddelande enligt rutinen\"",
                    person == null ? "null" : "\"" + caseOf(person) + "\"", json(fields),
                    String.join(",", groupIds));
            MockHttpServletResponse sent = MessageType.valueOf(type).attachmentRequired() ? sendWithMeasurement(sender, json) : send(sender, json);
            assertThat(sent.getStatus()).as(body(sent)).isEqualTo(201);
            id = UUID.fromString(JsonPath.read(body(sent), "$.id"));
        } else {
            // A record's type comes from the module that owns the record (fault 17).
            id = fromRecord(sender, type, "astrid".equals(person) ? null : "Meddelande enligt rutinen", caseOf(person), fields, List.of(),
                    groups.stream().map(this::groupId).toList());
        }
        assertThat(recipients(id)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(jdbc.sql("select count(*) from message_field where message_id = ?").param(id).query(Long.class).single())
                .isEqualTo(fields.size());
    }

    static Stream<Arguments> requiredFields() {
        return Stream.of(
                Arguments.of("DEATH_OR_MOVE_OUT", List.of("facility", "careProfile", "apartment", "reason", "date", "availableFrom")),
                Arguments.of("MOVE_IN", List.of("facility", "careProfile", "apartment", "contractDate", "moveInDate", "rent", "invoiceRecipient")),
                Arguments.of("PLACE_OFFER", List.of("facility", "apartment", "relativeContact", "currentResidence", "coResident")),
                Arguments.of("FEE_INFORMATION", List.of("feeMatter", "effectiveFrom")),
                Arguments.of("ACCESS_ORDER", List.of("orderKind", "staffFullName", "staffUsername", "staffEmail")),
                Arguments.of("INTAKE_REQUEST", List.of("receivingUnit", "recipient", "position", "operation", "concerns", "preliminaryCaseType",
                        "intakeKind", "receivedOn", "arrivalMethod", "arrivedFrom")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requiredFields")
    @DisplayName("MSG-3: each missing required field of a structured type gets its own Swedish message, and nothing is stored")
    void eachMissingFieldHasItsOwnError(String type, List<String> required) throws Exception {
        long before = messageCount();
        List<String> fields;
        List<String> messages;
        if (MessageType.valueOf(type).composedByHand()) {
            MockHttpServletResponse refused = send("assistent", """
                    {"idempotencyKey":"%s","type":"%s","subject":"Meddelande","caseNumber":"%s","fields":{},"recipientUsers":["lvs"]}
                    """.formatted(key(), type, caseOf("greta")));
            assertThat(refused.getStatus()).isEqualTo(400);
            fields = JsonPath.read(body(refused), "$.errors[*].field");
            messages = JsonPath.read(body(refused), "$.errors[*].message");
        } else {
            InvalidInputException refused = refusedFromRecord("assistent", type, caseOf("greta"), Map.of());
            fields = refused.errors().stream().map(InvalidInputException.FieldError::field).toList();
            messages = refused.errors().stream().map(InvalidInputException.FieldError::message).toList();
        }
        assertThat(fields).containsExactlyInAnyOrderElementsOf(required.stream().map(f -> "fields." + f).toList());
        for (String field : required) {
            String label = MessageType.valueOf(type).field(field).orElseThrow().label();
            assertThat(messages).as(field).contains(label + " måste anges.");
        }
        assertThat(messageCount()).isEqualTo(before);
    }

    @Test
    @DisplayName("MSG-3: a type about a person needs the case, and wrong dates, amounts and choices get their own messages")
    void wrongValuesAreNamed() throws Exception {
        MockHttpServletResponse noCase = send("assistent", """
                {"idempotencyKey":"%s","type":"LEVEL_MEASUREMENT","subject":"Nivåmätning"}
                """.formatted(key()));
        assertThat(noCase.getStatus()).isEqualTo(400);
        assertThat(body(noCase)).contains("Ange ärendenumret");
        InvalidInputException wrong = refusedFromRecord("assistent", "MOVE_IN", caseOf("greta"), Map.of("facility", "Solgården",
                "careProfile", "BÅDA", "apartment", "12", "contractDate", "1 december", "moveInDate", "2026-12-03", "rent", "många",
                "invoiceRecipient", "Kunden"));
        assertThat(wrong.errors()).extracting(InvalidInputException.FieldError::field).containsExactlyInAnyOrder("fields.careProfile",
                "fields.contractDate", "fields.rent");
        assertThat(wrong.errors()).extracting(InvalidInputException.FieldError::message).contains("Inriktning: välj ett av SOMATIC, DEMENTIA.")
                .anyMatch(m -> m.startsWith("Kontraktsdatum ska vara ett datum")).anyMatch(m -> m.startsWith("Hyra ska vara ett belopp"));
    }

    // --- MSG-5: the subject -------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Flytt 19420310-9147", "090121+9816", "1942 03 10 9147", "380508.9145"})
    @DisplayName("MSG-5: through the API a subject with a personnummer is refused with a Swedish 400 and nothing is stored")
    void subjectWithPersonnummerStoresNothing(String subject) throws Exception {
        long before = messageCount();
        MockHttpServletResponse refused = send("assistent", """
                {"idempotencyKey":"%s","type":"FREE_TEXT","subject":"%s","body":"Hej","recipientUsers":["boendesamordnare"]}
                """.formatted(key(), subject));
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(body(refused)).contains("aldrig innehålla personnummer").doesNotContain(subject);
        assertThat(messageCount()).isEqualTo(before);
    }

    @Test
    @DisplayName("MSG-5: on a protected person's case the system writes the case number as the subject; any other subject is refused")
    void protectedCaseSubjectIsTheCaseNumber() throws Exception {
        String astrid = caseOf("astrid");
        MockHttpServletResponse named = send(DemoUsers.AUTHORISED, """
                {"idempotencyKey":"%s","type":"FREE_TEXT","subject":"Inflyttning Rut","body":"Hej","caseNumber":"%s","recipientUsers":["boendesamordnare"]}
                """.formatted(key(), astrid));
        assertThat(named.getStatus()).isEqualTo(400);
        assertThat(body(named)).contains("får bara innehålla ärendenumret");
        MockHttpServletResponse sent = send(DemoUsers.AUTHORISED, """
                {"idempotencyKey":"%s","type":"FREE_TEXT","body":"Hej","caseNumber":"%s","recipientUsers":["boendesamordnare"]}
                """.formatted(key(), astrid));
        assertThat(sent.getStatus()).isEqualTo(201);
        UUID id = UUID.fromString(JsonPath.read(body(sent), "$.id"));
        assertThat(jdbc.sql("select subject from message where id = ?").param(id).query(String.class).single()).isEqualTo(astrid);
    }

    // --- MSG-8: the text ----------------------------------------------------------------------

    @Test
    @DisplayName("MSG-8: a text with a personnummer is always refused, even confirmed (\"Skriv aldrig personnummer\"), and nothing is stored")
    void personnummerInBodyIsRefused() throws Exception {
        long before = messageCount();
        for (String body : new String[] {"Gäller 420310-9147", "Hon har 19420310 9147", "pnr 3805089145"}) {
            MockHttpServletResponse refused = send(DemoUsers.AUTHORISED, """
                    {"idempotencyKey":"%s","type":"FREE_TEXT","subject":"Fråga","body":"%s","recipientUsers":["boendesamordnare"],
                     "confirmBodyWarning":true}
                    """.formatted(key(), body));
            assertThat(refused.getStatus()).as(body).isEqualTo(400);
            assertThat(body(refused)).contains("Skriv aldrig personnummer").doesNotContain("9147").doesNotContain("9145");
        }
        MockHttpServletResponse inField = send("assistent", """
                {"idempotencyKey":"%s","type":"FEE_INFORMATION","subject":"Avgift","caseNumber":"%s",
                 "fields":{"feeMatter":"Avser 380508-9145","effectiveFrom":"2027-01-01"},"recipientUsers":["avgift"]}
                """.formatted(key(), caseOf("greta")));
        assertThat(inField.getStatus()).isEqualTo(400);
        assertThat(body(inField)).contains("Skriv aldrig personnummer");
        assertThat(messageCount()).isEqualTo(before);
    }

    @ParameterizedTest(name = "sender {0}")
    @ValueSource(strings = {DemoUsers.AUTHORISED})
    @DisplayName("MSG-8: to a sender who may see the protected person, a text naming her is flagged with 422 without echoing the name, recorded, and nothing is stored")
    void protectedNameIsFlagged(String sender) throws Exception {
        long before = messageCount();
        long flagged = flaggedCount(sender);
        for (String body : new String[] {"Astrid flyttar in på måndag", "Fru KARLSSON behöver hjälp", "Sonen Olle ringer"}) {
            MockHttpServletResponse warned = send(sender, """
                    {"idempotencyKey":"%s","type":"FREE_TEXT","body":"%s","caseNumber":"%s","recipientUsers":["boendesamordnare"]}
                    """.formatted(key(), body, caseOf("astrid")));
            assertThat(warned.getStatus()).as(body).isEqualTo(422);
            assertThat(body(warned)).contains("Texten innehåller ett namn som inte får stå i meddelandet").contains("\"confirmable\":true")
                    .doesNotContainIgnoringCase("astrid").doesNotContainIgnoringCase("karlsson").doesNotContain("Olle");
        }
        assertThat(messageCount()).isEqualTo(before);
        assertThat(flaggedCount(sender)).isEqualTo(flagged + 3);
    }

    @Test
    @DisplayName("MSG-8: names of unprotected persons may be written, and a confirmed text naming the protected person is shown only to readers who may see her")
    void confirmedNameIsShownOnlyToTheAuthorised() throws Exception {
        MockHttpServletResponse ordinary = send("assistent", """
                {"idempotencyKey":"%s","type":"FREE_TEXT","subject":"Greta","body":"Greta Andersson flyttar in","caseNumber":"%s",
                 "recipientUsers":["boendesamordnare"]}
                """.formatted(key(), caseOf("greta")));
        assertThat(ordinary.getStatus()).isEqualTo(201);
        MockHttpServletResponse confirmed = send(DemoUsers.AUTHORISED, """
                {"idempotencyKey":"%s","type":"FREE_TEXT","body":"Astrid flyttar in på måndag","caseNumber":"%s",
                 "recipientUsers":["boendesamordnare","enhetschef"],"confirmBodyWarning":true}
                """.formatted(key(), caseOf("astrid")));
        assertThat(confirmed.getStatus()).isEqualTo(201);
        String id = JsonPath.read(body(confirmed), "$.id");
        String unauthorised = body(as("boendesamordnare", get("/api/v1/messages/" + id)));
        assertThat(unauthorised).doesNotContain("Astrid").contains("\"bodyWithheld\":true");
        String authorised = body(as(DemoUsers.UNIT_MANAGER, get("/api/v1/messages/" + id)));
        assertThat(authorised).contains("Astrid flyttar in på måndag").contains("\"bodyWithheld\":false");
    }

    // --- Idempotency --------------------------------------------------------------------------

    @Test
    @DisplayName("MSG: the same idempotency key from the same sender gives back the first message, never a second one")
    void sameKeyTwiceIsOneMessage() throws Exception {
        String key = key();
        String request = """
                {"idempotencyKey":"%s","type":"FREE_TEXT","subject":"Nycklar","body":"Nycklarna är hämtade","recipientUsers":["larm"]}
                """.formatted(key);
        MockHttpServletResponse first = send("planerare", request);
        MockHttpServletResponse again = send("planerare", request);
        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(JsonPath.<String>read(body(again), "$.id")).isEqualTo(JsonPath.read(body(first), "$.id"));
        assertThat(jdbc.sql("select count(*) from message where idempotency_key = ?").param(key).query(Long.class).single()).isEqualTo(1);
        MockHttpServletResponse otherSender = send("verksamhetsledare", request);
        assertThat(otherSender.getStatus()).as("the key is the sender's own").isEqualTo(201);
    }

    @Test
    @DisplayName("MSG: two requests with the same key at once make one message, and both answer with its id")
    void sameKeyAtOnceIsOneMessage() throws Exception {
        String key = key();
        String request = """
                {"idempotencyKey":"%s","type":"FREE_TEXT","subject":"Samtidigt","body":"Två gånger samtidigt","recipientUsers":["larm"]}
                """.formatted(key);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return send("planerare", request);
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            List<Integer> statuses = new ArrayList<>();
            for (Future<MockHttpServletResponse> answer : answers) {
                MockHttpServletResponse response = answer.get();
                statuses.add(response.getStatus());
                ids.add(JsonPath.read(body(response), "$.id"));
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 200);
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from message where idempotency_key = ?").param(key).query(Long.class).single()).isEqualTo(1);
    }

    // --- MSG-6: who may read, the inbox, protected persons ------------------------------------

    @Test
    @DisplayName("PROT-24: only the sender and the recipients read a message; a stranger gets exactly the answer for a message that does not exist, and is recorded")
    void strangerGetsTheAnswerForNothing() throws Exception {
        MockHttpServletResponse sent = send("planerare", """
                {"idempotencyKey":"%s","type":"FREE_TEXT","subject":"Nycklar","body":"Hämtade","caseNumber":"%s","recipientUsers":["larm"]}
                """.formatted(key(), caseOf("greta")));
        String id = JsonPath.read(body(sent), "$.id");
        assertThat(as("planerare", get("/api/v1/messages/" + id)).getStatus()).isEqualTo(200);
        assertThat(as("larm", get("/api/v1/messages/" + id)).getStatus()).isEqualTo(200);
        String deniedEvents = """
                select count(*) from audit_event where actor_username = 'handlaggare2' and outcome = 'DENIED'
                  and purpose in ('READ_MESSAGE', 'MARK_READ', 'ARCHIVE_MESSAGE')
                """;
        long denials = jdbc.sql(deniedEvents).query(Long.class).single();
        for (String path : new String[] {"", "/read", "/archive"}) {
            MockHttpServletRequestBuilder real = path.isEmpty() ? get("/api/v1/messages/" + id) : post("/api/v1/messages/" + id + path);
            UUID random = UUID.randomUUID();
            MockHttpServletRequestBuilder none = path.isEmpty() ? get("/api/v1/messages/" + random) : post("/api/v1/messages/" + random + path);
            MockHttpServletResponse denied = as(DemoUsers.UNAUTHORISED, real);
            MockHttpServletResponse missing = as(DemoUsers.UNAUTHORISED, none);
            assertThat(denied.getStatus()).as(path).isEqualTo(403);
            assertThat(missing.getStatus()).as(path).isEqualTo(403);
            assertThat(normalise(body(denied))).isEqualTo(normalise(body(missing)));
            assertThat(body(denied)).contains("Behörighet saknas").doesNotContain("Nycklar");
        }
        assertThat(jdbc.sql(deniedEvents).query(Long.class).single()).isEqualTo(denials + 6);
    }

    @Test
    @DisplayName("PROT-3, MSG-6, AUD-1: a recipient without authorisation sees a protected person's message with the case number and the mask only, no alias outside the unit that serves her (PROT-13), in the inbox and opened; opening is audited")
    void protectedPersonIsMaskedForTheUnauthorised() throws Exception {
        String astrid = caseOf("astrid");
        String id = fromRecord(DemoUsers.AUTHORISED, "PLACE_OFFER", null, astrid, Map.of("facility", "Solgården", "apartment", "Lägenhet 7B",
                "relativeContact", "Sonen, telefon i ärendet", "currentResidence", "SHORT_STAY", "coResident", "YES"),
                List.of("boendesamordnare", "enhetschef"), List.of()).toString();
        UUID astridId = personId("astrid");
        long maskedBefore = audit("boendesamordnare", astridId, "LIST", "MESSAGE").getOrDefault("MASKED", 0L);
        long allowedBefore = audit(DemoUsers.UNIT_MANAGER, astridId, "VIEW", "READ_MESSAGE").getOrDefault("ALLOWED", 0L);

        String inbox = body(as("boendesamordnare", get("/api/v1/messages/inbox").param("limit", "50")));
        assertThat(inbox).contains(astrid).contains("1942XXXX-XXXX").doesNotContain(DemoUsers.PROTECTED_ALIAS);
        assertNoIdentity(inbox);
        String opened = body(as("boendesamordnare", get("/api/v1/messages/" + id)));
        assertThat(opened).contains(astrid).contains("1942XXXX-XXXX").contains("\"masked\":true").doesNotContain("SHORT_STAY")
                .doesNotContain("Lägenhet 7B").doesNotContain("Solgården");
        assertThat(JsonPath.<List<String>>read(opened, "$.withheldFields")).containsExactlyInAnyOrder("facility", "apartment", "relativeContact",
                "currentResidence", "coResident");
        assertNoIdentity(opened);
        assertThat(audit("boendesamordnare", astridId, "LIST", "MESSAGE")).containsEntry("MASKED", maskedBefore + 1);

        String authorised = body(as(DemoUsers.UNIT_MANAGER, get("/api/v1/messages/" + id)));
        assertThat(authorised).contains("Astrid").contains("Karlsson").contains("19420310-9147").contains("Lägenhet 7B");
        assertThat(audit(DemoUsers.UNIT_MANAGER, astridId, "VIEW", "READ_MESSAGE")).containsEntry("ALLOWED", allowedBefore + 1);
        assertThat(audit(DemoUsers.AUTHORISED, astridId, "CREATE", "SEND")).containsKey("ALLOWED");
    }

    @Test
    @DisplayName("MSG-6: the inbox is newest first in keyset pages, with the unread count, and costs the same statements for 5 rows as for 10")
    void inboxPagesAndCost() throws Exception {
        String reader = "verksamhetsledare";
        String[] persons = {"greta", "astrid", "harald", "birgitta", "elsa"};
        Set<String> sentIds = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            String person = persons[i % persons.length];
            boolean ordinary = person.equals("greta") || person.equals("elsa");
            MockHttpServletResponse sent = send(DemoUsers.AUTHORISED, """
                    {"idempotencyKey":"%s","type":"FREE_TEXT",%s"body":"Meddelande %d","caseNumber":"%s","recipientUsers":["%s"]}
                    """.formatted(key(), ordinary ? "\"subject\":\"Hemtjänst\"," : "", i, caseOf(person), reader));
            assertThat(sent.getStatus()).as(body(sent)).isEqualTo(201);
            sentIds.add(JsonPath.read(body(sent), "$.id"));
        }
        StatementCounter.reset();
        // Any 5 of the 10 hold a protected person's message, so the gate does the same work for both pages.
        MockHttpServletResponse five = as(reader, get("/api/v1/messages/inbox").param("limit", "5"));
        int forFive = StatementCounter.count();
        StatementCounter.reset();
        MockHttpServletResponse ten = as(reader, get("/api/v1/messages/inbox").param("limit", "10"));
        int forTen = StatementCounter.count();
        assertThat(JsonPath.<List<String>>read(body(ten), "$.items[*].id")).hasSize(10);
        assertThat(forTen).as("statements for 10 rows").isEqualTo(forFive);
        assertThat(JsonPath.<Integer>read(body(five), "$.unread")).isGreaterThanOrEqualTo(10);

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            MockHttpServletRequestBuilder page = get("/api/v1/messages/inbox").param("limit", "3");
            if (cursor != null) {
                page.param("cursor", cursor);
            }
            String json = body(as(reader, page));
            paged.addAll(JsonPath.read(json, "$.items[*].id"));
            cursor = JsonPath.read(json, "$.nextCursor");
        } while (cursor != null);
        assertThat(paged).doesNotHaveDuplicates().containsAll(sentIds);
        List<String> all = JsonPath.read(body(as(reader, get("/api/v1/messages/inbox").param("limit", "50"))), "$.items[*].id");
        assertThat(paged).containsExactlyElementsOf(all);
        List<String> sentAt = JsonPath.read(body(as(reader, get("/api/v1/messages/inbox").param("limit", "50"))), "$.items[*].sentAt");
        for (int i = 1; i < sentAt.size(); i++) {
            assertThat(OffsetDateTime.parse(sentAt.get(i))).isBeforeOrEqualTo(OffsetDateTime.parse(sentAt.get(i - 1)));
        }
        assertThat(as(reader, get("/api/v1/messages/inbox").param("cursor", "inte-en-markör")).getStatus()).isEqualTo(400);
    }

    @Test
    @DisplayName("MSG-6, MSG-2: reading marks the message read for the reader, lowers the unread count, and shows in the group's read receipts")
    void readReceipts() throws Exception {
        MockHttpServletResponse sent = sendWithMeasurement("assistent", """
                {"idempotencyKey":"%s","type":"LEVEL_MEASUREMENT","subject":"Nivåmätning","caseNumber":"%s"}
                """.formatted(key(), caseOf("greta")));
        String id = JsonPath.read(body(sent), "$.id");
        int unread = JsonPath.read(body(as("boendesamordnare", get("/api/v1/messages/inbox"))), "$.unread");
        assertThat(as("boendesamordnare", post("/api/v1/messages/" + id + "/read")).getStatus()).isEqualTo(204);
        assertThat(JsonPath.<Integer>read(body(as("boendesamordnare", get("/api/v1/messages/inbox"))), "$.unread")).isEqualTo(unread - 1);
        String view = body(as("assistent", get("/api/v1/messages/" + id)));
        assertThat(JsonPath.<List<String>>read(view, "$.readReceipts[?(@.readAt != null)].user")).containsExactly("Johan Ek");
        assertThat(JsonPath.<List<String>>read(view, "$.readReceipts[?(@.readAt == null)].user")).containsExactly("Amina Yusuf");
        assertThat(JsonPath.<List<String>>read(view, "$.recipientGroups")).containsExactly("Boendesamordnare");
    }

    @Test
    @DisplayName("MSG-6: a reply joins the thread and goes back to the original sender; archiving hides it from the inbox but not from opening")
    void replyAndArchive() throws Exception {
        MockHttpServletResponse sent = send("assistent", """
                {"idempotencyKey":"%s","type":"FREE_TEXT","subject":"Rum 12","body":"Är rummet klart?","caseNumber":"%s","recipientUsers":["boendesamordnare"]}
                """.formatted(key(), caseOf("greta")));
        String original = JsonPath.read(body(sent), "$.id");
        MockHttpServletResponse reply = send("boendesamordnare", """
                {"idempotencyKey":"%s","replyTo":"%s","body":"Ja, från måndag."}
                """.formatted(key(), original));
        assertThat(reply.getStatus()).as(body(reply)).isEqualTo(201);
        String replyId = JsonPath.read(body(reply), "$.id");
        assertThat(JsonPath.<String>read(body(reply), "$.threadId")).isEqualTo(original);
        assertThat(recipients(UUID.fromString(replyId))).containsExactly("assistent");
        String view = body(as("assistent", get("/api/v1/messages/" + replyId)));
        assertThat(JsonPath.<String>read(view, "$.subject")).isEqualTo("Sv: Rum 12");
        assertThat(JsonPath.<String>read(view, "$.caseNumber")).isEqualTo(caseOf("greta"));

        assertThat(inboxIds("assistent")).contains(replyId);
        assertThat(as("assistent", post("/api/v1/messages/" + replyId + "/archive")).getStatus()).isEqualTo(204);
        assertThat(inboxIds("assistent")).doesNotContain(replyId);
        assertThat(as("assistent", get("/api/v1/messages/" + replyId)).getStatus()).isEqualTo(200);

        MockHttpServletResponse strangerReply = send(DemoUsers.UNAUTHORISED, """
                {"idempotencyKey":"%s","replyTo":"%s","body":"Jag svarar också"}
                """.formatted(key(), original));
        assertThat(strangerReply.getStatus()).as("only a reader may reply").isEqualTo(403);
    }

    // --- MSG-2: groups ------------------------------------------------------------------------

    @Test
    @DisplayName("MSG-2: the unit manager adds and removes members of the own unit's group; anyone else, and any other group, is told Behörighet saknas")
    void unitManagerKeepsTheUnitGroup() throws Exception {
        UUID centrum = groupId("Myndighet Centrum");
        String add = "{\"username\":\"planerare\"}";
        assertThat(as(DemoUsers.UNIT_MANAGER, post("/api/v1/message-groups/" + centrum + "/members").contentType(MediaType.APPLICATION_JSON)
                .content(add)).getStatus()).isEqualTo(204);
        assertThat(members(centrum)).contains("planerare");
        MockHttpServletResponse sent = send("lvs", """
                {"idempotencyKey":"%s","type":"FREE_TEXT","subject":"Till Centrum","body":"Hej","recipientGroups":["%s"]}
                """.formatted(key(), centrum));
        assertThat(recipients(UUID.fromString(JsonPath.read(body(sent), "$.id")))).contains("planerare", "handlaggare", "enhetschef");
        assertThat(as(DemoUsers.UNIT_MANAGER, delete("/api/v1/message-groups/" + centrum + "/members/planerare")).getStatus()).isEqualTo(204);
        assertThat(members(centrum)).doesNotContain("planerare");

        for (var attempt : List.of(
                as(DemoUsers.AUTHORISED, post("/api/v1/message-groups/" + centrum + "/members").contentType(MediaType.APPLICATION_JSON).content(add)),
                as(DemoUsers.UNIT_MANAGER, post("/api/v1/message-groups/" + groupId("BOSAM") + "/members").contentType(MediaType.APPLICATION_JSON)
                        .content(add)),
                as(DemoUsers.UNIT_MANAGER, post("/api/v1/message-groups/" + groupId("Solgårdens vård- och omsorgsboende") + "/members")
                        .contentType(MediaType.APPLICATION_JSON).content(add)),
                as(DemoUsers.UNIT_MANAGER, post("/api/v1/message-groups/" + UUID.randomUUID() + "/members").contentType(MediaType.APPLICATION_JSON)
                        .content(add)),
                as("lvs", delete("/api/v1/message-groups/" + centrum + "/members/handlaggare")))) {
            assertThat(attempt.getStatus()).isEqualTo(403);
            assertThat(body(attempt)).contains("Behörighet saknas");
        }
        assertThat(members(centrum)).contains("handlaggare").doesNotContain("planerare");
        String groups = body(as(DemoUsers.UNIT_MANAGER, get("/api/v1/message-groups")));
        assertThat(JsonPath.<List<String>>read(groups, "$[?(@.manageable == true)].name")).containsExactly("Myndighet Centrum");
    }

    @Autowired UnitGroups unitGroups;

    @Test
    @DisplayName("MSG-2: a unit added after the migration gets its message group when a node starts, once")
    void newUnitGetsItsGroup() {
        UUID unit = UUID.randomUUID();
        jdbc.sql("insert into unit (id, name, administration, kind) values (?, 'Hemtjänst Väster', 'Äldre samt vård- och omsorgsförvaltningen', 'HOME_CARE')")
                .param(unit).update();
        unitGroups.createMissing();
        unitGroups.createMissing();
        assertThat(jdbc.sql("select count(*) from message_group where unit_id = ? and id = ? and kind = 'UNIT' and name = 'Hemtjänst Väster'")
                .params(unit, unit).query(Long.class).single()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    @DisplayName("MSG-3: every type has a Swedish title, and never a field for a name or personnummer")
    void noIdentityFields(MessageType type) {
        assertThat(type.title()).isNotBlank();
        assertThat(type.fields()).extracting(MessageField::name)
                .noneMatch(name -> name.toLowerCase().contains("personnummer") || name.toLowerCase().contains("identity")
                        || name.equalsIgnoreCase("name") || name.equalsIgnoreCase("firstName") || name.equalsIgnoreCase("lastName"));
    }

    // --- helpers ------------------------------------------------------------------------------

    @Autowired Messages messages;

    /** A message as the module that owns its record composes it (placement, access), as the given user: never through the API. */
    private UUID fromRecord(String sender, String type, String subject, String caseNumber, Map<String, String> fields, List<String> toUsers,
                            List<UUID> toGroups) {
        try (AsUser ignored = AsUser.login(users, sender)) {
            return messages.send(new NewMessage(key(), type, subject, "Enligt rutinen", caseNumber, toUsers, toGroups, fields, null, false)).id();
        }
    }

    private InvalidInputException refusedFromRecord(String sender, String type, String caseNumber, Map<String, String> fields) {
        try (AsUser ignored = AsUser.login(users, sender)) {
            messages.send(new NewMessage(key(), type, "Meddelande", null, caseNumber, List.of("lvs"), List.of(), fields, null, false));
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("the message was sent");
    }

    private void assertNoIdentity(String json) {
        assertThat(json).doesNotContain("Astrid").doesNotContain("Karlsson").doesNotContain("Ekvägen").doesNotContain("19420310")
                .doesNotContain("420310-9147").doesNotContain("0310-9147").doesNotContain("Olle");
    }

    private MockHttpServletResponse send(String username, String json) throws Exception {
        return as(username, post("/api/v1/messages").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** A level measurement travels with the measurement (MSG-3): the multipart variant, with a small PDF. */
    private MockHttpServletResponse sendWithMeasurement(String username, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/messages")
                .file(new org.springframework.mock.web.MockMultipartFile("message", "", MediaType.APPLICATION_JSON_VALUE,
                        json.getBytes(StandardCharsets.UTF_8)))
                .file(new org.springframework.mock.web.MockMultipartFile("attachments", "nivamatning.pdf", "application/pdf",
                        "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)))
                .with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
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
        return "test-" + UUID.randomUUID();
    }

    private static String json(Map<String, String> fields) {
        return "{" + String.join(",", fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"").toList()) + "}";
    }

    private List<String> inboxIds(String username) throws Exception {
        return JsonPath.read(body(as(username, get("/api/v1/messages/inbox").param("limit", "50"))), "$.items[*].id");
    }

    private long messageCount() {
        return jdbc.sql("select count(*) from message").query(Long.class).single();
    }

    private long flaggedCount(String username) {
        return jdbc.sql("select count(*) from audit_event where actor_username = ? and purpose = 'SEND' and outcome = 'DENIED'")
                .param(username).query(Long.class).single();
    }

    private Set<String> recipients(UUID message) {
        return new HashSet<>(jdbc.sql("select u.username from message_delivery d join app_user u on u.id = d.user_id where d.message_id = ?")
                .param(message).query(String.class).list());
    }

    private Set<String> members(UUID group) {
        return new HashSet<>(jdbc.sql("select u.username from message_group_member m join app_user u on u.id = m.user_id where m.group_id = ?")
                .param(group).query(String.class).list());
    }

    private java.util.Map<String, Long> audit(String username, UUID person, String action, String purpose) {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("select outcome, count(*) from audit_event where actor_username = ? and person_id = ? and action = ? and purpose = ? group by outcome")
                .params(username, person, action, purpose)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    private UUID groupId(String name) {
        return jdbc.sql("select id from message_group where name = ?").param(name).query(UUID.class).single();
    }

    private UUID personId(String key) {
        String pin = switch (key) {
            case "greta" -> "193805089145";
            case "astrid" -> "194203109147";
            case "harald" -> "193511308292";
            case "birgitta" -> "194707262202";
            case "elsa" -> "194102069046";
            default -> throw new IllegalArgumentException(key);
        };
        return jdbc.sql("select id from person where personal_identity_number = ?").param(pin).query(UUID.class).single();
    }

    /** The person's open case, by number. */
    private String caseOf(String person) {
        return jdbc.sql("select case_number from care_case where person_id = ? and status = 'OPEN' order by opened_on limit 1")
                .param(personId(person)).query(String.class).single();
    }

    private void addUser(String username, String fullName, String role, String systemGroup) {
        if (jdbc.sql("select count(*) from app_user where username = ?").param(username).query(Long.class).single() > 0) {
            return;
        }
        UUID unit = jdbc.sql("select unit_id from app_user where username = 'boendesamordnare'").query(UUID.class).single();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into app_user (id, username, full_name, email, password_hash, role, unit_id, grant_right, enabled)
                        values (?, ?, ?, ?, ?, ?, ?, false, true)
                        """)
                .params(id, username, fullName, username + "@test.invalid", passwords.encode(DemoUsers.PASSWORD), role, unit).update();
        jdbc.sql("insert into message_group_member (group_id, user_id, added_at) values (?, ?, current_timestamp)")
                .params(groupId(systemGroup), id).update();
    }
}
