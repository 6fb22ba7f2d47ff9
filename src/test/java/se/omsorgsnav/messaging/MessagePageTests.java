package se.omsorgsnav.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.shared.WorkingDayCalendar;
import se.omsorgsnav.support.AsUser;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.RecordingMailSender;
import se.omsorgsnav.support.TestClock;

/** The message pages and the unread reminder: what the browser sends and what the responsible staff see. */
@OmsorgsnavTest
class MessagePageTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired CurrentUsers currentUsers;
    @Autowired se.omsorgsnav.access.AccessControl access;
    @Autowired se.omsorgsnav.access.CaseDirectory caseDirectory;
    @Autowired WorkingDayCalendar calendar;

    // --- MSG-6 ----------------------------------------------------------------------------------

    /** A message to the fee officers' group, sent at the given local time, that nobody has read. */
    private UUID groupMessageAt(LocalDateTime sent, String subject) {
        return groupMessageAt(sent, subject, null, null, null);
    }

    /** A group message as written at that time, on a case if given (messages are insert-only: PostgreSQL's app role cannot update them). */
    private UUID groupMessageAt(LocalDateTime sent, String subject, UUID caseId, String caseNumber, UUID personId) {
        UUID id = UUID.randomUUID();
        OffsetDateTime at = sent.atZone(TestClock.ZONE).toOffsetDateTime();
        UUID sender = jdbc.sql("select id from app_user where username = 'assistent'").query(UUID.class).single();
        UUID group = jdbc.sql("select id from message_group where name = 'Avgiftshandläggare'").query(UUID.class).single();
        jdbc.sql("""
                        insert into message (id, thread_id, sender_id, idempotency_key, type, subject, body, sent_at, case_id, case_number, person_id)
                        values (?, ?, ?, ?, 'FREE_TEXT', ?, 'Text', ?, ?, ?, ?)
                        """).params(id, id, sender, "reminder-" + id, subject, at, caseId, caseNumber, personId).update();
        jdbc.sql("""
                        insert into message_delivery (message_id, user_id, via_group_id, sent_at)
                        select ?, m.user_id, m.group_id, ? from message_group_member m where m.group_id = ?
                        """).params(id, at, group).update();
        return id;
    }

    private List<String> remindersAt(LocalDateTime now, String username) {
        Clock clock = Clock.fixed(now.atZone(TestClock.ZONE).toInstant(), TestClock.ZONE);
        try (AsUser ignored = AsUser.login(users, username)) {
            return new UnreadReminders(jdbc, currentUsers, access, caseDirectory, calendar, clock).mine().stream().map(UnreadReminder::subject).toList();
        }
    }

    @Test
    @DisplayName("MSG-6: a group message unread at the end of the next working day is flagged for the group's responsible, across Midsummer")
    void unreadPastNextWorkingDayAcrossMidsummer() {
        // Thursday 18 June 2026; Friday 19 is Midsummer Eve, so the next working day is Monday 22.
        String subject = "Midsommar " + UUID.randomUUID();
        UUID id = groupMessageAt(LocalDateTime.of(2026, 6, 18, 10, 0), subject);
        assertThat(remindersAt(LocalDateTime.of(2026, 6, 19, 16, 0), "verksamhetsledare")).doesNotContain(subject);
        assertThat(remindersAt(LocalDateTime.of(2026, 6, 22, 16, 59), "verksamhetsledare")).as("due on Monday itself").doesNotContain(subject);
        assertThat(remindersAt(LocalDateTime.of(2026, 6, 23, 7, 0), "verksamhetsledare")).contains(subject);
        assertThat(remindersAt(LocalDateTime.of(2026, 6, 23, 7, 0), "handlaggare")).as("only the responsible").doesNotContain(subject);

        jdbc.sql("update message_delivery set read_at = ? where message_id = ? and user_id = (select id from app_user where username = 'avgift')")
                .params(OffsetDateTime.of(2026, 6, 23, 8, 0, 0, 0, java.time.ZoneOffset.UTC), id).update();
        assertThat(remindersAt(LocalDateTime.of(2026, 6, 23, 9, 0), "verksamhetsledare")).as("read by one member").doesNotContain(subject);
    }

    @Test
    @DisplayName("PROT-25, MSG-6: a reminder of a message whose person became protected after it was written shows the case number, not the subject written before")
    void reminderSubjectIsDecidedNow() {
        String subject = "Greta Andersson flyttar " + UUID.randomUUID();
        UUID greta = jdbc.sql("select id from person where personal_identity_number = '193805089145'").query(UUID.class).single();
        var gretasCase = jdbc.sql("select id, case_number from care_case where person_id = ? and status = 'OPEN' order by opened_on limit 1")
                .param(greta).query((rs, n) -> java.util.Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).single();
        groupMessageAt(LocalDateTime.of(2026, 12, 23, 15, 0), subject, gretasCase.getKey(), gretasCase.getValue(), greta);
        LocalDateTime late = LocalDateTime.of(2026, 12, 29, 8, 0);
        assertThat(remindersAt(late, "verksamhetsledare")).contains(subject);
        String level = jdbc.sql("select protection_level from person where id = ?").param(greta).query(String.class).single();
        jdbc.sql("update person set protection_level = 'PROTECTED_REGISTRATION' where id = ?").param(greta).update();
        try {
            assertThat(remindersAt(late, "verksamhetsledare")).doesNotContain(subject).contains(gretasCase.getValue());
        } finally {
            jdbc.sql("update person set protection_level = ? where id = ?").params(level, greta).update();
        }
    }

    @Test
    @DisplayName("MSG-6: across Christmas, a message of 23 December is late only after Monday 28 December")
    void unreadAcrossChristmas() {
        String subject = "Jul " + UUID.randomUUID();
        groupMessageAt(LocalDateTime.of(2026, 12, 23, 15, 0), subject);
        assertThat(calendar.nextWorkingDay(LocalDate.of(2026, 12, 23))).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(remindersAt(LocalDateTime.of(2026, 12, 28, 12, 0), "verksamhetsledare")).doesNotContain(subject);
        assertThat(remindersAt(LocalDateTime.of(2026, 12, 29, 8, 0), "verksamhetsledare")).contains(subject);
    }

    @Test
    @DisplayName("MSG-6: the responsible sees late group messages on the start page; a unit's managers answer for the unit's group")
    void startPageShowsLateGroupMessages() throws Exception {
        String subject = "Obesvarat " + UUID.randomUUID();
        groupMessageAt(TestClock.TODAY.minusDays(7).atTime(9, 0), subject);
        assertThat(page("verksamhetsledare", get("/"))).contains("Olästa efter nästa arbetsdag").contains(subject);
        assertThat(page("avgift", get("/"))).doesNotContain("Olästa efter nästa arbetsdag");

        String unitSubject = "Enhetens " + UUID.randomUUID();
        UUID id = UUID.randomUUID();
        OffsetDateTime at = TestClock.TODAY.minusDays(7).atTime(9, 0).atZone(TestClock.ZONE).toOffsetDateTime();
        jdbc.sql("""
                        insert into message (id, thread_id, sender_id, idempotency_key, type, subject, body, sent_at)
                        select ?, ?, id, ?, 'FREE_TEXT', ?, 'Text', ? from app_user where username = 'lvs'
                        """).params(id, id, "unit-" + id, unitSubject, at).update();
        jdbc.sql("""
                        insert into message_delivery (message_id, user_id, via_group_id, sent_at)
                        select ?, u.id, u.unit_id, ? from app_user u where u.username = 'handlaggare'
                        """).params(id, at).update();
        assertThat(page("enhetschef", get("/"))).contains(unitSubject);
        assertThat(page("verksamhetsledare", get("/"))).doesNotContain(unitSubject);
    }

    // --- MSG-1: e-mail notices ---------------------------------------------------------------------

    @Autowired RecordingMailSender mail;

    @Test
    @DisplayName("MSG-1: a recipient who asked for it gets an e-mail that only says a message waits: no sender, subject, case, name or text")
    void emailNoticeCarriesNothing() throws Exception {
        assertThat(perform("avgift", post("/messages/notifications").with(csrf()).param("byEmail", "true")).getStatus()).isEqualTo(302);
        assertThat(page("avgift", get("/messages"))).contains("checked");
        String caseNumber = jdbc.sql("""
                select c.case_number from care_case c join person p on p.id = c.person_id
                where p.first_name = 'Astrid' and c.status = 'OPEN' order by c.case_number limit 1
                """).query(String.class).single();
        String text = "Hyran ändras från januari " + UUID.randomUUID();
        int before = mail.sent().size();
        MockHttpServletResponse sent = perform("assistent", post("/messages").with(csrf()).param("idempotencyKey", "form-" + UUID.randomUUID())
                .param("type", "FREE_TEXT").param("caseNumber", caseNumber).param("body", text).param("users", "avgift,boendesamordnare"));
        assertThat(sent.getStatus()).isEqualTo(302);

        List<SimpleMailMessage> notices = awaitMail(before);
        assertThat(notices).hasSize(1);
        SimpleMailMessage notice = notices.get(0);
        assertThat(notice.getTo()).containsExactly("avgift@demo.omsorgsnav.invalid");
        assertThat(notice.getSubject()).isEqualTo(NewMessageMail.SUBJECT);
        assertThat(notice.getText()).isEqualTo(NewMessageMail.TEXT);
        for (String secret : List.of("Astrid", "Karlsson", "Rut Berg", "Ekvägen", "9147", caseNumber, text, "Sara Wik")) {
            assertThat(notice.getSubject() + notice.getText()).doesNotContain(secret);
        }
        perform("avgift", post("/messages/notifications").with(csrf()).param("byEmail", "false"));
    }

    /**
     * The notices sent since {@code before}: once one has arrived and the registry holds no
     * unfinished publication for the mail listener, so that none is still on its way.
     */
    private List<SimpleMailMessage> awaitMail(int before) {
        await().atMost(Duration.ofSeconds(10)).until(() -> mail.sent().size() > before && jdbc.sql("""
                select count(*) from event_publication where completion_date is null and listener_id like '%NewMessageMail%'
                """).query(Long.class).single() == 0);
        List<SimpleMailMessage> all = mail.sent();
        return all.subList(before, all.size());
    }

    // --- One model: the access workflow's orders and intakes are messages -------------------------

    @Test
    @DisplayName("PROT-8, MSG-2: a unit manager's access order reaches the LVS group as an ACCESS_ORDER message with the case number as subject, in the same commit")
    void accessOrderArrivesAsMessage() throws Exception {
        String caseNumber = jdbc.sql("""
                select c.case_number from care_case c join person p on p.id = c.person_id
                where p.first_name = 'Astrid' and c.status = 'OPEN' order by c.case_number limit 1
                """).query(String.class).single();
        MockHttpServletResponse ordered = perform("enhetschef", post("/api/v1/authorization-requests")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("""
                        {"kind":"ADD","caseNumber":"%s","username":"planerare","validFrom":"%s","validTo":"%s"}
                        """.formatted(caseNumber, TestClock.TODAY, TestClock.TODAY.plusMonths(2))));
        assertThat(ordered.getStatus()).isEqualTo(201);
        UUID request = UUID.fromString(com.jayway.jsonpath.JsonPath.read(ordered.getContentAsString(StandardCharsets.UTF_8), "$.id"));
        UUID message = jdbc.sql("select id from message where idempotency_key = ?").param("access-order-" + request).query(UUID.class).single();
        assertThat(jdbc.sql("select subject from message where id = ?").param(message).query(String.class).single()).isEqualTo(caseNumber);
        assertThat(jdbc.sql("select type from message where id = ?").param(message).query(String.class).single()).isEqualTo("ACCESS_ORDER");
        assertThat(jdbc.sql("""
                        select u.username from message_delivery d join app_user u on u.id = d.user_id where d.message_id = ?
                        """).param(message).query(String.class).list()).containsExactly("lvs");
        String page = page("lvs", get("/messages/" + message));
        assertThat(page).contains("Behörighetsbeställning").contains("Nils Fors").contains("Till beställningarna av behörighet")
                .doesNotContain("Astrid").doesNotContain("Karlsson");
    }

    @Test
    @DisplayName("Intake: LVS registers an intake from the case officer's intake request; the form comes filled with the request's facts")
    void intakeFormFilledFromRequest() throws Exception {
        MockHttpServletResponse sent = perform("handlaggare", post("/messages").with(csrf()).param("idempotencyKey", "form-" + UUID.randomUUID())
                .param("type", "INTAKE_REQUEST").param("subject", "Aktualisering").param("f.receivingUnit", "Myndighet Centrum")
                .param("f.recipient", "Anna Lindqvist").param("f.position", "Biståndshandläggare").param("f.operation", "ÄO")
                .param("f.concerns", "Ansökan om trygghetslarm").param("f.preliminaryCaseType", "SoL").param("f.intakeKind", "APPLICATION")
                .param("f.receivedOn", "2026-11-16").param("f.arrivalMethod", "Telefon").param("f.arrivedFrom", "Den enskilde"));
        assertThat(sent.getStatus()).as(sent.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);
        String id = sent.getRedirectedUrl().replaceAll(".*/messages/([0-9a-f-]{36}).*", "$1");
        String message = page("lvs", get("/messages/" + id));
        assertThat(message).contains("Registrera aktualiseringen med uppgifterna från meddelandet")
                .doesNotContain("fromMessage").contains("action=\"/intakes/new\"");
        // The page posts the request's facts in the body (AUD-5); casework reads no message (DESIGN.md).
        MockHttpServletRequestBuilder posted = post("/intakes/new").with(csrf());
        java.util.regex.Matcher hidden = java.util.regex.Pattern
                .compile("<input type=\"hidden\" name=\"((?:messageId|subject|sender|f\\.[A-Za-z]+))\" value=\"([^\"]*)\"").matcher(message);
        int inputs = 0;
        while (hidden.find()) {
            posted.param(hidden.group(1), org.springframework.web.util.HtmlUtils.htmlUnescape(hidden.group(2)));
            inputs++;
        }
        assertThat(inputs).isGreaterThan(3);
        assertThat(message).contains("name=\"messageId\" value=\"" + id + "\"").contains("name=\"f.concerns\" value=\"Ansökan om trygghetslarm\"");
        String form = page("lvs", posted);
        assertThat(form).contains("Från begäran om aktualisering").contains("Ansökan om trygghetslarm").contains("value=\"2026-11-16\"")
                .contains("Den enskilde");
        assertThat(perform("handlaggare", post("/intakes/new").with(csrf()).param("messageId", id)).getStatus()).isEqualTo(403);
    }

    // --- The pages ------------------------------------------------------------------------------

    @Test
    @DisplayName("Idempotency: a form sent twice with its key makes one message, and a refused form keeps its key for the next try")
    void composeFormIsIdempotent() throws Exception {
        String key = "form-" + UUID.randomUUID();
        MockHttpServletResponse refused = perform("assistent", post("/messages").with(csrf()).param("idempotencyKey", key).param("type", "FREE_TEXT")
                .param("subject", "Fråga").param("users", "boendesamordnare"));
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("value=\"" + key + "\"").contains("Meddelandetexten");

        for (int i = 0; i < 2; i++) {
            MockHttpServletResponse sent = perform("assistent", post("/messages").with(csrf()).param("idempotencyKey", key).param("type", "FREE_TEXT")
                    .param("subject", "Fråga").param("body", "Hej").param("users", "boendesamordnare"));
            assertThat(sent.getStatus()).isEqualTo(302);
        }
        assertThat(jdbc.sql("select count(*) from message where idempotency_key = ?").param(key).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("MSG-3: choosing a type gives its fields with Swedish labels and choices in words")
    void typeFieldsFragment() throws Exception {
        String fragment = page("assistent", get("/messages/new/fields").param("type", "INTAKE_REQUEST"));
        assertThat(fragment).contains("Vad aktualiseringen avser").contains(">Anmälan<").contains(">Ansökan<")
                .contains("name=\"type\" value=\"INTAKE_REQUEST\"").doesNotContain("<html");
    }

    @Test
    @DisplayName("MSG-2: LVS keeps the system groups in the browser; a unit manager may not, and is told Behörighet saknas")
    void lvsKeepsSystemGroups() throws Exception {
        UUID bosam = jdbc.sql("select id from message_group where name = 'BOSAM'").query(UUID.class).single();
        assertThat(perform("lvs", post("/messages/groups/" + bosam + "/members").with(csrf()).param("username", "planerare")).getStatus())
                .isEqualTo(302);
        assertThat(page("lvs", get("/messages/groups/" + bosam))).contains("Nils Fors");
        MockHttpServletResponse denied = perform("enhetschef", get("/messages/groups/" + bosam));
        assertThat(denied.getStatus()).isEqualTo(403);
        assertThat(denied.getContentAsString(StandardCharsets.UTF_8)).contains("Behörighet saknas");
        assertThat(perform("lvs", post("/messages/groups/" + bosam + "/members/planerare/removal").with(csrf())).getStatus()).isEqualTo(302);
        assertThat(page("lvs", get("/messages/groups/" + bosam))).doesNotContain("Nils Fors");
    }

    @Test
    @DisplayName("MSG-4: routing rules are data LVS changes in the browser; the next message follows the new rule; nobody else may change them")
    void lvsChangesARoutingRule() throws Exception {
        String coordinators = "6d5a0000-0000-4000-8000-000000000005";
        String feeOfficers = "6d5a0000-0000-4000-8000-000000000004";
        assertThat(page("lvs", get("/messages/routing"))).contains("Nivåmätning");
        MockHttpServletResponse denied = perform("enhetschef", post("/messages/routing/LEVEL_MEASUREMENT").with(csrf()).param("group", feeOfficers));
        assertThat(denied.getStatus()).isEqualTo(403);
        try {
            assertThat(perform("lvs", post("/messages/routing/LEVEL_MEASUREMENT").with(csrf()).param("group", coordinators)
                    .param("group", feeOfficers)).getStatus()).isEqualTo(302);
            String caseNumber = jdbc.sql("""
                    select c.case_number from care_case c join person p on p.id = c.person_id
                    where p.first_name = 'Greta' order by c.case_number limit 1
                    """).query(String.class).single();
            // A level measurement travels with the measurement (MSG-3).
            MockHttpServletResponse sent = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/messages")
                    .file(new org.springframework.mock.web.MockMultipartFile("attachments", "nivamatning.pdf", "application/pdf",
                            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)))
                    .with(csrf()).param("idempotencyKey", "form-" + UUID.randomUUID())
                    .param("type", "LEVEL_MEASUREMENT").param("subject", "Nivåmätning").param("caseNumber", caseNumber)
                    .param("f.bookedFor", "2026-12-02").with(user(users.loadUserByUsername("assistent")))).andReturn().getResponse();
            assertThat(sent.getStatus()).isEqualTo(302);
            String id = sent.getRedirectedUrl().replaceAll(".*/messages/([0-9a-f-]{36}).*", "$1");
            assertThat(jdbc.sql("select u.username from message_delivery d join app_user u on u.id = d.user_id where d.message_id = ?")
                    .param(UUID.fromString(id)).query(String.class).list()).contains("avgift", "boendesamordnare");
            MockHttpServletResponse unitGroup = perform("lvs", post("/messages/routing/LEVEL_MEASUREMENT").with(csrf())
                    .param("group", jdbc.sql("select id from message_group where kind = 'UNIT' order by name limit 1").query(String.class).single()));
            assertThat(unitGroup.getStatus()).isEqualTo(400);
            assertThat(unitGroup.getContentAsString(StandardCharsets.UTF_8)).contains("systemets grupper");
        } finally {
            perform("lvs", post("/messages/routing/LEVEL_MEASUREMENT").with(csrf()).param("group", coordinators));
        }
    }

    @Test
    @DisplayName("MSG-6: LVS names who answers for a system group's unread messages")
    void lvsNamesTheResponsible() throws Exception {
        UUID jouren = UUID.fromString("6d5a0000-0000-4000-8000-000000000003");
        assertThat(perform("lvs", post("/messages/groups/" + jouren + "/responsible").with(csrf()).param("username", "sas")).getStatus())
                .isEqualTo(302);
        assertThat(page("lvs", get("/messages/groups/" + jouren))).contains("Lena Ros (sas)");
        assertThat(perform("enhetschef", post("/messages/groups/" + jouren + "/responsible").with(csrf()).param("username", "enhetschef"))
                .getStatus()).isEqualTo(403);
        perform("lvs", post("/messages/groups/" + jouren + "/responsible").with(csrf()).param("username", "verksamhetsledare"));
    }

    private String page(String username, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = perform(username, request);
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse perform(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
    }
}
