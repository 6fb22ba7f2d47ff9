package se.omsorgsnav.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.support.AsUser;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;

/** The access workflow's rules, each as its own test (PROT-6, 7, 8, 9, 15). */
@OmsorgsnavTest
class AuthorizationWorkflowTests {

    static final LocalDate TODAY = TestClock.TODAY;

    @Autowired AuthorizationAdministration administration;
    @Autowired AuthorizationRequests requests;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired PasswordEncoder passwords;

    String astridCase;
    String birgittaCase;
    String colleague;

    @BeforeEach
    void colleagueWithoutAccess() {
        astridCase = openCaseOf(DemoUsers.PROTECTED_PIN);
        birgittaCase = openCaseOf("19470726-2202");
        colleague = "kollega-" + UUID.randomUUID().toString().substring(0, 8);
        UUID unit = jdbc.sql("select id from unit where name = 'Myndighet Centrum'").query(UUID.class).single();
        jdbc.sql("""
                insert into app_user (id, username, full_name, email, password_hash, role, unit_id, grant_right, enabled)
                values (?, ?, 'Kim Kollega', 'kim.kollega@demo.omsorgsnav.invalid', ?, 'CASE_OFFICER', ?, false, true)
                """).params(UUID.randomUUID(), colleague, passwords.encode(DemoUsers.PASSWORD), unit).update();
    }

