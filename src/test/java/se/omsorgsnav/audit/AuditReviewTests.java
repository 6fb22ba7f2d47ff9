package se.omsorgsnav.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.support.AsUser;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;

/**
 * AUD-3, AUD-4, AUD-6: a log review over a scope combines a random sample with the rule flags, is
 * read with protected persons masked for a reviewer without authorisation, exported as CSV, and
 * concluded once by its reviewer; every step is itself audited.
 * <p>
 * The events under review are written by the test in a past week (the week of 9 November 2026)
 * that no other test writes into, at chosen times, so every flag is decided by this test alone.
 */
@OmsorgsnavTest
class AuditReviewTests {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 9);
    private static final LocalDate WEDNESDAY = MONDAY.plusDays(2);
    private static final LocalDate SATURDAY = MONDAY.plusDays(5);
    private static final String OPERATIONS_LEAD = "verksamhetsledare";

    @Autowired AuditReviews reviews;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired PlatformTransactionManager transactions;

    /** The accesses under review, by what the test expects of them. */
    private record Week(UUID protectedShown, UUID ordinaryWithCase, UUID noCaseRelation, UUID saturdayNight, UUID deniedProtected,
                        UUID maskedListRow, UUID otherUser) {}

    @Test
    @DisplayName("AUD-3, AUD-4: a review flags protected persons, no case relation, outside working hours and denials; list rows are not accesses")
    void rulesFlagTheRightAccesses() {
        Week week = writeWeek();
        try (var reviewer = AsUser.login(users, DemoUsers.UNIT_MANAGER)) {
            UUID id = reviews.open(new AuditReviews.Scope(null, DemoUsers.AUTHORISED, null, MONDAY, MONDAY.plusDays(6)), 0);
            Map<UUID, List<ReviewFlag>> items = itemsOf(reviews.find(id, 0));

            assertThat(items.get(week.protectedShown())).containsExactly(ReviewFlag.PROTECTED_PERSON);
            assertThat(items.get(week.noCaseRelation())).containsExactly(ReviewFlag.NO_CASE_RELATION);
            assertThat(items.get(week.saturdayNight())).containsExactly(ReviewFlag.OUTSIDE_WORKING_HOURS);
            assertThat(items.get(week.deniedProtected())).containsExactly(ReviewFlag.PROTECTED_PERSON, ReviewFlag.DENIED);
            assertThat(items).as("an access no rule catches, a list row, another user's access")
                    .doesNotContainKeys(week.ordinaryWithCase(), week.maskedListRow(), week.otherUser());
            long written = jdbc.sql("select count(*) from audit_event where actor_username = ? and occurred_at >= ? and occurred_at < ?")
                    .params(DemoUsers.AUTHORISED, start(MONDAY), start(MONDAY.plusDays(7))).query(Long.class).single();
            assertThat(reviews.find(id, 0).summary().eventsInScope()).isEqualTo(written);
        }
    }

    @Test
    @DisplayName("AUD-3: the random sample draws from the accesses in scope, never from list rows, and adds to the flagged ones")
    void sampleDrawsFromAccesses() {
        Week week = writeWeek();
        try (var reviewer = AsUser.login(users, DemoUsers.UNIT_MANAGER)) {
            UUID all = reviews.open(new AuditReviews.Scope(null, DemoUsers.AUTHORISED, null, MONDAY, MONDAY.plusDays(6)), 200);
            Map<UUID, List<ReviewFlag>> items = itemsOf(reviews.find(all, 0));
            assertThat(items.get(week.ordinaryWithCase())).containsExactly(ReviewFlag.SAMPLE);
            assertThat(items.get(week.protectedShown())).containsExactly(ReviewFlag.SAMPLE, ReviewFlag.PROTECTED_PERSON);
            assertThat(items).doesNotContainKey(week.maskedListRow());

            UUID two = reviews.open(new AuditReviews.Scope(null, DemoUsers.AUTHORISED, null, MONDAY, MONDAY.plusDays(6)), 2);
            long sampled = itemsOf(reviews.find(two, 0)).values().stream().filter(f -> f.contains(ReviewFlag.SAMPLE)).count();
            assertThat(sampled).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("AUD-3: a review is concluded once, by its own reviewer, and opening, reading and concluding are audited")
    void concludedOnceByItsReviewer() throws Exception {
        writeWeek();
        UUID id;
        // Other tests write the same kinds of event: each step must add its own.
        long opened = reviewEvents("AUDIT_REVIEW_OPENED");
        long viewed = reviewEvents("AUDIT_REVIEW_VIEWED");
        long concluded = reviewEvents("AUDIT_REVIEW_CONCLUDED");
        long listed = reviewEvents("AUDIT_REVIEW_LIST");
        try (var reviewer = AsUser.login(users, DemoUsers.UNIT_MANAGER)) {
            id = reviews.open(new AuditReviews.Scope(null, DemoUsers.AUTHORISED, null, MONDAY, MONDAY.plusDays(6)), 5);
            assertThat(reviewEvents("AUDIT_REVIEW_OPENED")).as("opening").isEqualTo(opened + 1);
            assertThatThrownBy(() -> reviews.conclude(id, ReviewOutcome.NO_REMARKS, "  ")).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> reviews.conclude(id, null, "Kontrollerat")).isInstanceOf(InvalidInputException.class);
        }
        // Who may conclude is the access catalogue's (AuditLogAction), asked before audit's service: another reviewer is refused.
        long denials = deniedReviewEvents(OPERATIONS_LEAD);
        assertThat(mvc.perform(post("/api/v1/audit/reviews/" + id + "/conclusion").with(httpBasic(OPERATIONS_LEAD, DemoUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"NO_REMARKS\",\"conclusion\":\"Inte min\"}"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        try (var reviewer = AsUser.login(users, DemoUsers.UNIT_MANAGER)) {
            reviews.conclude(id, ReviewOutcome.REMARKS, "Åtkomsten på lördagskvällen följs upp med medarbetaren.");
            assertThat(reviewEvents("AUDIT_REVIEW_CONCLUDED")).as("concluding").isEqualTo(concluded + 1);
            AuditReviews.Summary summary = reviews.find(id, 0).summary();
            assertThat(reviewEvents("AUDIT_REVIEW_VIEWED")).as("reading").isEqualTo(viewed + 1);
            reviews.recent(10);
            assertThat(reviewEvents("AUDIT_REVIEW_LIST")).as("listing").isEqualTo(listed + 1);
            assertThat(summary.open()).isFalse();
            assertThat(summary.outcome()).isEqualTo(ReviewOutcome.REMARKS);
            assertThat(summary.conclusion()).contains("lördagskvällen");
            assertThatThrownBy(() -> reviews.conclude(id, ReviewOutcome.NO_REMARKS, "Igen")).isInstanceOf(InvalidInputException.class);
        }
        assertThat(deniedReviewEvents(OPERATIONS_LEAD)).as("the refusal").isEqualTo(denials + 1);
    }

    @Test
    @DisplayName("PROT-3, AUD-3: in a review scoped to a user, accesses to a protected person the reviewer may not review are left out, on the page and in the CSV")
    void protectedPersonMaskedForReviewer() throws Exception {
        Week week = writeWeek();
        UUID id;
        try (var reviewer = AsUser.login(users, OPERATIONS_LEAD)) {
            id = reviews.open(new AuditReviews.Scope(null, DemoUsers.AUTHORISED, null, MONDAY, MONDAY.plusDays(6)), 0);
            // The scope names the user: showing the event even masked would say that this user handled a protected person.
            AuditReviews.Review review = reviews.find(id, 0);
            assertThat(review.items()).extracting(AuditReviews.Item::eventId).doesNotContain(week.protectedShown(), week.deniedProtected())
                    .contains(week.noCaseRelation());
            assertThat(review.counts()).doesNotContainKey(ReviewFlag.PROTECTED_PERSON);
            assertThat(review.summary().items()).isEqualTo(review.items().size());
        }
        MockHttpServletResponse page = mvc.perform(get("/audit/reviews/" + id).with(login(OPERATIONS_LEAD))).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("Skyddad person").contains("Utanför arbetstid")
                .doesNotContain(DemoUsers.PROTECTED_NAME).doesNotContain("Karlsson");

        MockHttpServletResponse csv = mvc.perform(get("/api/v1/audit/reviews/" + id + "/export").with(httpBasic(OPERATIONS_LEAD, DemoUsers.PASSWORD)))
                .andReturn().getResponse();
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).startsWith("attachment; filename=\"loggranskning-");
        String body = csv.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("Tidpunkt;Användare;Roll;Person;Händelse;Syfte;Utfall;Skäl").contains("Ingen ärendekoppling")
                .doesNotContain(DemoUsers.PROTECTED_NAME).doesNotContain("Karlsson");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and purpose = 'AUDIT_REVIEW_EXPORT' and actor_username = ?")
                .param(OPERATIONS_LEAD).query(Long.class).single()).isPositive();
    }

    @Test
    @DisplayName("AUD-3: over the API a manager opens and concludes a review; a case officer may not; bad input is a Swedish 400")
    void overTheApi() throws Exception {
        writeWeek();
        MockHttpServletResponse opened = mvc.perform(post("/api/v1/audit/reviews").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user\":\"handlaggare\",\"from\":\"2026-11-09\",\"to\":\"2026-11-15\",\"sampleSize\":3}")
                        .with(httpBasic(DemoUsers.UNIT_MANAGER, DemoUsers.PASSWORD)))
                .andReturn().getResponse();
        assertThat(opened.getStatus()).isEqualTo(201);
        String location = opened.getHeader("Location");
        assertThat(opened.getContentAsString(StandardCharsets.UTF_8)).contains("\"open\":true").contains("PROTECTED_PERSON");

        MockHttpServletResponse concluded = mvc.perform(post(location + "/conclusion").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"NO_REMARKS\",\"conclusion\":\"Alla åtkomster hade stöd i ärenden.\"}")
                        .with(httpBasic(DemoUsers.UNIT_MANAGER, DemoUsers.PASSWORD)))
                .andReturn().getResponse();
        assertThat(concluded.getStatus()).isEqualTo(200);
        assertThat(concluded.getContentAsString(StandardCharsets.UTF_8)).contains("\"open\":false").contains("NO_REMARKS");

        assertThat(mvc.perform(post("/api/v1/audit/reviews").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"2026-11-09\",\"to\":\"2026-11-15\"}").with(httpBasic(DemoUsers.AUTHORISED, DemoUsers.PASSWORD)))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        for (String bad : List.of("{\"from\":\"2026-11-15\",\"to\":\"2026-11-09\"}", "{\"from\":\"2026-11-09\",\"to\":\"2026-12-31\"}",
                "{\"from\":\"2026-11-09\",\"to\":\"2026-11-15\",\"sampleSize\":500}", "{\"to\":\"2026-11-15\"}")) {
            MockHttpServletResponse answer = mvc.perform(post("/api/v1/audit/reviews").contentType(MediaType.APPLICATION_JSON).content(bad)
                    .with(httpBasic(DemoUsers.UNIT_MANAGER, DemoUsers.PASSWORD))).andReturn().getResponse();
            assertThat(answer.getStatus()).as(bad).isEqualTo(400);
            assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).as(bad).containsAnyOf("Perioden", "Stickprovet", "Ange periodens");
        }
    }

    @Test
    @DisplayName("AUD-6: an event held by a review cannot be deleted, not even by the owner after removing its seal")
    void heldEventsCannotBeDeleted() {
        Week week = writeWeek();
        try (var reviewer = AsUser.login(users, DemoUsers.UNIT_MANAGER)) {
            reviews.open(new AuditReviews.Scope(null, DemoUsers.AUTHORISED, null, MONDAY, MONDAY.plusDays(6)), 0);
        }
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            // As the database owner (H2 in the local run) this gets through the seal; only the review's hold stops it.
            // As the application role (PostgreSQL in CI) it stops earlier, for want of the privilege.
            jdbc.sql("delete from audit_seal where event_id = ?").param(week.protectedShown()).update();
            jdbc.sql("delete from audit_pending where event_id = ?").param(week.protectedShown()).update();
            jdbc.sql("delete from audit_event where id = ?").param(week.protectedShown()).update();
        })).isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(jdbc.sql("select count(*) from audit_event where id = ?").param(week.protectedShown()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("PROT-3 (fault 6): a review shows who handled a protected person, where and why only to SAS or a reviewer authorised for her")
    void protectedAccessesMaskedOnReview() throws Exception {
        writeWeek();
        String body = "{\"person\":\"" + person("194203109147") + "\",\"from\":\"" + MONDAY + "\",\"to\":\"" + MONDAY.plusDays(6)
                + "\",\"sampleSize\":0}";
        String masked = mvc.perform(post("/api/v1/audit/reviews").with(httpBasic(OPERATIONS_LEAD, DemoUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(masked).contains("\"masked\":true").doesNotContain("\"username\":\"" + DemoUsers.AUTHORISED + "\"")
                .doesNotContain("handlaggare2").doesNotContain("PERSON_PAGE").doesNotContain("CASE_OFFICER");
        String cleared = mvc.perform(post("/api/v1/audit/reviews").with(httpBasic("sas", DemoUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(cleared).contains("\"username\":\"" + DemoUsers.AUTHORISED + "\"").contains("PERSON_PAGE");
    }

    @Test
    @DisplayName("AUD-3 (fault 15): a review is read, exported and listed only by its own reviewer; another's answers as forbidden")
    void anotherReviewersReviewIsNotRead() throws Exception {
        writeWeek();
        UUID id;
        try (var reviewer = AsUser.login(users, OPERATIONS_LEAD)) {
            id = reviews.open(new AuditReviews.Scope(null, DemoUsers.AUTHORISED, null, MONDAY, MONDAY.plusDays(6)), 0);
        }
        assertThat(mvc.perform(get("/api/v1/audit/reviews/" + id).with(httpBasic("sas", DemoUsers.PASSWORD))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/audit/reviews/" + id + "/export.csv").with(login("sas"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/v1/audit/reviews").with(httpBasic("sas", DemoUsers.PASSWORD))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain(id.toString());
        assertThat(mvc.perform(get("/api/v1/audit/reviews/" + id).with(httpBasic(OPERATIONS_LEAD, DemoUsers.PASSWORD))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * One week of handlaggare's accesses (unit Centrum; case officer of Greta's, Astrid's and
     * Birgitta's cases; Harald's case is in the same unit; Elsa's is in Norr with someone else).
     * Each call writes fresh events, and each test opens its own review over them and its
     * predecessors' — which only adds events the same rules decide alike.
     */
    private Week writeWeek() {
        UUID officer = userId(DemoUsers.AUTHORISED);
        UUID unit = jdbc.sql("select unit_id from app_user where id = ?").param(officer).query(UUID.class).single();
        UUID other = userId("handlaggare2");
        UUID otherUnit = jdbc.sql("select unit_id from app_user where id = ?").param(other).query(UUID.class).single();
        return new TransactionTemplate(transactions).execute(tx -> new Week(
                event(officer, DemoUsers.AUTHORISED, unit, person("194203109147"), WEDNESDAY.atTime(10, 0), "VIEW", "ALLOWED"),
                event(officer, DemoUsers.AUTHORISED, unit, person("193805089145"), WEDNESDAY.atTime(10, 5), "VIEW", "ALLOWED"),
                event(officer, DemoUsers.AUTHORISED, unit, person("194102069046"), WEDNESDAY.atTime(10, 10), "VIEW", "ALLOWED"),
                event(officer, DemoUsers.AUTHORISED, unit, person("193805089145"), SATURDAY.atTime(22, 0), "VIEW", "ALLOWED"),
                event(officer, DemoUsers.AUTHORISED, unit, person("193511308292"), WEDNESDAY.atTime(11, 0), "VIEW", "DENIED"),
                event(officer, DemoUsers.AUTHORISED, unit, person("194203109147"), WEDNESDAY.atTime(12, 0), "LIST", "MASKED"),
                event(other, "handlaggare2", otherUnit, person("194203109147"), SATURDAY.atTime(23, 0), "VIEW", "DENIED")));
    }

    private UUID event(UUID user, String username, UUID unit, UUID person, LocalDateTime at, String action, String outcome) {
        UUID id = UUID.randomUUID();
        OffsetDateTime when = at.atZone(TestClock.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into audit_event (id, occurred_at, actor_user_id, actor_username, actor_role, actor_unit_id, person_id, case_id,
                                                 action, purpose, outcome, client_address)
                        values (?, ?, ?, ?, 'CASE_OFFICER', ?, ?, null, ?, 'PERSON_PAGE', ?, '127.0.0.1')
                        """)
                .params(id, when, user, username, unit, person, action, outcome).update();
        jdbc.sql("insert into audit_pending (event_id) values (?)").param(id).update();
        return id;
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(TestClock.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private UUID person(String number) {
        return jdbc.sql("select id from person where personal_identity_number = ?").param(number).query(UUID.class).single();
    }

    private UUID userId(String username) {
        return jdbc.sql("select id from app_user where username = ?").param(username).query(UUID.class).single();
    }

    private static Map<UUID, List<ReviewFlag>> itemsOf(AuditReviews.Review review) {
        return review.items().stream().collect(Collectors.toMap(AuditReviews.Item::eventId, AuditReviews.Item::reasons));
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor login(String username) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    private long reviewEvents(String purpose) {
        return jdbc.sql("select count(*) from audit_event where action = 'AUDIT_REVIEW' and purpose = ? and actor_username = ? and outcome = 'ALLOWED'")
                .params(purpose, DemoUsers.UNIT_MANAGER).query(Long.class).single();
    }

    private long deniedReviewEvents(String username) {
        return jdbc.sql("select count(*) from audit_event where action = 'AUDIT_REVIEW' and outcome = 'DENIED' and actor_username = ?")
                .param(username).query(Long.class).single();
    }
}
