package se.omsorgsnav.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;
import se.omsorgsnav.support.TestPins;

/** PROT-7, PROT-9, PROT-4 (002 §2.4): LVS's intake for a protected person who had no case before. */
@OmsorgsnavTest
class IntakeTests {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @Test
    @DisplayName("PROT-7: LVS registers the intake with its eleven facts; the case opens in the receiving unit and the receiver, only the receiver, sees the person")
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
    @DisplayName("PROT-6, PROT-7: an authorisation past one year refuses the whole intake: no person, no case, no half of it")
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
    @DisplayName("PROT-7: the intake is only for a protected person without a case, only by LVS with the grant right, and a report names who made it")
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
        String pin = TestPins.nth(1931, "98", SERIAL.getAndIncrement());
        return pin.substring(0, 8) + "-" + pin.substring(8);
    }

    private long personCount(String pin) {
        return jdbc.sql("select count(*) from person where personal_identity_number = ?").param(pin.replace("-", "")).query(Long.class).single();
    }

    private UUID userId(String username) {
        return jdbc.sql("select id from app_user where username = ?").param(username).query(UUID.class).single();
    }
}