    @Test
    @DisplayName("PROT-6: a grant lasts at most one year: the last day inside the year is accepted, the first day after is refused")
    void oneYearAtMost() {
        try (var lvs = AsUser.login(users, DemoUsers.SYSTEM_SUPPORT)) {
            assertThatThrownBy(() -> grant(astridCase, colleague, TODAY, TODAY.plusYears(1)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("högst ett år");
            assertThat(grant(astridCase, colleague, TODAY, TODAY.plusYears(1).minusDays(1))).isNotNull();
        }
    }

    @Test
    @DisplayName("PROT-6: for lokalt skydd a grant lasts at most three months, to the day")
    void threeMonthsForLocalProtection() {
        try (var lvs = AsUser.login(users, DemoUsers.SYSTEM_SUPPORT)) {
            assertThatThrownBy(() -> grant(birgittaCase, colleague, TODAY, TODAY.plusMonths(3)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("tre månader");
            assertThat(grant(birgittaCase, colleague, TODAY, TODAY.plusMonths(3).minusDays(1))).isNotNull();
        }
    }

    @Test
    @DisplayName("PROT-6: a grant cannot start in the past or end before it starts")
    void periodIsSane() {
        try (var lvs = AsUser.login(users, DemoUsers.SYSTEM_SUPPORT)) {
            assertThatThrownBy(() -> grant(astridCase, colleague, TODAY.minusDays(1), TODAY.plusDays(10))).hasMessageContaining("före i dag");
            assertThatThrownBy(() -> grant(astridCase, colleague, TODAY.plusDays(10), TODAY.plusDays(9))).hasMessageContaining("innan den börjar");
        }
    }

    @Test
    @DisplayName("PROT-9: a fee officer is refused whatever the request says, and the refusal is audited")
    void feeOfficerRefused() {
        long denials = denials(DemoUsers.SYSTEM_SUPPORT, "AUTHORIZATION_GRANTED");
        try (var lvs = AsUser.login(users, DemoUsers.SYSTEM_SUPPORT)) {
            assertThatThrownBy(() -> grant(astridCase, "avgift", TODAY, TODAY.plusDays(30)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("Avgiftshandläggare");
        }
        assertThat(denials(DemoUsers.SYSTEM_SUPPORT, "AUTHORIZATION_GRANTED")).isEqualTo(denials + 1);
        try (var manager = AsUser.login(users, DemoUsers.UNIT_MANAGER)) {
            assertThatThrownBy(() -> requests.order(new AuthorizationRequests.NewRequest(AuthorizationRequestView.Kind.ADD, astridCase, "avgift",
                    TODAY, TODAY.plusDays(30), null))).hasMessageContaining("Avgiftshandläggare");
        }
    }

    @Test
    @DisplayName("PROT-6: only system support holding the grant right may grant; others are denied and audited")
    void grantRightRequired() {
        UUID unit = jdbc.sql("select id from unit where name = 'Lokalt verksamhetsstöd'").query(UUID.class).single();
        String plainLvs = "lvs-utan-" + UUID.randomUUID().toString().substring(0, 6);
        jdbc.sql("""
                insert into app_user (id, username, full_name, email, password_hash, role, unit_id, grant_right, enabled)
                values (?, ?, 'Lo Utanrätt', 'lo@demo.omsorgsnav.invalid', ?, 'SYSTEM_SUPPORT', ?, false, true)
                """).params(UUID.randomUUID(), plainLvs, passwords.encode(DemoUsers.PASSWORD), unit).update();
        for (String username : List.of(plainLvs, DemoUsers.UNIT_MANAGER, DemoUsers.AUTHORISED)) {
            long before = denials(username, "AUTHORIZATION_GRANTED");
            try (var login = AsUser.login(users, username)) {
                assertThatThrownBy(() -> grant(astridCase, colleague, TODAY, TODAY.plusDays(30))).isInstanceOf(AccessDenied.class);
            }
            assertThat(denials(username, "AUTHORIZATION_GRANTED")).as(username).isEqualTo(before + 1);
        }
    }

    @Test
    @DisplayName("PROT-6: an authorisation past its end grants nothing even before the cleaning job runs, which then closes and audits it")
    void expiryIsComputedOnRead() throws Exception {
        UUID colleagueId = userId(colleague);
        var astrid = jdbc.sql("select c.id, c.person_id from care_case c where c.case_number = ?").param(astridCase).query().singleRow();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into case_authorization (id, user_id, case_id, person_id, valid_from, valid_to, granted_by, granted_at)
                values (?, ?, ?, ?, ?, ?, ?, current_timestamp)
                """).params(id, colleagueId, astrid.get("id"), astrid.get("person_id"), TODAY.minusDays(40), TODAY.minusDays(1),
                userId(DemoUsers.SYSTEM_SUPPORT)).update();
        assertThat(lookupMasked(colleague)).isTrue();
        assertThat(administration.markExpired()).isPositive();
        assertThat(jdbc.sql("select expired_at from case_authorization where id = ?").param(id).query().singleValue()).isNotNull();
        assertThat(jdbc.sql("select count(*) from audit_event where purpose = 'AUTHORIZATION_EXPIRED' and actor_username = 'system:authorization-expiry'")
                .query(Long.class).single()).isPositive();
        assertThat(administration.markExpired()).as("a second run finds nothing").isZero();
    }

    @Test
    @DisplayName("PROT-8, PROT-6, PROT-15: order, pre-checks, grant and revoke through the API; the colleague sees the person only while authorised")
    void wholeFlowThroughTheApi() throws Exception {
        assertThat(lookupMasked(colleague)).isTrue();

        MockHttpServletResponse ordered = call(post("/api/v1/authorization-requests").contentType(MediaType.APPLICATION_JSON).content("""
                {"kind":"ADD","caseNumber":"%s","username":"%s","validFrom":"%s","validTo":"%s"}
                """.formatted(astridCase, colleague, TODAY, TODAY.plusMonths(6))), DemoUsers.UNIT_MANAGER);
        assertThat(ordered.getStatus()).isEqualTo(201);
        String requestId = id(ordered);

        String workList = call(get("/api/v1/authorization-requests"), DemoUsers.SYSTEM_SUPPORT).getContentAsString(StandardCharsets.UTF_8);
        assertThat(workList).contains(requestId, astridCase, "Kim Kollega", colleague, "kim.kollega@demo.omsorgsnav.invalid", TODAY.plusMonths(6).toString())
                .doesNotContain("19420310").doesNotContain("Astrid").doesNotContain("Karlsson");

        try (var lvs = AsUser.login(users, DemoUsers.SYSTEM_SUPPORT)) {
            AuthorizationAdministration.PreGrant pre = administration.preGrant(astridCase);
            assertThat(pre.current()).extracting(CaseAuthorizationView::username).contains(DemoUsers.AUTHORISED, DemoUsers.UNIT_MANAGER);
            assertThat(pre.checks().linkedPersons()).extracting(CaseDirectory.LinkedPerson::maskedIdentityNumber)
                    .containsExactlyInAnyOrder("1968XXXX-XXXX", "1940XXXX-XXXX");
        }

        MockHttpServletResponse granted = call(post("/api/v1/cases/" + astridCase + "/authorizations").contentType(MediaType.APPLICATION_JSON).content("""
                {"username":"%s","validFrom":"%s","validTo":"%s","requestId":"%s"}
                """.formatted(colleague, TODAY, TODAY.plusMonths(6), requestId)), DemoUsers.SYSTEM_SUPPORT);
        assertThat(granted.getStatus()).isEqualTo(201);
        assertThat(jdbc.sql("select status from authorization_request where id = ?").param(UUID.fromString(requestId)).query(String.class).single())
                .isEqualTo("GRANTED");
        assertThat(lookupMasked(colleague)).isFalse();

        MockHttpServletResponse again = call(post("/api/v1/cases/" + astridCase + "/authorizations").contentType(MediaType.APPLICATION_JSON).content("""
                {"username":"%s","validFrom":"%s","validTo":"%s","requestId":"%s"}
                """.formatted(colleague, TODAY, TODAY.plusMonths(6), requestId)), DemoUsers.SYSTEM_SUPPORT);
        assertThat(again.getStatus()).as("a request is decided once").isEqualTo(400);

        String listed = call(get("/api/v1/cases/" + astridCase + "/authorizations"), DemoUsers.UNIT_MANAGER).getContentAsString(StandardCharsets.UTF_8);
        assertThat(listed).contains(colleague).contains("\"VALID\"");
        assertThat(call(delete("/api/v1/cases/" + astridCase + "/authorizations/" + id(granted)), DemoUsers.UNIT_MANAGER).getStatus()).isEqualTo(204);
        assertThat(lookupMasked(colleague)).isTrue();
        assertThat(call(get("/api/v1/cases/" + astridCase + "/authorizations"), DemoUsers.UNIT_MANAGER).getContentAsString(StandardCharsets.UTF_8))
                .contains("\"REVOKED\"");

        List<String> trail = jdbc.sql("""
                select purpose from audit_event e join care_case c on c.id = e.case_id
                where c.case_number = ? and purpose like 'AUTHORIZATION_%' and outcome = 'ALLOWED'
                """).param(astridCase).query(String.class).list();
        assertThat(trail).contains("AUTHORIZATION_REQUESTED", "AUTHORIZATION_GRANTED", "AUTHORIZATION_REVOKED", "AUTHORIZATION_LIST");
    }

    @Test
    @DisplayName("PROT-8: an order carries the case number and the colleague, and has nowhere to put a personnummer")
    void orderHasNoPersonnummer() {
        List<String> columns = jdbc.sql("select lower(column_name) from information_schema.columns where lower(table_name) = 'authorization_request'")
                .query(String.class).list();
        assertThat(columns).contains("case_number", "target_user_id").noneMatch(c -> c.contains("identity") || c.contains("person"));
        assertThat(AuthorizationRequestView.class.getRecordComponents()).extracting(c -> c.getName())
                .contains("caseNumber", "fullName", "username", "email", "validFrom", "validTo")
                .noneMatch(n -> n.toLowerCase().contains("identity") || n.toLowerCase().contains("person"));
    }

    @Test
    @DisplayName("PROT-6: an order for lokalt skydd must give its reason, and a refused order can no longer be granted")
    void localProtectionReasonAndRefusal() {
        UUID requestId;
        try (var manager = AsUser.login(users, DemoUsers.UNIT_MANAGER)) {
            assertThatThrownBy(() -> requests.order(new AuthorizationRequests.NewRequest(AuthorizationRequestView.Kind.ADD, birgittaCase, colleague,
                    TODAY, TODAY.plusDays(30), null))).hasMessageContaining("orsak");
            requestId = requests.order(new AuthorizationRequests.NewRequest(AuthorizationRequestView.Kind.ADD, birgittaCase, colleague,
                    TODAY, TODAY.plusDays(30), "Akut hot, i väntan på Skatteverkets beslut"));
        }
        try (var lvs = AsUser.login(users, DemoUsers.SYSTEM_SUPPORT)) {
            requests.refuse(requestId, "Ansvarig handläggare är redan utsedd");
            assertThatThrownBy(() -> administration.grant(new AuthorizationAdministration.Grant(birgittaCase, colleague, TODAY,
                    TODAY.plusDays(30), requestId))).hasMessageContaining("redan behandlad");
        }
    }

    @Test
    @DisplayName("PROT-15, PROT-11: a closed case keeps its person protected, and its live authorisations wait on LVS's work list until removed")
    void closedCaseGoesToLvs() throws Exception {
        UUID birgitta = jdbc.sql("select id from person where personal_identity_number = '194707262202'").query(UUID.class).single();
        UUID unit = jdbc.sql("select id from unit where name = 'Myndighet Centrum'").query(UUID.class).single();
        UUID officer = userId(DemoUsers.AUTHORISED);
        MockHttpServletResponse opened = call(post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).content("""
                {"personId":"%s","unitId":"%s","caseOfficerId":"%s","subject":"Ansökan om trygghetslarm"}
                """.formatted(birgitta, unit, officer)), DemoUsers.SYSTEM_SUPPORT);
        assertThat(opened.getStatus()).isEqualTo(201);
        String caseNumber = opened.getContentAsString().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
        try (var lvs = AsUser.login(users, DemoUsers.SYSTEM_SUPPORT)) {
            grant(caseNumber, colleague, TODAY, TODAY.plusDays(60));
            assertThat(administration.closedCasesWithAccess()).extracting(AuthorizationAdministration.ClosedWithAccess::caseNumber)
                    .doesNotContain(caseNumber);
        }
        assertThat(call(post("/api/v1/cases/" + caseNumber + "/closure"), colleague).getStatus()).as("not the responsible officer").isEqualTo(403);
        assertThat(call(post("/api/v1/cases/" + caseNumber + "/closure"), DemoUsers.AUTHORISED).getStatus()).isEqualTo(204);
        assertThat(call(get("/api/v1/cases/" + caseNumber), DemoUsers.UNAUTHORISED).getStatus()).as("PROT-11").isEqualTo(403);
        try (var lvs = AsUser.login(users, DemoUsers.SYSTEM_SUPPORT)) {
            var waiting = administration.closedCasesWithAccess().stream().filter(c -> c.caseNumber().equals(caseNumber)).findFirst();
            assertThat(waiting).isPresent();
            assertThat(waiting.get().authorizations()).isEqualTo(1);
            administration.forCase(caseNumber).forEach(a -> administration.revoke(caseNumber, a.id()));
            assertThat(administration.closedCasesWithAccess()).extracting(AuthorizationAdministration.ClosedWithAccess::caseNumber)
                    .doesNotContain(caseNumber);
        }
    }

    @Test
    @DisplayName("PROT-9: the grant page without an order shows who has access and the linked persons, and offers the case unit's staff but never a fee officer")
    void grantPageShowsTheChecksAndOffersNoFeeOfficer() throws Exception {
        String feeOfficer = "avgift-" + UUID.randomUUID().toString().substring(0, 8);
        UUID centrum = jdbc.sql("select id from unit where name = 'Myndighet Centrum'").query(UUID.class).single();
        jdbc.sql("""
                insert into app_user (id, username, full_name, email, password_hash, role, unit_id, grant_right, enabled)
                values (?, ?, 'Alva Avgift', 'alva@demo.omsorgsnav.invalid', ?, 'FEE_OFFICER', ?, false, true)
                """).params(UUID.randomUUID(), feeOfficer, passwords.encode(DemoUsers.PASSWORD), centrum).update();
        MockHttpServletResponse page = call(get("/cases/" + astridCase + "/authorizations/new"), DemoUsers.SYSTEM_SUPPORT);
        assertThat(page.getStatus()).isEqualTo(200);
        String body = page.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("Kontroller före beslut", "Har redan behörighet till ärendet", "Anna Lindqvist", "Ärenden i andra förvaltningar",
                "Kopplade personer som också låses", "1968XXXX-XXXX", "1940XXXX-XXXX");
        assertThat(body).contains("<datalist id=\"grantees\">", "value=\"" + colleague + "\"", "value=\"forste\"")
                .doesNotContain("value=\"" + feeOfficer + "\"").doesNotContain("value=\"avgift\"")
                .doesNotContain("Astrid").doesNotContain("19420310");
    }

    @Test
    @DisplayName("PROT-6: LVS grants on the page without an order: the authorisation names no order, the grant is audited, and the case's page lists it")
    void grantOnThePageWithoutAnOrder() throws Exception {
        long granted = allowed(DemoUsers.SYSTEM_SUPPORT, "AUTHORIZATION_GRANTED");
        MockHttpServletResponse done = call(post("/cases/" + astridCase + "/authorizations").with(csrf()).param("username", colleague)
                .param("validFrom", TODAY.toString()).param("validTo", TODAY.plusMonths(2).toString()), DemoUsers.SYSTEM_SUPPORT);
        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(done.getRedirectedUrl()).isEqualTo("/cases/" + astridCase + "/authorizations?beviljad");
        assertThat(jdbc.sql("select count(*) from case_authorization where user_id = ? and request_id is null and valid_to = ?")
                .params(userId(colleague), TODAY.plusMonths(2)).query(Long.class).single()).isEqualTo(1);
        assertThat(allowed(DemoUsers.SYSTEM_SUPPORT, "AUTHORIZATION_GRANTED")).isEqualTo(granted + 1);
        assertThat(lookupMasked(colleague)).isFalse();
        assertThat(call(get(done.getRedirectedUrl()), DemoUsers.SYSTEM_SUPPORT).getContentAsString(StandardCharsets.UTF_8))
                .contains("Behörigheten är beviljad", "Kim Kollega");
    }

    @Test
    @DisplayName("PROT-9: a fee officer typed on the grant page is refused with the reason, the checks stay on the page, and nothing is granted")
    void grantPageRefusesFeeOfficer() throws Exception {
        long feeOfficerGrants = jdbc.sql("select count(*) from case_authorization where user_id = ?").param(userId("avgift")).query(Long.class).single();
        MockHttpServletResponse refused = call(post("/cases/" + astridCase + "/authorizations").with(csrf()).param("username", "avgift")
                .param("validFrom", TODAY.toString()).param("validTo", TODAY.plusMonths(2).toString()), DemoUsers.SYSTEM_SUPPORT);
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("Behörigheten kunde inte ges",
                AuthorizationAdministration.FEE_OFFICER_REFUSED, "Kontroller före beslut");
        assertThat(jdbc.sql("select count(*) from case_authorization where user_id = ?").param(userId("avgift")).query(Long.class).single())
                .as("no new grant").isEqualTo(feeOfficerGrants);

        MockHttpServletResponse tooLong = call(post("/cases/" + astridCase + "/authorizations").with(csrf()).param("username", colleague)
                .param("validFrom", TODAY.toString()).param("validTo", TODAY.plusYears(1).toString()), DemoUsers.SYSTEM_SUPPORT);
        assertThat(tooLong.getStatus()).isEqualTo(400);
        assertThat(tooLong.getContentAsString(StandardCharsets.UTF_8)).contains("högst ett år");
        assertThat(jdbc.sql("select count(*) from case_authorization where user_id = ?").param(userId(colleague)).query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("PROT-6: only LVS reaches the grant page and finds a case by its number; a malformed number is answered in Swedish")
    void grantPageAndCaseFinderAreForLvs() throws Exception {
        for (String other : List.of(DemoUsers.UNIT_MANAGER, DemoUsers.AUTHORISED)) {
            MockHttpServletResponse page = call(get("/cases/" + astridCase + "/authorizations/new"), other);
            assertThat(page.getStatus()).as(other).isEqualTo(403);
            assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("Behörighet saknas");
            assertThat(call(get("/authorizations/case").param("caseNumber", astridCase), other).getStatus()).as(other).isEqualTo(403);
        }
        MockHttpServletResponse found = call(get("/authorizations/case").param("caseNumber", " " + astridCase.toLowerCase() + " "), DemoUsers.SYSTEM_SUPPORT);
        assertThat(found.getRedirectedUrl()).isEqualTo("/cases/" + astridCase + "/authorizations");
        MockHttpServletResponse malformed = call(get("/authorizations/case").param("caseNumber", "inte-ett-nummer"), DemoUsers.SYSTEM_SUPPORT);
        assertThat(malformed.getStatus()).isEqualTo(400);
        assertThat(malformed.getContentAsString(StandardCharsets.UTF_8)).contains("Felaktiga uppgifter").doesNotContain("inte-ett-nummer");
        String workList = call(get("/authorizations"), DemoUsers.SYSTEM_SUPPORT).getContentAsString(StandardCharsets.UTF_8);
        assertThat(workList).contains("Gå till ärende (ärendenummer)", "Aktualisering för skyddad person utan tidigare ärende");
    }

    @Test
    @DisplayName("PROT-6 (fault 14): LVS cannot grant itself an authorisation; a second LVS can, and the refusal is audited")
    void noGrantToOneself() throws Exception {
        String body = "{\"username\":\"" + DemoUsers.SYSTEM_SUPPORT + "\",\"validFrom\":\"" + TODAY + "\",\"validTo\":\"" + TODAY.plusDays(30) + "\"}";
        long before = jdbc.sql("select count(*) from audit_event where actor_username = ? and outcome = 'DENIED'")
                .param(DemoUsers.SYSTEM_SUPPORT).query(Long.class).single();
        MockHttpServletResponse self = call(post("/api/v1/cases/" + astridCase + "/authorizations").contentType(MediaType.APPLICATION_JSON)
                .content(body), DemoUsers.SYSTEM_SUPPORT);
        assertThat(self.getStatus()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from case_authorization where user_id = ?").param(userId(DemoUsers.SYSTEM_SUPPORT))
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where actor_username = ? and outcome = 'DENIED'")
                .param(DemoUsers.SYSTEM_SUPPORT).query(Long.class).single()).isEqualTo(before + 1);

        UUID unit = jdbc.sql("select id from unit where name = 'Lokalt verksamhetsstöd'").query(UUID.class).single();
        String second = "lvs-andra-" + UUID.randomUUID().toString().substring(0, 6);
        jdbc.sql("""
                insert into app_user (id, username, full_name, email, password_hash, role, unit_id, grant_right, enabled)
                values (?, ?, 'Sam Andra', 'sam@demo.omsorgsnav.invalid', ?, 'SYSTEM_SUPPORT', ?, true, true)
                """).params(UUID.randomUUID(), second, passwords.encode(DemoUsers.PASSWORD), unit).update();
        assertThat(call(post("/api/v1/cases/" + astridCase + "/authorizations").contentType(MediaType.APPLICATION_JSON).content(body), second)
                .getStatus()).isEqualTo(201);
        // Other tests expect LVS to hold no authorisation on Astrid's case.
        jdbc.sql("update case_authorization set revoked_at = current_timestamp where user_id = ? and revoked_at is null")
                .param(userId(DemoUsers.SYSTEM_SUPPORT)).update();
    }

    @Test
    @DisplayName("PROT-24, PROT-8: a unit manager orders only on the own unit's cases; another unit's case and a case that does not exist answer alike")
    void orderOnlyOnOwnUnit() throws Exception {
        String body = """
                {"kind":"ADD","caseNumber":"%s","username":"%s","validFrom":"%s","validTo":"%s"}
                """;
        MockHttpServletResponse other = call(post("/api/v1/authorization-requests").contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted(astridCase, colleague, TODAY, TODAY.plusDays(30))), "chef-solgarden");
        MockHttpServletResponse none = call(post("/api/v1/authorization-requests").contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted("AO-2019-99999", colleague, TODAY, TODAY.plusDays(30))), "chef-solgarden");
        assertThat(other.getStatus()).isEqualTo(403);
        assertThat(none.getStatus()).isEqualTo(other.getStatus());
        assertThat(none.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(other.getContentAsString(StandardCharsets.UTF_8));
        assertThat(call(post("/api/v1/authorization-requests").contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted(astridCase, colleague, TODAY, TODAY.plusDays(30))), DemoUsers.UNIT_MANAGER).getStatus()).isEqualTo(201);
    }

    private long allowed(String username, String purpose) {
        return jdbc.sql("select count(*) from audit_event where actor_username = ? and purpose = ? and outcome = 'ALLOWED'")
                .params(username, purpose).query(Long.class).single();
    }

    private UUID grant(String caseNumber, String username, LocalDate from, LocalDate to) {
        return administration.grant(new AuthorizationAdministration.Grant(caseNumber, username, from, to, null));
    }

    private boolean lookupMasked(String username) throws Exception {
        String body = call(post("/api/v1/persons/lookup").contentType(MediaType.APPLICATION_JSON)
                .content("{\"personalIdentityNumber\":\"" + DemoUsers.PROTECTED_PIN + "\"}"), username).getContentAsString(StandardCharsets.UTF_8);
        return body.contains("\"masked\":true");
    }

    private MockHttpServletResponse call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String username)
            throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
    }

    private static String id(MockHttpServletResponse response) throws Exception {
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private String openCaseOf(String pin) {
        return jdbc.sql("""
                select c.case_number from care_case c join person p on p.id = c.person_id
                where p.personal_identity_number = ? and c.status = 'OPEN'
                """).param(pin.replace("-", "")).query(String.class).single();
    }

    private UUID userId(String username) {
        return jdbc.sql("select id from app_user where username = ?").param(username).query(UUID.class).single();
    }

    private long denials(String username, String purpose) {
        return jdbc.sql("select count(*) from audit_event where actor_username = ? and purpose = ? and outcome = 'DENIED'")
                .params(username, purpose).query(Long.class).single();
    }
}
