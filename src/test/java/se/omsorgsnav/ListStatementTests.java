package se.omsorgsnav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.StatementCounter;
import se.omsorgsnav.support.TestClock;
import se.omsorgsnav.support.TestData;

/**
 * No list pays per row (issue 5): every list endpoint, page or API, is asked once with two rows and
 * once with forty more, and must prepare exactly as many SQL statements both times. A query per
 * row (N+1), in the list or in the disclosure gate or the audit behind it, fails here. Every GET
 * endpoint is either in this table or named as not a list, so a new list cannot slip past.
 *
 * <p>The rows live in a unit of their own, so that the other tests' lists do not change.
 */
@OmsorgsnavTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListStatementTests {

    static final int MORE = 40;

    /** GET endpoints of our own that show one thing, or a form: not lists. */
    static final Set<String> NOT_LISTS = Set.of(
            "/login", "/persons/search", "/persons/{id}", "/persons/new", "/deviations/new", "/cases/{caseNumber}",
            "/cases/{caseNumber}/local-protection", "/cases/new", "/api/v1/cases/{caseNumber}", "/intakes/new",
            "/audit/verification", "/api/v1/audit/verification", "/authorizations/order", "/authorizations/case", "/step-up",
            "/account/pin", "/messages/new", "/messages/new/fields", "/placement/decisions/new", "/api/v1/messages/{id}/attachments/{attachmentId}",
            "/messages/{id}/attachments/{attachmentId}", "/api/v1/calendar/working-days", "/placement/allocations/{id}/landlord-notice");

    /** Lists whose cost is measured by their own module's tests. */
    static final Map<String, String> MEASURED_ELSEWHERE = Map.of(
            "/api/v1/messages/inbox", "MessageTests: an inbox page of 10 costs the statements of a page of 5");

    /** Lists not yet measured: each is a known gap, named in the issue notes, not a pass. */
    static final Map<String, String> NOT_YET_MEASURED = Map.of(
            "/api/v1/messages/{id}", "one message, but its read receipts grow with the recipient groups",
            "/messages/{id}", "the page of /api/v1/messages/{id}, and its thread",
            "/api/v1/placement/offers/overdue", "one statement by construction (a join, no person through the gate); not yet counted with more rows");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired UserDetailsService users;
    @Autowired PasswordEncoder passwords;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    UUID unit;
    UUID home;
    UUID homeManager;
    UUID officer;
    UUID manager;
    UUID anchorPerson;
    UUID anchorCase;
    String anchorCaseNumber;
    UUID anchorRequest;
    UUID smallReview;
    UUID largeReview;
    int serial;

    record ListEndpoint(String pattern, String caller, String path, IntConsumer more) {
        @Override
        public String toString() {
            return pattern;
        }
    }

    @BeforeAll
    void aUnitOfItsOwn() {
        unit = UUID.randomUUID();
        jdbc.sql("insert into unit (id, name, administration, kind) values (?, 'Listenheten', 'Äldreförvaltningen', 'AUTHORITY')")
                .param(unit).update();
        officer = staffMember("lista-handlaggare", "CASE_OFFICER", false);
        manager = staffMember("lista-chef", "UNIT_MANAGER", false);
        anchorPerson = person();
        anchorCase = careCase(anchorPerson);
        anchorCaseNumber = jdbc.sql("select case_number from care_case where id = ?").param(anchorCase).query(String.class).single();
        anchorRequest = authorizationRequest();
        home = UUID.randomUUID();
        jdbc.sql("insert into unit (id, name, administration, kind) values (?, 'Listboendet', 'Äldreförvaltningen', 'NURSING_HOME')")
                .param(home).update();
        homeManager = staffMember("lista-boendechef", "UNIT_MANAGER", false);
        jdbc.sql("update app_user set unit_id = ? where id = ?").params(home, homeManager).update();
        for (IntConsumer more : List.<IntConsumer>of(this::cases, this::events, this::deviations, this::requests, this::authorizations,
                this::messages, this::groupMembers, this::apartmentsAndVacancies, this::decisions, this::oldDecisions,
                this::homeAllocations, this::relocationWishes, this::placements, this::respiteBookings)) {
            more.accept(2);
        }
        smallReview = review(2);
    }

    Stream<ListEndpoint> lists() {
        LocalDate from = TestClock.TODAY.minusDays(30);
        LocalDate to = TestClock.TODAY;
        String auditScope = "?person=" + anchorPerson + "&from=" + from + "&to=" + to;
        return Stream.of(
                new ListEndpoint("/", "lista-handlaggare", "/", this::cases),
                new ListEndpoint("/persons/{personId}/cases", "lista-handlaggare", "/persons/" + anchorPerson + "/cases", this::casesOfAnchor),
                new ListEndpoint("/api/v1/audit", "lista-chef", "/api/v1/audit" + auditScope, this::events),
                new ListEndpoint("/persons/{id}/access-extract", "lista-chef", "/persons/" + anchorPerson + "/access-extract", this::events),
                new ListEndpoint("/persons/{id}/access-extract.csv", "lista-chef", "/persons/" + anchorPerson + "/access-extract.csv", this::events),
                new ListEndpoint("/api/v1/deviations/unattached", "lista-chef", "/api/v1/deviations/unattached", this::deviations),
                new ListEndpoint("/deviations/unattached", "lista-chef", "/deviations/unattached", this::deviations),
                new ListEndpoint("/api/v1/authorization-requests", "lista-chef", "/api/v1/authorization-requests", this::requests),
                new ListEndpoint("/authorizations", "lista-chef", "/authorizations", this::requests),
                new ListEndpoint("/api/v1/cases/{caseNumber}/authorizations", "lista-chef",
                        "/api/v1/cases/" + anchorCaseNumber + "/authorizations", this::authorizations),
                new ListEndpoint("/cases/{caseNumber}/authorizations", "lista-chef", "/cases/" + anchorCaseNumber + "/authorizations",
                        this::authorizations),
                new ListEndpoint("/cases/{caseNumber}/authorizations/new", "lvs", "/cases/" + anchorCaseNumber + "/authorizations/new",
                        this::authorizations),
                new ListEndpoint("/authorizations/requests/{id}", "lvs", "/authorizations/requests/" + anchorRequest, this::authorizations),
                new ListEndpoint("/api/v1/audit/reviews", "lista-chef", "/api/v1/audit/reviews", this::reviews),
                new ListEndpoint("/audit/reviews", "lista-chef", "/audit/reviews", this::reviews),
                new ListEndpoint("/api/v1/message-groups", "lista-chef", "/api/v1/message-groups", this::messageGroups),
                new ListEndpoint("/messages/groups", "lista-chef", "/messages/groups", this::messageGroups),
                new ListEndpoint("/messages/routing", "lvs", "/messages/routing", this::messageGroups),
                new ListEndpoint("/messages/groups/{id}", "lista-chef", "/messages/groups/" + unit, this::groupMembers),
                new ListEndpoint("/messages", "lista-handlaggare", "/messages", this::messages),
                new ListEndpoint("/messages/sent", "lista-chef", "/messages/sent", this::messages),
                new ListEndpoint("/placement/home", "lista-boendechef", "/placement/home", this::apartmentsAndVacancies),
                new ListEndpoint("/api/v1/placement/apartments", "lista-boendechef", "/api/v1/placement/apartments", this::apartmentsAndVacancies),
                new ListEndpoint("/api/v1/placement/vacancies", "lista-boendechef", "/api/v1/placement/vacancies", this::apartmentsAndVacancies),
                new ListEndpoint("/api/v1/placement/queue", "boendesamordnare", "/api/v1/placement/queue", this::decisions),
                new ListEndpoint("/placement/queue", "boendesamordnare", "/placement/queue", this::decisions),
                new ListEndpoint("/placement/offers", "lista-boendechef", "/placement/offers", this::homeAllocations),
                new ListEndpoint("/placement/matching", "boendesamordnare", "/placement/matching", n -> {
                    apartmentsAndVacancies(n);
                    decisions(n);
                }),
                new ListEndpoint("/api/v1/placement/unexecuted", "boendesamordnare", "/api/v1/placement/unexecuted", this::oldDecisions),
                new ListEndpoint("/placement/unexecuted.csv", "boendesamordnare", "/placement/unexecuted.csv", this::oldDecisions),
                new ListEndpoint("/placement/unexecuted", "boendesamordnare", "/placement/unexecuted", this::oldDecisions),
                new ListEndpoint("/api/v1/placement/relocation-wishes", "boendesamordnare", "/api/v1/placement/relocation-wishes",
                        this::relocationWishes),
                new ListEndpoint("/api/v1/placement/tenants", "lista-boendechef", "/api/v1/placement/tenants", this::apartmentsAndVacancies),
                new ListEndpoint("/placement/respite", "boendesamordnare", "/placement/respite", this::respiteBookings),
                new ListEndpoint("/api/v1/placement/respite-bookings", "boendesamordnare", "/api/v1/placement/respite-bookings",
                        this::respiteBookings),
                new ListEndpoint("/placement/statistics", "boendesamordnare", "/placement/statistics?months=24", this::placements),
                new ListEndpoint("/api/v1/placement/statistics", "boendesamordnare", "/api/v1/placement/statistics?months=120", n -> {
                    placements(n);
                    decisions(n);
                    apartmentsAndVacancies(n);
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    @DisplayName("Cost: a list of 40 more rows costs the same SQL statements as a list of 2 (no N+1)")
    void listCostsAConstantNumberOfStatements(ListEndpoint list) throws Exception {
        int few = statements(list.caller(), list.path());
        list.more().accept(MORE);
        int many = statements(list.caller(), list.path());
        assertThat(many).as("statements for %s with %d more rows", list.pattern(), MORE).isEqualTo(few);
    }

    @Test
    @DisplayName("Cost: a review's page and export cost the same statements with 2 sampled events as with 40")
    void reviewItemsCostAConstantNumberOfStatements() throws Exception {
        events(MORE + 10);
        largeReview = review(MORE);
        for (String path : List.of("/api/v1/audit/reviews/%s", "/audit/reviews/%s", "/api/v1/audit/reviews/%s/export",
                "/audit/reviews/%s/export.csv")) {
            int few = statements("lista-chef", path.formatted(smallReview));
            int many = statements("lista-chef", path.formatted(largeReview));
            assertThat(many).as(path).isEqualTo(few);
        }
    }

    @Test
    @DisplayName("Every GET endpoint is either a list measured here or named as not a list")
    void everyGetEndpointIsClassified() {
        Set<String> covered = new TreeSet<>(NOT_LISTS);
        covered.addAll(MEASURED_ELSEWHERE.keySet());
        covered.addAll(NOT_YET_MEASURED.keySet());
        lists().map(ListEndpoint::pattern).forEach(covered::add);
        covered.addAll(List.of("/api/v1/audit/reviews/{id}", "/audit/reviews/{id}", "/api/v1/audit/reviews/{id}/export",
                "/audit/reviews/{id}/export.csv"));
        Set<String> gets = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, org.springframework.web.method.HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (e.getValue().getBeanType().getPackageName().startsWith("se.omsorgsnav")
                    && e.getKey().getMethodsCondition().getMethods().stream().anyMatch(m -> m.name().equals("GET"))) {
                gets.addAll(e.getKey().getPatternValues());
            }
        }
        assertThat(covered).containsAll(gets);
    }

    private int statements(String caller, String path) throws Exception {
        var principal = user(users.loadUserByUsername(caller));
        StatementCounter.reset();
        int status = mvc.perform(get(path).with(principal))
                .andReturn().getResponse().getStatus();
        int statements = StatementCounter.count();
        assertThat(status).as("answer to " + caller).isEqualTo(200);
        return statements;
    }

    // The rows each list shows, added straight into the tables: what the list costs, not how rows are made, is tested here.

    private void cases(int n) {
        for (int i = 0; i < n; i++) {
            careCase(person());
        }
    }

    private void casesOfAnchor(int n) {
        for (int i = 0; i < n; i++) {
            careCase(anchorPerson);
        }
    }

    private void events(int n) {
        UUID actor = staffMember("lista-läsare-" + serial++, "HOME_CARE_PLANNER", false);
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into audit_event (id, occurred_at, actor_user_id, actor_username, actor_role, actor_unit_id, person_id,
                                             action, purpose, outcome)
                    values (?, ?, ?, 'lista-läsare', 'HOME_CARE_PLANNER', ?, ?, 'VIEW', 'PERSON_PAGE', 'ALLOWED')
                    """).params(id, OffsetDateTime.ofInstant(TestClock.NOW, ZoneOffset.UTC).minusMinutes(i + 1L), actor, unit, anchorPerson)
                    .update();
            jdbc.sql("insert into audit_pending (event_id) values (?)").param(id).update();
        }
    }

    private void deviations(int n) {
        for (int i = 0; i < n; i++) {
            jdbc.sql("""
                    insert into deviation (id, reported_by, reported_at, reporter_unit_id, description)
                    values (?, ?, ?, ?, 'Dörren till förrådet stod olåst.')
                    """).params(UUID.randomUUID(), manager, OffsetDateTime.now(), unit).update();
        }
    }

    private void requests(int n) {
        for (int i = 0; i < n; i++) {
            authorizationRequest();
        }
    }

    private void authorizations(int n) {
        for (int i = 0; i < n; i++) {
            UUID grantee = staffMember("lista-behörig-" + serial++, "HOME_CARE_PLANNER", false);
            jdbc.sql("""
                    insert into case_authorization (id, user_id, case_id, person_id, valid_from, valid_to, granted_by, granted_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(UUID.randomUUID(), grantee, anchorCase, anchorPerson, TestClock.TODAY.minusDays(1),
                    TestClock.TODAY.plusDays(30), manager, OffsetDateTime.now()).update();
        }
    }

    private void messageGroups(int n) {
        for (int i = 0; i < n; i++) {
            jdbc.sql("insert into message_group (id, name, kind) values (?, ?, 'SYSTEM')")
                    .params(UUID.randomUUID(), "Listgrupp " + serial++).update();
        }
    }

    /** Messages from the unit manager to the officer, each about a person of its own. */
    private void messages(int n) {
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            UUID person = person();
            UUID careCase = careCase(person);
            String number = jdbc.sql("select case_number from care_case where id = ?").param(careCase).query(String.class).single();
            jdbc.sql("""
                            insert into message (id, thread_id, sender_id, idempotency_key, type, subject, body, case_id, case_number, person_id, sent_at)
                            values (?, ?, ?, ?, 'FREE_TEXT', 'Listmeddelande', 'Text', ?, ?, ?, ?)
                            """)
                    .params(id, id, manager, "list-" + id, careCase, number, person, OffsetDateTime.now().minusMinutes(serial++)).update();
            jdbc.sql("insert into message_delivery (message_id, user_id, sent_at) values (?, ?, current_timestamp)").params(id, officer).update();
        }
    }

    /** Decisions waiting in the housing queue, each for a person of its own. */
    private void decisions(int n) {
        for (int i = 0; i < n; i++) {
            UUID person = person();
            UUID careCase = careCase(person);
            data.decision(careCase, person).decidedOn(TestClock.TODAY.minusDays(i % 30)).signedBy("lista-handlaggare").create();
        }
    }

    /** Placed persons with a wish to be moved. */
    private void relocationWishes(int n) {
        for (int i = 0; i < n; i++) {
            UUID person = person();
            UUID careCase = careCase(person);
            data.decision(careCase, person).status("EXECUTED").decidedOn(TestClock.TODAY.minusDays(200)).signedBy("lista-handlaggare")
                    .relocationWish("Närmare familjen", TestClock.TODAY).create();
        }
    }

    /** Allocations at the nursing home waiting for their offer. */
    private void homeAllocations(int n) {
        for (int i = 0; i < n; i++) {
            UUID person = person();
            UUID careCase = careCase(person);
            UUID decision = data.decision(careCase, person).status("ALLOCATED").decidedOn(TestClock.TODAY.minusDays(30))
                    .signedBy("lista-handlaggare").create().id();
            UUID apartment = UUID.randomUUID();
            jdbc.sql("insert into apartment (id, unit_id, number, care_profile, version) values (?, ?, ?, 'SOMATIC', 0)")
                    .params(apartment, home, "H" + serial++).update();
            data.allocation(decision, apartment).allocatedBy("lista-boendechef", null).create();
        }
    }

    /** Placements over the past year (UX-3): a vacancy, an accepted offer, the move-in and the execution, one apartment each. */
    private void placements(int n) {
        for (int i = 0; i < n; i++) {
            UUID person = person();
            UUID careCase = careCase(person);
            LocalDate ready = TestClock.TODAY.minusDays(20 + (i * 7L) % 330);
            UUID decision = data.decision(careCase, person).status("EXECUTED").decidedOn(ready.minusDays(60 + i % 40))
                    .signedBy("lista-handlaggare").executedOn(ready.plusDays(10)).create().id();
            UUID apartment = UUID.randomUUID();
            jdbc.sql("insert into apartment (id, unit_id, number, care_profile, version) values (?, ?, ?, 'SOMATIC', 0)")
                    .params(apartment, home, "P" + serial++).update();
            jdbc.sql("""
                            insert into vacancy (id, apartment_id, reason, event_date, ready_on, reported_by, reported_at, late)
                            values (?, ?, 'MOVE_OUT', ?, ?, ?, current_timestamp, false)
                            """).params(UUID.randomUUID(), apartment, ready.minusDays(2), ready, homeManager).update();
            data.allocation(decision, apartment).inactive().allocatedBy("lista-boendechef", null).status("ACCEPTED").offeredOn(ready.plusDays(3))
                    .answered(ready.plusDays(4), ready.plusDays(9), null).create();
        }
    }

    /** Decisions older than three months, not executed (the IVO list). */
    private void oldDecisions(int n) {
        for (int i = 0; i < n; i++) {
            UUID person = person();
            UUID careCase = careCase(person);
            data.decision(careCase, person).careProfile("DEMENTIA").livingAt("HOSPITAL").status("OFFERED")
                    .decidedOn(TestClock.TODAY.minusMonths(4).minusDays(i % 30)).signedBy("lista-handlaggare").create();
        }
    }

    /** Apartments of the nursing home, each with a reported vacancy. */
    private void apartmentsAndVacancies(int n) {
        for (int i = 0; i < n; i++) {
            UUID apartment = UUID.randomUUID();
            jdbc.sql("insert into apartment (id, unit_id, number, care_profile, version) values (?, ?, ?, 'SOMATIC', 0)")
                    .params(apartment, home, "L" + serial++).update();
            jdbc.sql("""
                            insert into vacancy (id, apartment_id, reason, event_date, ready_on, reported_by, reported_at, late)
                            values (?, ?, 'RENOVATION', ?, ?, ?, current_timestamp, false)
                            """)
                    .params(UUID.randomUUID(), apartment, TestClock.TODAY, TestClock.TODAY.plusDays(14), homeManager).update();
            // And a tenant who has lived there since before the renovation (the home's tenant list).
            UUID person = person();
            UUID careCase = careCase(person);
            UUID decision = data.decision(careCase, person).status("EXECUTED").decidedOn(TestClock.TODAY.minusDays(300))
                    .signedBy("lista-handlaggare").create().id();
            jdbc.sql("insert into tenancy (id, apartment_id, decision_id, case_id, person_id, moved_in_on) values (?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), apartment, decision, careCase, person, TestClock.TODAY.minusDays(280)).update();
        }
    }

    /** Respite bookings at the home, by case number. */
    private void respiteBookings(int n) {
        for (int i = 0; i < n; i++) {
            UUID careCase = careCase(person());
            jdbc.sql("""
                            insert into respite_booking (id, unit_id, case_id, from_date, to_date, booked_by, booked_at)
                            values (?, ?, ?, ?, ?, ?, current_timestamp)
                            """).params(UUID.randomUUID(), home, careCase, TestClock.TODAY.plusDays(i % 20), TestClock.TODAY.plusDays(i % 20 + 6),
                    homeManager).update();
        }
    }

    /** Members of the unit's own message group. */
    private void groupMembers(int n) {
        jdbc.sql("insert into message_group (id, name, kind, unit_id) select id, name, 'UNIT', id from unit u where id = ? "
                + "and not exists (select 1 from message_group g where g.id = u.id)").param(unit).update();
        for (int i = 0; i < n; i++) {
            UUID member = staffMember("lista-medlem-" + serial++, "HOME_CARE_PLANNER", false);
            jdbc.sql("insert into message_group_member (group_id, user_id, added_at) values (?, ?, current_timestamp)").params(unit, member).update();
        }
    }

    private void reviews(int n) {
        for (int i = 0; i < n; i++) {
            review(1);
        }
    }

    private UUID review(int sampleSize) {
        try {
            String body = """
                    {"person": "%s", "from": "%s", "to": "%s", "sampleSize": %d}
                    """.formatted(anchorPerson, TestClock.TODAY.minusDays(30), TestClock.TODAY, sampleSize);
            String answer = mvc.perform(post("/api/v1/audit/reviews").contentType(MediaType.APPLICATION_JSON).content(body)
                    .with(user(users.loadUserByUsername("lista-chef")))).andReturn().getResponse().getContentAsString();
            var matcher = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(answer);
            assertThat(matcher.find()).as("a review was opened: " + answer).isTrue();
            return UUID.fromString(matcher.group(1));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private UUID authorizationRequest() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into authorization_request (id, kind, case_id, case_number, target_user_id, valid_from, valid_to, reason,
                                                   requested_by, requested_at, status, decided_by, decided_at, decision_note)
                values (?, 'ADD', ?, ?, ?, ?, ?, 'Ny i teamet', ?, ?, 'REFUSED', ?, ?, 'Inte aktuellt')
                """).params(id, anchorCase, anchorCaseNumber, officer, TestClock.TODAY, TestClock.TODAY.plusDays(30), manager,
                OffsetDateTime.now(), manager, OffsetDateTime.now()).update();
        return id;
    }

    private UUID staffMember(String username, String role, boolean grantRight) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into app_user (id, username, full_name, email, password_hash, role, unit_id, grant_right, enabled)
                values (?, ?, ?, ?, ?, ?, ?, ?, true)
                """).params(id, username, "Lista " + username, username + "@lista.invalid", passwords.encode("Lista2026!"), role, unit,
                grantRight).update();
        return id;
    }

    private UUID person() {
        return data.person().named("Nummer" + serial++, "Listsson").anyAge().create().id();
    }

    private UUID careCase(UUID person) {
        int n = serial++;
        return data.caseFor(person).officer("lista-handlaggare").openedOn(TestClock.TODAY.minusDays(n % 20)).create().id();
    }
}
