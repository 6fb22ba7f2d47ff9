package se.omsorgsnav.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.omsorgsnav.person.PersonDied;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.RecordedEvents;
import se.omsorgsnav.support.TestClock;
import se.omsorgsnav.support.TestData;

/**
 * Seed 003 as one routine through the API, each role with its own user, the days passing on the
 * clock: what each role is told (messages) and what deadline each is shown at each step, and the
 * module events the steps publish. The browser tells the same story in BrowserRoutineTests.
 */
@OmsorgsnavTest
class PlacementRoutineTests {

    private static int serial;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;
    @Autowired RecordedEvents events;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    private MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
    }

    private MockHttpServletResponse postJson(String username, String path, String json) throws Exception {
        return as(username, post(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String body(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    private static UUID id(MockHttpServletResponse created) throws Exception {
        assertThat(created.getStatus()).as(body(created)).isEqualTo(201);
        return UUID.fromString(JsonPath.read(body(created), "$.id"));
    }

    private record Case(UUID personId, String number) {}

    /** A person of their own with an open case of the case officer 'handlaggare'. */
    private Case personWithCase(String firstName) {
        TestData.Person person = data.person().named(firstName, "Rutinsson").create();
        TestData.Case careCase = data.caseFor(person).subject("Vård- och omsorgsboende").openedOn(TestClock.TODAY.minusDays(60)).create();
        return new Case(person.id(), careCase.number());
    }

    /** Who received the message of this type on this case. */
    private List<String> recipients(String type, String caseNumber) {
        return jdbc.sql("""
                        select u.username from message m join message_delivery d on d.message_id = m.id join app_user u on u.id = d.user_id
                        where m.type = ? and m.case_number = ? order by u.username
                        """).params(type, caseNumber).query(String.class).list();
    }

    private Map<String, String> fields(String type, String caseNumber) {
        Map<String, String> fields = new java.util.TreeMap<>();
        jdbc.sql("select f.name, f.field_value from message m join message_field f on f.message_id = m.id where m.type = ? and m.case_number = ?")
                .params(type, caseNumber).query((rs, n) -> fields.put(rs.getString(1), rs.getString(2))).list();
        return fields;
    }

    /** The table row or section of a page that shows this case: other tests' rows must not decide what this one asserts. */
    private static String part(String html, String caseNumber) {
        return part(html, caseNumber, "<main");
    }

    private static String part(String html, String caseNumber, String after) {
        int at = html.indexOf(caseNumber, html.indexOf(after));
        assertThat(at).as("the page shows " + caseNumber).isNotNegative();
        int row = html.lastIndexOf("<tr", at);
        int section = html.lastIndexOf("<section", at);
        boolean inRow = row > section;
        int from = inRow ? row : section;
        int to = html.indexOf(inRow ? "</tr>" : "</section>", at);
        return html.substring(from, to);
    }

    private record Allocated(String number, UUID apartment, UUID decision, UUID allocation) {}

    /**
     * A somatic apartment of its own at Solgården, out for renovation until {@code readyOn}, and the
     * case's signed decision, allocated to it by {@code coordinator}: the routine up to the offer.
     */
    private Allocated allocatedAfterRenovation(Case applicant, String readyOn, String decidedOn, String residence, String coordinator)
            throws Exception {
        String number = "V" + UUID.randomUUID().toString().substring(0, 5);
        UUID apartment = id(postJson("chef-solgarden", "/api/v1/placement/apartments",
                "{\"number\":\"%s\",\"careProfile\":\"SOMATIC\",\"monthlyRent\":\"6200\"}".formatted(number)));
        id(postJson("chef-solgarden", "/api/v1/placement/vacancies", """
                {"apartmentId":"%s","reason":"RENOVATION","eventDate":"2026-11-02","readyOn":"%s"}
                """.formatted(apartment, readyOn)));
        UUID decision = id(postJson("handlaggare", "/api/v1/placement/decisions", """
                {"caseNumber":"%s","careProfile":"SOMATIC","decidedOn":"%s","currentResidence":"%s","coResident":false}
                """.formatted(applicant.number(), decidedOn, residence)));
        UUID allocation = id(postJson(coordinator, "/api/v1/placement/allocations",
                "{\"decisionId\":\"%s\",\"apartmentId\":\"%s\"}".formatted(decision, apartment)));
        return new Allocated(number, apartment, decision, allocation);
    }

    private String decisionStatus(UUID decision) {
        return jdbc.sql("select status from placement_decision where id = ?").param(decision).query(String.class).single();
    }

    /** The value once it satisfies {@code done}: what an after-commit listener writes, awaited for at most five seconds. */
    private static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> done) {
        return await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(read::get, done::test);
    }

    @Test
    @DisplayName("PLC-1..PLC-9, PLC-13, REG-2: seed 003 from decision to execution through the API, each role's user, messages and deadlines at each step")
    void fromDecisionToExecution() throws Exception {
        Case applicant = personWithCase("Greta");
        Case formerTenant = personWithCase("Tidigare");

        // Wednesday 18 November. The unit manager keeps the home's apartments (PLC-3).
        String number = "R" + UUID.randomUUID().toString().substring(0, 5);
        UUID apartment = id(postJson("chef-solgarden", "/api/v1/placement/apartments",
                "{\"number\":\"%s\",\"careProfile\":\"DEMENTIA\",\"remarks\":\"Litet badrum\",\"monthlyRent\":\"6850\"}".formatted(number)));

        // Case officer 1-2 (PLC-1): signs the decision; BOSAM gets the structured message.
        UUID decision = id(postJson("handlaggare", "/api/v1/placement/decisions", """
                {"caseNumber":"%s","careProfile":"DEMENTIA","decidedOn":"2026-11-18","currentResidence":"HOSPITAL","coResident":false,
                 "wishes":"Nära Solgården","specialReasons":"Demens, orolig nattetid","relativeContact":"Dottern, 070-123 45 67"}
                """.formatted(applicant.number())));
        assertThat(recipients("PLACEMENT_DECISION", applicant.number())).contains("boendesamordnare", "boendesamordnare2");
        assertThat(fields("PLACEMENT_DECISION", applicant.number())).containsEntry("careProfile", "DEMENTIA")
                .containsEntry("specialReasons", "Demens, orolig nattetid").containsEntry("wishes", "Nära Solgården");
        assertThat(events.of(DecisionSigned.class)).anySatisfy(e -> assertThat(e.decisionId()).isEqualTo(decision));

        // Thursday 19 November the tenant dies; Friday the unit manager reports it, on time (PLC-3, PLC-13).
        clock.travelTo(LocalDate.of(2026, 11, 20));
        UUID vacancy = id(postJson("chef-solgarden", "/api/v1/placement/vacancies", """
                {"apartmentId":"%s","reason":"DEATH","eventDate":"2026-11-19","readyOn":"2026-11-23","caseNumber":"%s"}
                """.formatted(apartment, formerTenant.number())));
        assertThat(recipients("DEATH_OR_MOVE_OUT", formerTenant.number())).contains("boendesamordnare", "boendesamordnare2", "avgift");
        assertThat(fields("DEATH_OR_MOVE_OUT", formerTenant.number())).containsEntry("apartment", number).containsEntry("availableFrom", "2026-11-23")
                .containsEntry("apartmentRemarks", "Litet badrum");
        assertThat(jdbc.sql("select late from vacancy where id = ?").param(vacancy).query(Boolean.class).single()).isFalse();
        assertThat(events.of(VacancyReported.class)).anySatisfy(e -> assertThat(e.vacancyId()).isEqualTo(vacancy));

        // Coordination assistant 2-3 (PLC-2): the decision is in the queue, two days waiting.
        String queue = body(as("boendesamordnare", get("/api/v1/placement/queue")));
        List<Integer> waiting = JsonPath.read(queue, "$[?(@.caseNumber == '%s')].waitingDays".formatted(applicant.number()));
        assertThat(waiting).containsExactly(2);

        // Coordination manager 3-4 (PLC-4): allocates; the home's group gets the person to offer.
        UUID allocation = id(postJson("boendesamordnare", "/api/v1/placement/allocations",
                "{\"decisionId\":\"%s\",\"apartmentId\":\"%s\"}".formatted(decision, apartment)));
        assertThat(recipients("PLACE_OFFER", applicant.number())).contains("chef-solgarden");
        assertThat(fields("PLACE_OFFER", applicant.number())).containsEntry("apartment", number);

        // Unit manager 4-6 (PLC-5): offers on Friday; the answer is due the next working day, Monday.
        assertThat(body(as("chef-solgarden", get("/placement/offers")))).contains(applicant.number());
        assertThat(part(body(as("chef-solgarden", get("/"))), applicant.number(), "id=\"placeringar\"")).as("UX-2: on the start page")
                .contains("Erbjud lägenhet " + number);
        MockHttpServletResponse offered = postJson("chef-solgarden", "/api/v1/placement/allocations/" + allocation + "/offer",
                "{\"offeredOn\":\"2026-11-20\"}");
        assertThat(offered.getStatus()).as(body(offered)).isEqualTo(204);
        assertThat(jdbc.sql("select answer_due_on from allocation where id = ?").param(allocation).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(part(body(as("chef-solgarden", get("/placement/offers"))), applicant.number())).contains("svar senast").contains("2026-11-23")
                .doesNotContain("svaret är försenat");

        // Tuesday 24 November: no answer recorded, so the offer shows as overdue to the coordinators and the home.
        clock.travelTo(LocalDate.of(2026, 11, 24));
        List<String> overdue = JsonPath.read(body(as("boendesamordnare", get("/api/v1/placement/offers/overdue"))), "$[*].caseNumber");
        assertThat(overdue).contains(applicant.number());
        assertThat(part(body(as("chef-solgarden", get("/placement/offers"))), applicant.number())).contains("svaret är försenat");
        assertThat(part(body(as("boendesamordnare", get("/placement/queue"))), applicant.number(), "id=\"forsenade\"")).contains("2026-11-23");
        assertThat(part(body(as("boendesamordnare", get("/"))), applicant.number(), "id=\"placeringar\"")).contains("inte besvarat")
                .contains("2026-11-23").contains("(försenad)");
        assertThat(part(body(as("chef-solgarden", get("/"))), applicant.number(), "id=\"placeringar\"")).contains("Registrera svaret")
                .contains("(försenad)");

        // Unit manager 7 (PLC-6): the answer was yes on Monday; move-in within seven days of the apartment being ready.
        MockHttpServletResponse late = postJson("chef-solgarden", "/api/v1/placement/allocations/" + allocation + "/answer",
                "{\"answer\":\"ACCEPT\",\"answeredOn\":\"2026-11-23\",\"moveInOn\":\"2026-12-02\"}");
        assertThat(late.getStatus()).isEqualTo(400);
        assertThat(body(late)).contains("Inflyttning ska ske inom sju dagar").contains("2026-11-30");
        MockHttpServletResponse accepted = postJson("chef-solgarden", "/api/v1/placement/allocations/" + allocation + "/answer",
                "{\"answer\":\"ACCEPT\",\"answeredOn\":\"2026-11-23\",\"moveInOn\":\"2026-11-30\"}");
        assertThat(accepted.getStatus()).as(body(accepted)).isEqualTo(204);
        assertThat(recipients("MOVE_IN", applicant.number())).as("BOSAM, and the case officer (seed 003 case officer 3)")
                .contains("boendesamordnare", "boendesamordnare2", "handlaggare");
        assertThat(fields("MOVE_IN", applicant.number())).containsEntry("moveInDate", "2026-11-30").containsEntry("contractDate", "2026-11-23")
                .containsEntry("apartment", number).containsEntry("rent", "6850.00")
                .containsEntry("offeredOn", "2026-11-20").containsEntry("answeredOn", "2026-11-23");
        assertThat(jdbc.sql("select rent_from from allocation where id = ?").param(allocation).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(events.of(OfferAnswered.class)).anySatisfy(e -> {
            assertThat(e.allocationId()).isEqualTo(allocation);
            assertThat(e.accepted()).isTrue();
            assertThat(e.rentFrom()).isEqualTo(LocalDate.of(2026, 11, 23));
        });

        // Unit manager 9-10: the offer, answer and planned move-in are documented on the case; a home visit is offered before the move-in.
        MockHttpServletResponse visit = postJson("chef-solgarden", "/api/v1/placement/allocations/" + allocation + "/home-visit",
                "{\"homeVisitOfferedOn\":\"2026-11-24\"}");
        assertThat(visit.getStatus()).as(body(visit)).isEqualTo(204);
        assertThat(postJson("assistent", "/api/v1/placement/allocations/" + allocation + "/home-visit", "{\"homeVisitOfferedOn\":\"2026-11-24\"}")
                .getStatus()).as("the unit manager's step").isEqualTo(403);
        String casePage = body(as("handlaggare", get("/cases/" + applicant.number())));
        assertThat(casePage).contains("Erbjudande om lägenhet " + number + " på Solgårdens vård- och omsorgsboende lämnat 2026-11-20")
                .contains("besvarat med ja 2026-11-23. Planerad inflyttning 2026-11-30").contains("Hembesök före inflyttningen erbjudet 2026-11-24");

        assertThat(part(body(as("assistent", get("/placement/offers"))), applicant.number())).contains("Hyran gäller från <span>2026-11-23</span>");
        String notice = body(as("assistent", get("/placement/allocations/" + allocation + "/landlord-notice")));
        assertThat(notice).as("PLC-8: who moves in, and from when the lease applies").contains("Greta Rutinsson").contains(number)
                .contains("2026-11-30").contains("2026-11-23");
        assertThat(jdbc.sql("select count(*) from audit_event where person_id = ? and purpose = 'LANDLORD_NOTICE'").param(applicant.personId())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(part(body(as("assistent", get("/"))), applicant.number(), "id=\"placeringar\"")).contains("Verkställ beslutet")
                .contains("2026-12-01").doesNotContain("(försenad)");

        // Case officer 3-5 (PLC-9): the start page shows the move-in and the working day to close other services by, Friday 27th.
        String start = part(body(as("handlaggare", get("/"))), applicant.number(), "id=\"inflyttningar\"");
        assertThat(start).contains("Solgårdens vård- och omsorgsboende").contains("2026-11-30").contains("2026-11-27").doesNotContain("(att göra nu)")
                .contains(Offers.CLOSE_SERVICES_RULE);
        assertThat(jdbc.sql("select close_services_by from allocation where id = ?").param(allocation).query(LocalDate.class).single())
                .as("stored with its rule at acceptance (UX-2)").isEqualTo(LocalDate.of(2026, 11, 27));
        clock.travelTo(LocalDate.of(2026, 11, 27));
        assertThat(part(body(as("handlaggare", get("/"))), applicant.number(), "id=\"inflyttningar\"")).contains("(att göra nu)");

        // Admin assistant 1-2 (PLC-8): moved in Monday 30th, executed Tuesday 1 December: the next working day, on time.
        clock.travelTo(LocalDate.of(2026, 12, 1));
        MockHttpServletResponse executed = postJson("assistent", "/api/v1/placement/allocations/" + allocation + "/execution",
                "{\"executedOn\":\"2026-12-01\",\"landlordNotifiedOn\":\"2026-11-24\"}");
        assertThat(executed.getStatus()).as(body(executed)).isEqualTo(204);
        assertThat(decisionStatus(decision)).isEqualTo("EXECUTED");
        assertThat(jdbc.sql("select execution_due_on from placement_decision where id = ?").param(decision).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(events.of(DecisionExecuted.class)).anySatisfy(e -> {
            assertThat(e.decisionId()).isEqualTo(decision);
            assertThat(e.late()).isFalse();
        });
        assertThat(body(as("boendesamordnare", get("/api/v1/placement/queue")))).doesNotContain(applicant.number());

        // Coordination assistant 8: placed at the home once executed; the home sees its tenant by case number.
        String tenants = body(as("chef-solgarden", get("/api/v1/placement/tenants")));
        List<String> inApartment = JsonPath.read(tenants, "$[?(@.apartment == '%s')].caseNumber".formatted(number));
        assertThat(inApartment).containsExactly(applicant.number());

        // Coordination assistant 6 (PLC-10): a relocation wish after the move-in, from the queue page.
        assertThat(as("assistent", post("/placement/relocation-wishes").with(csrf()).param("caseNumber", applicant.number())
                .param("wish", "Närmare dottern i Norrby")).getStatus()).isEqualTo(302);
        assertThat(part(body(as("boendesamordnare", get("/placement/queue"))), applicant.number(), "id=\"omplacering\""))
                .contains("Närmare dottern i Norrby");

        // Unit manager 11: the welcome conversation after the move-in, with whom; documented on the case.
        UUID tenancy = jdbc.sql("select id from tenancy where decision_id = ?").param(decision).query(UUID.class).single();
        MockHttpServletResponse early = postJson("chef-solgarden", "/api/v1/placement/tenancies/" + tenancy + "/welcome-talk",
                "{\"welcomeTalkOn\":\"2026-11-27\"}");
        assertThat(early.getStatus()).as("before the move-in").isEqualTo(400);
        MockHttpServletResponse talk = postJson("chef-solgarden", "/api/v1/placement/tenancies/" + tenancy + "/welcome-talk",
                "{\"welcomeTalkOn\":\"2026-12-01\",\"welcomeTalkWith\":\"dottern, kontaktman och sjuksköterska\"}");
        assertThat(talk.getStatus()).as(body(talk)).isEqualTo(204);
        assertThat(part(body(as("chef-solgarden", get("/placement/home"))), applicant.number())).contains("2026-12-01")
                .contains("dottern, kontaktman och sjuksköterska");
        assertThat(body(as("handlaggare", get("/cases/" + applicant.number()))))
                .contains("Välkomstsamtal hållet 2026-12-01 med dottern, kontaktman och sjuksköterska.");

        // REG-2 → PLC-3: the register records the tenant's death on Thursday 3 December; the home is asked to report by Friday.
        clock.travelTo(LocalDate.of(2026, 12, 3));
        MockHttpServletResponse died = postJson("lvs", "/api/v1/persons/" + applicant.personId() + "/death", "{\"dateOfDeath\":\"2026-12-03\"}");
        assertThat(died.getStatus()).as(body(died)).isEqualTo(204);
        assertThat(events.of(PersonDied.class)).anySatisfy(e -> assertThat(e.personId()).isEqualTo(applicant.personId()));
        LocalDate due = eventually(() -> jdbc.sql("select report_due_on from tenancy where decision_id = ?").param(decision).query(LocalDate.class)
                .optional().orElse(null), d -> d != null);
        assertThat(due).isEqualTo(LocalDate.of(2026, 12, 4));
        clock.travelTo(LocalDate.of(2026, 12, 7));
        assertThat(part(body(as("chef-solgarden", get("/"))), applicant.number(), "id=\"placeringar\"")).contains("rapportera lägenhet " + number)
                .contains("2026-12-04").contains("(försenad)");
        String home = part(body(as("chef-solgarden", get("/placement/home"))), applicant.number());
        assertThat(home).contains("Försenad").contains("Rapportera lägenheten ledig senast").contains("2026-12-04");
        UUID reported = id(postJson("chef-solgarden", "/api/v1/placement/vacancies", """
                {"apartmentId":"%s","reason":"DEATH","eventDate":"2026-12-03","readyOn":"2026-12-10","caseNumber":"%s"}
                """.formatted(apartment, applicant.number())));
        assertThat(jdbc.sql("select late from vacancy where id = ?").param(reported).query(Boolean.class).single()).as("reported Monday").isTrue();
        assertThat(JsonPath.<List<String>>read(body(as("chef-solgarden", get("/api/v1/placement/tenants"))),
                "$[?(@.apartment == '%s')].caseNumber".formatted(number))).as("the tenancy ended with the report").isEmpty();
    }

    @Test
    @DisplayName("PLC-7: a declined offer is recorded with its dates, BOSAM and the case officer are told, the person stays in the queue and the apartment is free again")
    void declined() throws Exception {
        Case applicant = personWithCase("Nils");
        Allocated placed = allocatedAfterRenovation(applicant, "2026-11-18", "2026-11-10", "OWN_HOME", "boendesamordnare2");
        String number = placed.number();
        UUID apartment = placed.apartment();
        UUID decision = placed.decision();
        UUID allocation = placed.allocation();
        assertThat(body(as("boendesamordnare", get("/placement/matching")))).as("allocated: not offered twice").doesNotContain(number);
        assertThat(postJson("chef-solgarden", "/api/v1/placement/allocations/" + allocation + "/offer", "{\"offeredOn\":\"2026-11-17\"}")
                .getStatus()).isEqualTo(204);
        MockHttpServletResponse no = postJson("chef-solgarden", "/api/v1/placement/allocations/" + allocation + "/answer",
                "{\"answer\":\"DECLINE\",\"answeredOn\":\"2026-11-18\"}");
        assertThat(no.getStatus()).as(body(no)).isEqualTo(204);

        Map<String, Object> row = jdbc.sql("select status, offered_on, answered_on, active_apartment_id from allocation where id = ?")
                .param(allocation).query().singleRow();
        assertThat(row.get("status")).isEqualTo("DECLINED");
        assertThat(row.get("offered_on").toString()).isEqualTo("2026-11-17");
        assertThat(row.get("answered_on").toString()).isEqualTo("2026-11-18");
        assertThat(row.get("active_apartment_id")).isNull();
        assertThat(recipients("FREE_TEXT", applicant.number())).contains("boendesamordnare", "boendesamordnare2", "handlaggare");
        assertThat(events.of(OfferAnswered.class)).anySatisfy(e -> {
            assertThat(e.allocationId()).isEqualTo(allocation);
            assertThat(e.accepted()).isFalse();
        });
        assertThat(decisionStatus(decision)).isEqualTo("QUEUED");
        List<Integer> waiting = JsonPath.read(body(as("boendesamordnare", get("/api/v1/placement/queue"))),
                "$[?(@.caseNumber == '%s')].waitingDays".formatted(applicant.number()));
        assertThat(waiting).as("back in the queue, waiting counted from the decision").containsExactly(8);
        assertThat(body(as("boendesamordnare", get("/placement/matching")))).as("the apartment can be allocated again").contains(number);
    }

    @Test
    @DisplayName("REG-2: a death in the register takes the person's decision out of the queue and frees the apartment allocated to it, once")
    void deathWithdrawsTheDecision() throws Exception {
        Case applicant = personWithCase("Sigrid");
        Allocated placed = allocatedAfterRenovation(applicant, "2026-11-18", "2026-11-10", "SHORT_STAY", "boendesamordnare");
        String number = placed.number();
        UUID decision = placed.decision();
        UUID allocation = placed.allocation();

        assertThat(postJson("handlaggare", "/api/v1/persons/" + applicant.personId() + "/death", "{\"dateOfDeath\":\"2026-11-17\"}").getStatus())
                .as("system support only").isEqualTo(403);
        assertThat(postJson("lvs", "/api/v1/persons/" + applicant.personId() + "/death", "{\"dateOfDeath\":\"2026-11-19\"}").getStatus())
                .as("not in the future").isEqualTo(400);
        assertThat(postJson("lvs", "/api/v1/persons/" + applicant.personId() + "/death", "{\"dateOfDeath\":\"2026-11-17\"}").getStatus())
                .isEqualTo(204);
        assertThat(eventually(() -> decisionStatus(decision), "WITHDRAWN"::equals)).isEqualTo("WITHDRAWN");
        assertThat(jdbc.sql("select status from allocation where id = ?").param(allocation).query(String.class).single()).isEqualTo("WITHDRAWN");
        assertThat(jdbc.sql("select count(*) from audit_event where person_id = ? and purpose = 'PLACEMENT_WITHDRAWN_DEATH'")
                .param(applicant.personId()).query(Long.class).single()).as("audited by the system").isEqualTo(1);
        assertThat(body(as("boendesamordnare", get("/placement/matching")))).contains(number).doesNotContain(applicant.number());
        assertThat(postJson("lvs", "/api/v1/persons/" + applicant.personId() + "/death", "{\"dateOfDeath\":\"2026-11-16\"}").getStatus())
                .as("the register's date is set once").isEqualTo(400);
    }

    @Test
    @DisplayName("PLC-11: a respite place is booked with the case number only; no name reaches the booking, its lists or the home")
    void respiteWithoutName() throws Exception {
        Case guest = personWithCase("Avlöst");
        UUID solgarden = jdbc.sql("select id from unit where name = 'Solgårdens vård- och omsorgsboende'").query(UUID.class).single();
        MockHttpServletResponse refused = postJson("boendesamordnare", "/api/v1/placement/respite-bookings",
                "{\"homeId\":\"%s\",\"caseNumber\":\"%s\",\"fromDate\":\"2026-12-07\",\"toDate\":\"2026-12-01\"}".formatted(solgarden, guest.number()));
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(body(refused)).contains("Sista dag kan inte vara före första dag");
        UUID booking = id(postJson("boendesamordnare", "/api/v1/placement/respite-bookings",
                "{\"homeId\":\"%s\",\"caseNumber\":\"%s\",\"fromDate\":\"2026-12-01\",\"toDate\":\"2026-12-07\"}".formatted(solgarden, guest.number())));
        assertThat(postJson("handlaggare", "/api/v1/placement/respite-bookings",
                "{\"homeId\":\"%s\",\"caseNumber\":\"%s\",\"fromDate\":\"2026-12-01\",\"toDate\":\"2026-12-07\"}".formatted(solgarden, guest.number()))
                .getStatus()).isEqualTo(403);

        for (String reader : List.of("boendesamordnare", "chef-solgarden", "assistent")) {
            String api = body(as(reader, get("/api/v1/placement/respite-bookings")));
            String page = body(as(reader, get("/placement/respite")));
            assertThat(api).as(reader).contains(guest.number()).doesNotContain("Avlöst").doesNotContain("Rutinsson");
            assertThat(page).as(reader).contains(guest.number()).doesNotContain("Avlöst").doesNotContain("Rutinsson");
        }
        assertThat(jdbc.sql("select count(*) from audit_event where case_id = (select case_id from respite_booking where id = ?) "
                + "and purpose = 'BOOK_RESPITE'").param(booking).query(Long.class).single()).isEqualTo(1);
        MockHttpServletResponse cancelled = as("boendesamordnare", org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .delete("/api/v1/placement/respite-bookings/" + booking));
        assertThat(cancelled.getStatus()).isEqualTo(204);
        assertThat(body(as("chef-solgarden", get("/api/v1/placement/respite-bookings")))).doesNotContain(guest.number());
    }

    @Test
    @DisplayName("PLC-11, PROT-3, AUD-1: a protected person through the whole routine: the authorised officer signs and makes the offer; "
            + "no name, personnummer or wish reaches the coordinators, the home, the fee officer or their messages; every step audited")
    void protectedPersonThroughTheRoutine() throws Exception {
        int n = serial++;
        String lastName = "Kanarieskydd" + n;
        TestData.Person registered = data.person().named("Hemlig", lastName).street("Gömdavägen 7").protectedBy("PROTECTED_REGISTRATION").create();
        String pin = registered.pin();
        UUID person = registered.id();
        TestData.Case careCase = data.caseFor(registered).subject("Vård- och omsorgsboende").openedOn(TestClock.TODAY.minusDays(60)).create();
        String caseNumber = careCase.number();
        // The officer, the allocating coordinator and the operations lead who executes hold authorisations (issue 14 §2); the other
        // coordinator, the home and the fee officer do not.
        for (String holder : List.of("handlaggare", "boendesamordnare2", "verksamhetsledare")) {
            data.authorise(holder, careCase, TestClock.TODAY.minusDays(1), TestClock.TODAY.plusDays(60));
        }
        List<String> canaries = List.of(lastName, pin, pin.substring(0, 8), "Gömdavägen", "Nära Gömdavägen", "Brodern Kanarie");

        String number = "S" + UUID.randomUUID().toString().substring(0, 5);
        UUID apartment = id(postJson("chef-solgarden", "/api/v1/placement/apartments",
                "{\"number\":\"%s\",\"careProfile\":\"SOMATIC\"}".formatted(number)));
        postJson("chef-solgarden", "/api/v1/placement/vacancies", """
                {"apartmentId":"%s","reason":"RENOVATION","eventDate":"2026-11-02","readyOn":"2026-11-18"}
                """.formatted(apartment));

        // The authorised case officer signs, with the PIN step-up of the session.
        String decisionJson = """
                {"caseNumber":"%s","careProfile":"SOMATIC","decidedOn":"2026-11-18","currentResidence":"OWN_HOME","coResident":false,
                 "wishes":"Nära Gömdavägen","relativeContact":"Brodern Kanarie"}
                """.formatted(caseNumber);
        MockHttpServletResponse signed = as("handlaggare", post("/api/v1/placement/decisions").contentType(MediaType.APPLICATION_JSON)
                .content(decisionJson).sessionAttr(se.omsorgsnav.access.StepUp.SESSION_ATTRIBUTE, TestClock.NOW));
        UUID decision = id(signed);
        String queue = body(as("boendesamordnare", get("/api/v1/placement/queue")));
        assertThat(queue).contains(caseNumber);
        canaries.forEach(c -> assertThat(queue).doesNotContain(c));

        // The coordinators work it by case number; they agree with the officer that the officer makes the offer.
        assertThat(postJson("boendesamordnare", "/api/v1/placement/allocations",
                "{\"decisionId\":\"%s\",\"apartmentId\":\"%s\",\"offerMaker\":\"CASE_OFFICER\"}".formatted(decision, apartment)).getStatus())
                .as("the allocation names her home: not without an authorisation").isEqualTo(403);
        UUID allocation = id(postJson("boendesamordnare2", "/api/v1/placement/allocations",
                "{\"decisionId\":\"%s\",\"apartmentId\":\"%s\",\"offerMaker\":\"CASE_OFFICER\"}".formatted(decision, apartment)));
        // The home sees its apartment taken under the case number, nothing more.
        assertThat(part(body(as("chef-solgarden", get("/placement/offers"))), caseNumber)).contains(number).contains("skyddade personuppgifter")
                .doesNotContain("Erbjudandet är lämnat");
        assertThat(as("chef-solgarden", post("/api/v1/placement/allocations/" + allocation + "/offer").contentType(MediaType.APPLICATION_JSON)
                .content("{\"offeredOn\":\"2026-11-18\"}")).getStatus()).as("not the agreed offer-maker").isEqualTo(403);
        assertThat(part(body(as("handlaggare", get("/placement/offers").sessionAttr(se.omsorgsnav.access.StepUp.SESSION_ATTRIBUTE,
                TestClock.NOW))), caseNumber)).contains("Erbjudandet är lämnat");
        assertThat(postJson("handlaggare", "/api/v1/placement/allocations/" + allocation + "/offer", "{\"offeredOn\":\"2026-11-18\"}")
                .getStatus()).isEqualTo(204);
        MockHttpServletResponse yes = postJson("handlaggare", "/api/v1/placement/allocations/" + allocation + "/answer",
                "{\"answer\":\"ACCEPT\",\"answeredOn\":\"2026-11-18\",\"moveInOn\":\"2026-11-18\"}");
        assertThat(yes.getStatus()).as(body(yes)).isEqualTo(204);
        MockHttpServletResponse notice = as("assistent", get("/placement/allocations/" + allocation + "/landlord-notice"));
        assertThat(notice.getStatus()).as("the notice names the person: the assistant has no authorisation").isEqualTo(403);
        canaries.forEach(c -> {
            try {
                assertThat(body(notice)).doesNotContain(c);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(postJson("assistent", "/api/v1/placement/allocations/" + allocation + "/execution", "{\"executedOn\":\"2026-11-18\"}")
                .getStatus()).as("executing opens her case: the assistant has no authorisation").isEqualTo(403);
        assertThat(postJson("verksamhetsledare", "/api/v1/placement/allocations/" + allocation + "/execution", "{\"executedOn\":\"2026-11-18\"}")
                .getStatus()).isEqualTo(204);

        // Nothing identifying reaches those without the authorisation: pages, API lists, and every message they received.
        Map<String, List<String>> readings = Map.of(
                "boendesamordnare", List.of("/", "/placement/queue", "/placement/matching", "/placement/offers", "/placement/unexecuted",
                        "/api/v1/placement/queue", "/messages", "/placement/respite"),
                "chef-solgarden", List.of("/", "/placement/home", "/placement/offers", "/api/v1/placement/tenants", "/messages"),
                "assistent", List.of("/", "/placement/offers", "/placement/queue", "/messages"),
                "avgift", List.of("/", "/messages"));
        for (Map.Entry<String, List<String>> reader : readings.entrySet()) {
            for (String path : reader.getValue()) {
                MockHttpServletResponse r = as(reader.getKey(), get(path));
                assertThat(r.getStatus()).as(reader.getKey() + " " + path).isEqualTo(200);
                String text = body(r);
                canaries.forEach(c -> assertThat(text).as(reader.getKey() + " " + path).doesNotContain(c));
            }
            List<UUID> received = jdbc.sql("""
                            select m.id from message m join message_delivery d on d.message_id = m.id join app_user u on u.id = d.user_id
                            where m.case_number = ? and u.username = ?
                            """).params(caseNumber, reader.getKey()).query(UUID.class).list();
            for (UUID message : received) {
                String text = body(as(reader.getKey(), get("/api/v1/messages/" + message)));
                canaries.forEach(c -> assertThat(text).as(reader.getKey() + " message").doesNotContain(c));
                String page = body(as(reader.getKey(), get("/messages/" + message)));
                canaries.forEach(c -> assertThat(page).as(reader.getKey() + " message page").doesNotContain(c));
            }
        }
        assertThat(jdbc.sql("select count(*) from message_delivery d join message m on m.id = d.message_id join app_user u on u.id = d.user_id "
                + "where m.case_number = ? and u.username in ('boendesamordnare', 'avgift')").param(caseNumber).query(Long.class).single())
                .as("the routine's messages did reach them, by case number").isPositive();

        // Every step that touched the person is in the audit log with the person and case, and so is every masked listing of them.
        List<String> purposes = jdbc.sql("select purpose from audit_event where person_id = ? and outcome = 'ALLOWED'").param(person)
                .query(String.class).list();
        assertThat(purposes).contains("SIGN_DECISION", "ALLOCATE", "RECORD_OFFER", "RECORD_ANSWER", "EXECUTE_DECISION");
        assertThat(jdbc.sql("select count(*) from audit_event where person_id = ? and purpose = 'PLACEMENT_QUEUE' "
                        + "and actor_username = 'boendesamordnare'")
                .param(person).query(Long.class).single()).as("the coordinator's masked queue rows").isPositive();
    }

    @Test
    @DisplayName("PLC-5, PLC-8, PLC-13: over Christmas and New Year the answer is due after the holidays and the execution on the first working day of January")
    void deadlinesOverTheHolidays() throws Exception {
        Case applicant = personWithCase("Jul");
        Allocated placed = allocatedAfterRenovation(applicant, "2026-12-01", "2026-11-18", "OWN_HOME", "boendesamordnare");
        String number = placed.number();
        UUID decision = placed.decision();
        UUID allocation = placed.allocation();

        clock.travelTo(LocalDate.of(2026, 12, 23));
        assertThat(postJson("chef-solgarden", "/api/v1/placement/allocations/" + allocation + "/offer", "{\"offeredOn\":\"2026-12-23\"}")
                .getStatus()).isEqualTo(204);
        assertThat(jdbc.sql("select answer_due_on from allocation where id = ?").param(allocation).query(LocalDate.class).single())
                .as("Christmas Eve, Christmas Day, Boxing Day and the weekend are not working days").isEqualTo(LocalDate.of(2026, 12, 28));

        clock.travelTo(LocalDate.of(2026, 12, 28));
        assertThat(postJson("chef-solgarden", "/api/v1/placement/allocations/" + allocation + "/answer",
                "{\"answer\":\"ACCEPT\",\"answeredOn\":\"2026-12-28\",\"moveInOn\":\"2026-12-30\"}").getStatus()).isEqualTo(204);
        assertThat(part(body(as("assistent", get("/placement/offers"))), applicant.number()))
                .as("New Year's Eve, New Year's Day and the weekend: the first working day is Monday 4 January").contains("2027-01-04");

        clock.travelTo(LocalDate.of(2027, 1, 4));
        assertThat(postJson("assistent", "/api/v1/placement/allocations/" + allocation + "/execution", "{\"executedOn\":\"2027-01-04\"}")
                .getStatus()).isEqualTo(204);
        Map<String, Object> executed = jdbc.sql("select execution_due_on, execution_late from placement_decision where id = ?").param(decision)
                .query().singleRow();
        assertThat(executed.get("execution_due_on").toString()).isEqualTo("2027-01-04");
        assertThat(executed.get("execution_late")).isEqualTo(false);
    }
}
