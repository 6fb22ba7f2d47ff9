package se.omsorgsnav.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;
import se.omsorgsnav.support.TestData;
import se.omsorgsnav.support.TestPins;

/** PROT-7, PROT-9, PROT-4 (002 §2.4): LVS's intake for a protected person who had no case before. */
@OmsorgsnavTest
class IntakeTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired UserDetailsService users;
    @Autowired PasswordEncoder passwords;

    @Test
    @DisplayName("Intake: LVS registers the intake with its eleven facts; the case opens in the receiving unit and the receiver, only the receiver, sees the person")
    void intakeOpensTheCaseAndAuthorisesTheReceiver() throws Exception {
        String pin = freshPin();
        MockHttpServletResponse created = intake(body(pin, DemoUsers.AUTHORISED, TestClock.TODAY.plusMonths(6).toString(), "REPORT", "OTHER",
                "Grannen Karin"), DemoUsers.SYSTEM_SUPPORT);
        assertThat(created.getStatus()).isEqualTo(201);
        String caseNumber = created.getContentAsString(StandardCharsets.UTF_8).replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
        assertThat(created.getHeader("Location")).isEqualTo("/api/v1/cases/" + caseNumber).doesNotContain(pin.substring(0, 8));

        Map<String, Object> intake = jdbc.sql("""
                        select i.*, c.case_officer_id, p.protection_level from case_intake i join care_case c on c.id = i.case_id
                        join person p on p.id = c.person_id where c.case_number = ?
                        """).param(caseNumber).query().singleRow();
        assertThat(intake).containsEntry("receiver_title", "Biståndshandläggare").containsEntry("operation", "ÄO")
                .containsEntry("intake_kind", "REPORT").containsEntry("arrival_method", "PHONE").containsEntry("arrived_from", "OTHER")
                .containsEntry("arrived_from_name", "Grannen Karin").containsEntry("preliminary_case_type", "Bistånd enligt SoL")
                .containsEntry("protection_level", "PROTECTED_REGISTRATION");
        assertThat(intake.get("case_officer_id")).isEqualTo(userId(DemoUsers.AUTHORISED));
        assertThat(jdbc.sql("""
                        select count(*) from case_authorization a join care_case c on c.id = a.case_id
                        where c.case_number = ? and a.user_id = ? and a.revoked_at is null and a.valid_to = ?
                        """).params(caseNumber, userId(DemoUsers.AUTHORISED), TestClock.TODAY.plusMonths(6)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                        select count(*) from audit_event e join care_case c on c.id = e.case_id
                        where c.case_number = ? and e.actor_username = ? and e.purpose = 'INTAKE' and e.action = 'CREATE'
                        """).params(caseNumber, DemoUsers.SYSTEM_SUPPORT).query(Long.class).single()).isEqualTo(1);

        assertThat(mvc.perform(get("/api/v1/cases/" + caseNumber).with(httpBasic(DemoUsers.AUTHORISED, DemoUsers.PASSWORD)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Intagen");
        assertThat(mvc.perform(get("/api/v1/cases/" + caseNumber).with(httpBasic(DemoUsers.UNAUTHORISED, DemoUsers.PASSWORD)))
                .andReturn().getResponse().getStatus()).as("a colleague without authorisation").isEqualTo(403);
    }

    @Test
    @DisplayName("AUD-5: the message page posts an intake request's fields to the form, which LVS sees filled in; nothing is stored, nothing travels in a URL")
    void formFilledInFromAPostedRequest() throws Exception {
        UUID messageId = UUID.randomUUID();
        long cases = jdbc.sql("select count(*) from care_case").query(Long.class).single();
        var request = post("/intakes/new").with(csrf()).param("messageId", messageId.toString()).param("subject", "Aktualisering")
                .param("sender", "Anna Lindqvist").param("f.concerns", "Ansökan om trygghetslarm").param("f.position", "Biståndshandläggare")
                .param("f.receivingUnit", "Myndighet Centrum").param("f.intakeKind", "APPLICATION");
        MockHttpServletResponse filled = mvc.perform(request.with(user(users.loadUserByUsername(DemoUsers.SYSTEM_SUPPORT)))).andReturn().getResponse();
        assertThat(filled.getStatus()).isEqualTo(200);
        assertThat(filled.getContentAsString(StandardCharsets.UTF_8)).contains("Ansökan om trygghetslarm").contains("Myndighet Centrum")
                .contains("/messages/" + messageId).contains("Biståndshandläggare");
        assertThat(mvc.perform(post("/intakes/new").with(csrf()).param("f.concerns", "Ansökan")
                .with(user(users.loadUserByUsername(DemoUsers.AUTHORISED)))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from care_case").query(Long.class).single()).isEqualTo(cases);
    }

    @Test
    @DisplayName("PROT-9: a fee officer cannot be the intake's receiver; nothing is stored")
    void feeOfficerNeverReceives() throws Exception {
        String pin = freshPin();
        MockHttpServletResponse refused = intake(body(pin, "avgift", TestClock.TODAY.plusMonths(6).toString(), "APPLICATION", "PERSON", null),
                DemoUsers.SYSTEM_SUPPORT);
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("avgiftshandläggare");
        assertThat(personCount(pin)).isZero();
    }

    @Test
    @DisplayName("PROT-6: an authorisation past one year refuses the whole intake: no person, no case, no half of it")
    void allOrNothing() throws Exception {
        String pin = freshPin();
        long cases = jdbc.sql("select count(*) from care_case").query(Long.class).single();
        MockHttpServletResponse refused = intake(body(pin, DemoUsers.AUTHORISED, TestClock.TODAY.plusYears(1).plusDays(1).toString(), "APPLICATION",
                "PERSON", null), DemoUsers.SYSTEM_SUPPORT);
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(personCount(pin)).isZero();
        assertThat(jdbc.sql("select count(*) from care_case").query(Long.class).single()).isEqualTo(cases);
    }

    @Test
    @DisplayName("PROT-6: the intake is only for a protected person without a case, only by LVS with the grant right, and a report names who made it")
    void refusals() throws Exception {
        MockHttpServletResponse hasCase = intake(body(DemoUsers.PROTECTED_PIN, DemoUsers.AUTHORISED, TestClock.TODAY.plusMonths(6).toString(),
                "APPLICATION", "PERSON", null), DemoUsers.SYSTEM_SUPPORT);
        assertThat(hasCase.getStatus()).isEqualTo(400);
        assertThat(hasCase.getContentAsString(StandardCharsets.UTF_8)).contains("redan ärenden").doesNotContain(DemoUsers.PROTECTED_NAME);

        MockHttpServletResponse anonymousReport = intake(body(freshPin(), DemoUsers.AUTHORISED, TestClock.TODAY.plusMonths(6).toString(), "REPORT",
                "OTHER", null), DemoUsers.SYSTEM_SUPPORT);
        assertThat(anonymousReport.getStatus()).isEqualTo(400);

        String pin = freshPin();
        assertThat(intake(body(pin, DemoUsers.AUTHORISED, TestClock.TODAY.plusMonths(6).toString(), "APPLICATION", "PERSON", null),
                DemoUsers.AUTHORISED).getStatus()).as("a case officer").isEqualTo(403);
        assertThat(personCount(pin)).isZero();
    }

    @Test
    @DisplayName("PROT-6: LVS without the grant right cannot register an intake, neither on the page nor through the API; the denial is audited")
    void grantRightRequired() throws Exception {
        UUID unit = jdbc.sql("select id from unit where name = 'Lokalt verksamhetsstöd'").query(UUID.class).single();
        String plainLvs = "lvs-intag-" + UUID.randomUUID().toString().substring(0, 6);
        jdbc.sql("""
                insert into app_user (id, username, full_name, email, password_hash, role, unit_id, grant_right, enabled)
                values (?, ?, 'Lo Utanrätt', 'lo.intag@demo.omsorgsnav.invalid', ?, 'SYSTEM_SUPPORT', ?, false, true)
                """).params(UUID.randomUUID(), plainLvs, passwords.encode(DemoUsers.PASSWORD), unit).update();
        String pin = freshPin();
        assertThat(intake(body(pin, DemoUsers.AUTHORISED, TestClock.TODAY.plusMonths(6).toString(), "APPLICATION", "PERSON", null), plainLvs)
                .getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from audit_event where actor_username = ? and purpose = 'INTAKE' and outcome = 'DENIED'")
                .param(plainLvs).query(Long.class).single()).isEqualTo(1);
        MockHttpServletResponse page = mvc.perform(form(pin).with(user(users.loadUserByUsername(plainLvs)))).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(403);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("Behörighet saknas");
        assertThat(mvc.perform(get("/intakes/new").with(user(users.loadUserByUsername(plainLvs)))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(personCount(pin)).isZero();
    }

    @Test
    @DisplayName("AUD-5: on the page LVS registers the intake and lands on the case's number; the personnummer is in no address and the grant is audited")
    void intakePage() throws Exception {
        String pin = freshPin();
        MockHttpServletResponse done = mvc.perform(form(pin).with(user(users.loadUserByUsername(DemoUsers.SYSTEM_SUPPORT))))
                .andReturn().getResponse();
        assertThat(done.getStatus()).isEqualTo(302);
        String redirect = done.getRedirectedUrl();
        assertThat(redirect).matches("/authorizations\\?aktualiserad=AO-\\d{4}-\\d+").doesNotContain(pin.substring(2, 8));
        String caseNumber = redirect.replaceAll(".*=", "");
        assertThat(jdbc.sql("""
                        select e.purpose from audit_event e join care_case c on c.id = e.case_id
                        where c.case_number = ? and e.actor_username = ? and e.outcome = 'ALLOWED' order by e.purpose
                        """).params(caseNumber, DemoUsers.SYSTEM_SUPPORT).query(String.class).list())
                .contains("INTAKE", "AUTHORIZATION_GRANTED", "NEW_CASE");
        assertThat(jdbc.sql("select count(*) from case_authorization a join care_case c on c.id = a.case_id where c.case_number = ? and a.request_id is null")
                .param(caseNumber).query(Long.class).single()).isEqualTo(1);
        String workList = mvc.perform(get(redirect).with(user(users.loadUserByUsername(DemoUsers.SYSTEM_SUPPORT))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(workList).contains(caseNumber).contains("mottagaren har fått behörighet").doesNotContain("Intagen");
    }

    @Test
    @DisplayName("Intake: a refused intake page says why in Swedish, keeps what was typed but never echoes the personnummer, and stores nothing")
    void refusedPageKeepsTheFactsButNotThePersonnummer() throws Exception {
        String pin = freshPin();
        MockHttpServletResponse refused = mvc.perform(form(pin, "receivedOn", TestClock.TODAY.plusDays(1).toString())
                        .with(user(users.loadUserByUsername(DemoUsers.SYSTEM_SUPPORT))))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        String page = refused.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Mottaget datum kan inte ligga i framtiden").contains("Inget har sparats").contains("value=\"Sidström\"")
                .doesNotContain(pin).doesNotContain(pin.replace("-", ""));
        assertThat(personCount(pin)).isZero();
    }

    @Test
    @DisplayName("PROT-3, AUD-5: what the intake concerns becomes the case's subject, seen by colleagues without authorisation: a personnummer or the person's surname in it is refused")
    void subjectDoesNotIdentifyThePerson() throws Exception {
        String pin = freshPin();
        for (String concerns : new String[] {"Ansökan om hemtjänst för " + pin, "Ansökan om hemtjänst, fru SIDSTRÖM"}) {
            MockHttpServletResponse refused = mvc.perform(form(pin, "concerns", concerns)
                    .with(user(users.loadUserByUsername(DemoUsers.SYSTEM_SUPPORT)))).andReturn().getResponse();
            assertThat(refused.getStatus()).as(concerns).isEqualTo(400);
            assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("blir ärendets rubrik").doesNotContain(pin);
        }
        assertThat(personCount(pin)).isZero();
    }

    @Test
    @DisplayName("Intake: a long description fits: the case's subject is shortened, the intake keeps the whole text")
    void longConcernsFit() throws Exception {
        String concerns = "Ansökan om hemtjänst med dubbelbemanning kvällar och nätter. ".repeat(8).strip();
        MockHttpServletResponse done = mvc.perform(form(freshPin(), "concerns", concerns)
                .with(user(users.loadUserByUsername(DemoUsers.SYSTEM_SUPPORT)))).andReturn().getResponse();
        assertThat(done.getStatus()).isEqualTo(302);
        Map<String, Object> row = jdbc.sql("select c.subject, i.concerns from case_intake i join care_case c on c.id = i.case_id where c.case_number = ?")
                .param(done.getRedirectedUrl().replaceAll(".*=", "")).query().singleRow();
        assertThat(row.get("concerns")).isEqualTo(concerns);
        assertThat((String) row.get("subject")).hasSize(200).startsWith("Bistånd enligt SoL: Ansökan om hemtjänst").endsWith("…");
    }

    @Test
    @DisplayName("Intake: a protected person already in the population register, without a case, is found and not registered twice")
    void registeredPersonWithoutCaseIsFound() throws Exception {
        String pin = freshPin();
        UUID person = data.person().named("Folke", "Registersson").protectedBy("CONFIDENTIALITY_MARKING").pin(pin.replace("-", "")).create().id();
        MockHttpServletResponse done = intake(body(pin, DemoUsers.AUTHORISED, TestClock.TODAY.plusMonths(6).toString(), "APPLICATION", "PERSON", null),
                DemoUsers.SYSTEM_SUPPORT);
        assertThat(done.getStatus()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from care_case where person_id = ?").param(person).query(Long.class).single()).isEqualTo(1);
        assertThat(personCount(pin)).isEqualTo(1);
        assertThat(jdbc.sql("select first_name from person where id = ?").param(person).query(String.class).single())
                .as("the register's name, not the one typed").isEqualTo("Folke");
    }

    @Test
    @DisplayName("Intake: a person without protection, and a receiver outside the receiving unit or not a case officer, are refused with the reason")
    void ordinaryPersonAndWrongReceiverAreRefused() throws Exception {
        MockHttpServletResponse ordinary = intake(body(DemoUsers.ORDINARY_PIN, DemoUsers.AUTHORISED, TestClock.TODAY.plusMonths(6).toString(),
                "APPLICATION", "PERSON", null), DemoUsers.SYSTEM_SUPPORT);
        assertThat(ordinary.getStatus()).isEqualTo(400);
        assertThat(ordinary.getContentAsString(StandardCharsets.UTF_8)).contains("inte skyddade personuppgifter");

        String pin = freshPin();
        MockHttpServletResponse otherUnit = intake(body(pin, DemoUsers.UNAUTHORISED, TestClock.TODAY.plusMonths(6).toString(), "APPLICATION",
                "PERSON", null), DemoUsers.SYSTEM_SUPPORT);
        assertThat(otherUnit.getStatus()).isEqualTo(400);
        assertThat(otherUnit.getContentAsString(StandardCharsets.UTF_8)).contains("hör inte till den mottagande enheten");
        MockHttpServletResponse manager = intake(body(pin, DemoUsers.UNIT_MANAGER, TestClock.TODAY.plusMonths(6).toString(), "APPLICATION",
                "PERSON", null), DemoUsers.SYSTEM_SUPPORT);
        assertThat(manager.getStatus()).isEqualTo(400);
        assertThat(manager.getContentAsString(StandardCharsets.UTF_8)).contains("Mottagaren ska vara handläggare");
        assertThat(personCount(pin)).isZero();
    }

    @Test
    @DisplayName("PROT-9, UX-1: the form offers the receiving unit's case officers to choose from (htmx swaps the list when the unit changes), never a fee officer")
    void formOffersTheUnitsCaseOfficers() throws Exception {
        UUID centrum = jdbc.sql("select id from unit where name = 'Myndighet Centrum'").query(UUID.class).single();
        String all = mvc.perform(get("/intakes/new").with(user(users.loadUserByUsername(DemoUsers.SYSTEM_SUPPORT))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(all).contains("<datalist id=\"receivers\">").contains("value=\"" + DemoUsers.AUTHORISED + "\"")
                .contains("value=\"" + DemoUsers.UNAUTHORISED + "\"").doesNotContain("value=\"avgift\"");
        MockHttpServletResponse fragment = mvc.perform(get("/intakes/new").param("receivingUnitId", centrum.toString()).header("HX-Request", "true")
                .with(user(users.loadUserByUsername(DemoUsers.SYSTEM_SUPPORT)))).andReturn().getResponse();
        String list = fragment.getContentAsString(StandardCharsets.UTF_8);
        assertThat(list.strip()).startsWith("<datalist id=\"receivers\">").doesNotContain("<html");
        assertThat(list).contains("value=\"" + DemoUsers.AUTHORISED + "\"").contains("value=\"forste\"")
                .doesNotContain("value=\"" + DemoUsers.UNAUTHORISED + "\"").doesNotContain("value=\"enhetschef\"");
        assertThat(mvc.perform(get("/intakes/new").with(user(users.loadUserByUsername(DemoUsers.UNIT_MANAGER)))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).as("anyone but LVS").contains("Behörighet saknas");
    }

    @Test
    @DisplayName("Intake: the intake endpoint is in the OpenAPI document, with its fields")
    void documented() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("lvs"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(docs).contains("/api/v1/intakes", "Aktualisera ärende för skyddad person", "receiverUsername", "arrivalMethod", "E_SERVICE",
                "authorizedUntil");
    }

    /** The page's form, filled in as LVS would, for a new protected person; pairs of name and value replace a field. */
    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder form(String pin, String... replaced) {
        UUID centrum = jdbc.sql("select id from unit where name = 'Myndighet Centrum'").query(UUID.class).single();
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("receivingUnitId", centrum.toString());
        fields.put("receiverUsername", DemoUsers.AUTHORISED);
        fields.put("receiverTitle", "Biståndshandläggare");
        fields.put("operation", "ÄO");
        fields.put("personalIdentityNumber", pin);
        fields.put("firstName", "Intagen");
        fields.put("lastName", "Sidström");
        fields.put("protectionLevel", "PROTECTED_REGISTRATION");
        fields.put("concerns", "Ansökan om trygghetslarm");
        fields.put("preliminaryCaseType", "Bistånd enligt SoL");
        fields.put("kind", "APPLICATION");
        fields.put("receivedOn", TestClock.TODAY.toString());
        fields.put("arrivalMethod", "E_SERVICE");
        fields.put("arrivedFrom", "PERSON");
        fields.put("authorizedUntil", TestClock.TODAY.plusMonths(3).toString());
        for (int i = 0; i < replaced.length; i += 2) {
            fields.put(replaced[i], replaced[i + 1]);
        }
        var request = post("/intakes").with(csrf());
        fields.forEach(request::param);
        return request;
    }

    private MockHttpServletResponse intake(String json, String username) throws Exception {
        return mvc.perform(post("/api/v1/intakes").contentType(MediaType.APPLICATION_JSON).content(json)
                .with(httpBasic(username, DemoUsers.PASSWORD))).andReturn().getResponse();
    }

    private String body(String pin, String receiver, String until, String kind, String from, String fromName) {
        UUID centrum = jdbc.sql("select id from unit where name = 'Myndighet Centrum'").query(UUID.class).single();
        return """
                {"receivingUnitId":"%s","receiverUsername":"%s","receiverTitle":"Biståndshandläggare","operation":"ÄO",
                 "personalIdentityNumber":"%s","firstName":"Intagen","lastName":"Testperson","protectionLevel":"PROTECTED_REGISTRATION",
                 "concerns":"Ansökan om hemtjänst","preliminaryCaseType":"Bistånd enligt SoL","kind":"%s","receivedOn":"%s",
                 "arrivalMethod":"PHONE","arrivedFrom":"%s",%s"authorizedUntil":"%s"}
                """.formatted(centrum, receiver, pin, kind, TestClock.TODAY.minusDays(1), from,
                fromName == null ? "" : "\"arrivedFromName\":\"" + fromName + "\",", until);
    }

    private static String freshPin() {
        return TestPins.formatted(TestPins.elderly());
    }

    private long personCount(String pin) {
        return jdbc.sql("select count(*) from person where personal_identity_number = ?").param(pin.replace("-", "")).query(Long.class).single();
    }

    private UUID userId(String username) {
        return jdbc.sql("select id from app_user where username = ?").param(username).query(UUID.class).single();
    }
}
