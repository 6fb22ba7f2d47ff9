package se.omsorgsnav.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;

/**
 * The staff register's and the authorisations' queries on the demo data, and the login throttle's
 * counts in the database: what each answers, whom it leaves out. Every count this writes is under
 * its own client address and user names, removed afterwards.
 */
@OmsorgsnavTest
class StaffRegisterQueryTests {

    private static final String ADDRESS = "203.0.113.77";

    @Autowired StaffDirectory staff;
    @Autowired CaseAuthorizations authorizations;
    @Autowired StaffUserDetailsService register;
    @Autowired LoginThrottle throttle;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired PlatformTransactionManager transactions;

    @BeforeEach
    void fromOneAddress() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(ADDRESS);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @AfterEach
    void forget() {
        RequestContextHolder.resetRequestAttributes();
        clock.reset();
        jdbc.sql("delete from login_throttle where throttle_key like ? or throttle_key like ?").params("%" + ADDRESS, "%throttle-test%").update();
    }

    private UUID user(String username) {
        return jdbc.sql("select id from app_user where username = ?").param(username).query(UUID.class).single();
    }

    private UUID unit(String name) {
        return jdbc.sql("select id from unit where name = ?").param(name).query(UUID.class).single();
    }

    private UUID caseOf(String subject, String officer) {
        // The demo's case: other tests open cases with the same subject today; the demo's are older.
        return jdbc.sql("""
                select c.id from care_case c join app_user u on u.id = c.case_officer_id
                where c.subject = ? and u.username = ? order by c.opened_on, c.case_number limit 1
                """).params(subject, officer).query(UUID.class).single();
    }

    private UUID personOf(UUID caseId) {
        return jdbc.sql("select person_id from care_case where id = ?").param(caseId).query(UUID.class).single();
    }

    private CurrentUser current(String username) {
        return register.find(username).orElseThrow().user();
    }

    @Test
    @DisplayName("a member of staff by id, by ids, by enabled user name; units by id; unknown ones are left out")
    void staffAndUnitsByIdAndName() {
        UUID anna = user("handlaggare");
        UUID centrum = unit("Myndighet Centrum");
        assertThat(staff.find(anna)).contains(new StaffDirectory.StaffView(anna, "handlaggare", "Anna Lindqvist", Role.CASE_OFFICER, centrum,
                "Myndighet Centrum"));
        assertThat(staff.find(UUID.randomUUID())).isEmpty();
        UUID erik = user("handlaggare2");
        assertThat(staff.findAll(List.of(anna, erik, UUID.randomUUID()))).containsOnlyKeys(anna, erik);
        assertThat(staff.findAll(List.of())).isEmpty();
        assertThat(staff.unitsById(List.of(centrum))).containsOnlyKeys(centrum)
                .hasEntrySatisfying(centrum, u -> assertThat(u.administration()).isEqualTo("Äldre samt vård- och omsorgsförvaltningen"));
        assertThat(staff.unitsById(List.of())).isEmpty();
        assertThat(staff.findEnabled(" handlaggare ")).map(StaffDirectory.StaffView::id).contains(anna);
        assertThat(staff.findEnabled(null)).isEmpty();
        assertThat(staff.findEnabled("ingen-sadan")).isEmpty();
    }

    @Test
    @DisplayName("case officers to choose from, in name order; those of one unit; the grantable of a unit are all but fee officers")
    void choosableStaff() {
        assertThat(staff.caseOfficers()).extracting(StaffDirectory.StaffView::username)
                .contains("handlaggare", "handlaggare2", "forste").doesNotContain("enhetschef", "lvs");
        // Other tests add staff to Myndighet Centrum on the same database: the demo's two, in
        // name order, and none of another unit.
        assertThat(staff.caseOfficersOf(unit("Myndighet Centrum"))).extracting(StaffDirectory.StaffView::fullName)
                .containsSubsequence("Anna Lindqvist", "Maria Holm").doesNotContain("Erik Nyström");
        assertThat(staff.grantableIn(unit("Myndighet Centrum"))).extracting(StaffDirectory.StaffView::username)
                .contains("handlaggare", "forste", "enhetschef", "sas");
        assertThat(staff.grantableIn(unit("Avgiftshandläggning"))).isEmpty();
    }

    @Test
    @DisplayName("the units of the organisation in name order; case units are the authority's; nursing homes are nursing homes")
    void unitsByKind() {
        assertThat(staff.units()).extracting(StaffDirectory.UnitView::name)
                .contains("Myndighet Centrum", "Hemtjänst Centrum", "Trygghetsjouren");
        assertThat(staff.caseUnits()).extracting(StaffDirectory.UnitView::name)
                .contains("Myndighet Centrum", "Myndighet Norr", "Funktionsstöd Myndighet").doesNotContain("Hemtjänst Centrum");
        assertThat(staff.caseUnit(unit("Myndighet Norr"))).map(StaffDirectory.UnitView::name).contains("Myndighet Norr");
        assertThat(staff.caseUnit(unit("Hemtjänst Centrum"))).isEmpty();
        UUID solgarden = unit("Solgårdens vård- och omsorgsboende");
        assertThat(staff.isNursingHome(solgarden)).isTrue();
        assertThat(staff.isNursingHome(unit("Myndighet Centrum"))).isFalse();
        assertThat(staff.isNursingHome(null)).isFalse();
        assertThat(staff.nursingHomes()).extracting(StaffDirectory.UnitView::id).contains(solgarden);
    }

    @Test
    @DisplayName("enabled users by name and id, and their e-mail addresses in order; none asked, none answered")
    void enabledUsers() {
        UUID anna = user("handlaggare");
        UUID erik = user("handlaggare2");
        assertThat(staff.enabledByUsername(List.of("handlaggare", "handlaggare2", "ingen"))).containsOnlyKeys("handlaggare", "handlaggare2")
                .containsEntry("handlaggare", anna);
        assertThat(staff.enabledByUsername(List.of())).isEmpty();
        assertThat(staff.enabledAmong(List.of(anna, erik, UUID.randomUUID()))).containsExactlyInAnyOrder(anna, erik);
        assertThat(staff.enabledAmong(List.of())).isEmpty();
        assertThat(staff.emailAddressesOf(List.of())).isEmpty();
        assertThat(staff.emailAddressesOf(List.of(anna, erik))).isSorted();
    }

    @Test
    @DisplayName("the e-mail addresses of enabled users, in order; a disabled user's and an unknown id are left out")
    void emailAddressesOfEnabledUsers() {
        UUID anna = user("handlaggare");
        UUID erik = user("handlaggare2");
        UUID maria = user("forste");
        java.util.Map<UUID, String> before = new java.util.HashMap<>();
        for (UUID id : List.of(anna, erik, maria)) {
            before.put(id, jdbc.sql("select email from app_user where id = ?").param(id).query(String.class).single());
        }
        try {
            jdbc.sql("update app_user set email = ? where id = ?").params("erik.nystrom@kommun.example", erik).update();
            jdbc.sql("update app_user set email = ? where id = ?").params("anna.lindqvist@kommun.example", anna).update();
            jdbc.sql("update app_user set email = ?, enabled = false where id = ?").params("maria.holm@kommun.example", maria).update();
            assertThat(staff.emailAddressesOf(List.of(erik, anna, maria, UUID.randomUUID())))
                    .containsExactly("anna.lindqvist@kommun.example", "erik.nystrom@kommun.example");
        } finally {
            before.forEach((id, email) -> jdbc.sql("update app_user set email = ?, enabled = true where id = ?").params(email, id).update());
        }
    }

    @Test
    @DisplayName("the offer maker's check: an enabled user, or one of the role in the unit, with a valid grant for the case; never a fee officer")
    void authorisedForTheCase() {
        UUID astridsCase = caseOf("Ansökan om vård- och omsorgsboende", "handlaggare");
        UUID centrum = unit("Myndighet Centrum");
        assertThat(staff.authorisedFor(astridsCase, user("handlaggare"), null, null, TestClock.TODAY)).isTrue();
        assertThat(staff.authorisedFor(astridsCase, user("handlaggare2"), null, null, TestClock.TODAY)).isFalse();
        assertThat(staff.authorisedFor(astridsCase, UUID.randomUUID(), centrum, Role.UNIT_MANAGER, TestClock.TODAY)).isTrue();
        assertThat(staff.authorisedFor(astridsCase, UUID.randomUUID(), centrum, Role.PLACEMENT_COORDINATOR, TestClock.TODAY)).isFalse();
        assertThat(staff.authorisedFor(astridsCase, user("planerare"), null, null, TestClock.TODAY)).as("not valid yet").isFalse();
        assertThat(staff.authorisedFor(astridsCase, user("handlaggare"), null, null, TestClock.TODAY.plusYears(2))).as("expired").isFalse();
    }

    @Test
    @DisplayName("valid authorisations count, expired, future and revoked ones do not; a fee officer holds none")
    void validAuthorisations() {
        UUID astridsCase = caseOf("Ansökan om vård- och omsorgsboende", "handlaggare");
        UUID astrid = personOf(astridsCase);
        UUID haraldsCase = caseOf("Ansökan om trygghetslarm", "forste");
        UUID harald = personOf(haraldsCase);
        UUID gretasCase = caseOf("Ansökan om hemtjänst", "handlaggare");
        CurrentUser anna = current("handlaggare");
        assertThat(authorizations.authorisedPersons(anna, List.of(astrid, harald, personOf(gretasCase)))).containsExactly(astrid);
        assertThat(authorizations.authorisedPersons(anna, List.of())).isEmpty();
        assertThat(authorizations.authorisedCasesAmong(anna, List.of(astridsCase, haraldsCase))).containsExactly(astridsCase);
        assertThat(authorizations.authorisedCasesAmong(anna, List.of())).isEmpty();
        assertThat(authorizations.authorisedCases(anna)).contains(astridsCase).doesNotContain(haraldsCase);
        assertThat(authorizations.authorisedPersons(current("planerare"), List.of(astrid))).as("from day ten").isEmpty();
        assertThat(authorizations.authorisedPersons(current("larm"), List.of(harald))).as("revoked").isEmpty();
        assertThat(authorizations.authorisedCasesAmong(current("forste"), List.of(haraldsCase))).containsExactly(haraldsCase);
        CurrentUser feeOfficer = current("avgift");
        jdbc.sql("""
                insert into case_authorization (id, user_id, case_id, person_id, valid_from, valid_to, granted_by, granted_at)
                values (?, ?, ?, ?, ?, ?, ?, current_timestamp)
                """).params(UUID.randomUUID(), feeOfficer.id(), haraldsCase, harald, TestClock.TODAY.minusDays(1), TestClock.TODAY.plusDays(5),
                user("lvs")).update();
        assertThat(authorizations.authorisedPersons(feeOfficer, List.of(harald))).isEmpty();
        assertThat(authorizations.authorisedCasesAmong(feeOfficer, List.of(haraldsCase))).isEmpty();
        assertThat(authorizations.authorisedCases(feeOfficer)).isEmpty();
    }

    @Test
    @DisplayName("everyone who has held an authorisation on a person's cases, expired and revoked ones too")
    void holdersOfAllTime() {
        UUID haraldsCase = caseOf("Ansökan om trygghetslarm", "forste");
        UUID harald = personOf(haraldsCase);
        assertThat(authorizations.holdersOf(List.of(harald))).extracting(CaseAuthorizations.Holder::userId)
                .contains(user("handlaggare"), user("forste"), user("enhetschef"), user("larm"));
        assertThat(authorizations.holdersOf(List.of(harald))).extracting(CaseAuthorizations.Holder::personId).containsOnly(harald);
        assertThat(authorizations.holdersOf(List.of())).isEmpty();
    }

    @Test
    @DisplayName("a member of staff as login knows them: role, unit, grant right, enabled; nobody by an unknown name")
    void staffForLogin() {
        StaffPrincipal lvs = register.find("lvs").orElseThrow();
        assertThat(lvs.user().grantRight()).isTrue();
        assertThat(lvs.user().role()).isEqualTo(Role.SYSTEM_SUPPORT);
        assertThat(lvs.user().unitName()).isEqualTo("Lokalt verksamhetsstöd");
        assertThat(lvs.isEnabled()).isTrue();
        assertThat(lvs.getPassword()).isNotBlank();
        StaffPrincipal anna = register.find("handlaggare").orElseThrow();
        assertThat(anna.user().grantRight()).isFalse();
        assertThat(anna.user().fullName()).isEqualTo("Anna Lindqvist");
        assertThat(anna.user().administration()).isEqualTo("Äldre samt vård- och omsorgsförvaltningen");
        assertThat(register.find("ingen-sadan")).isEmpty();
    }

    @Test
    @DisplayName("five wrong passwords lock the user name out, right or wrong; a success before that starts the count over")
    void passwordFailuresLockTheUser() {
        String name = "throttle-test-a";
        for (int i = 0; i < 4; i++) {
            throttle.failed(name);
        }
        throttle.check(name);
        throttle.on(new AuthenticationSuccessEvent(new TestingAuthenticationToken(" Throttle-Test-A ", "x")));
        throttle.failed(name);
        throttle.check(name);
        for (int i = 0; i < 4; i++) {
            throttle.failed(name);
        }
        assertThatThrownBy(() -> throttle.check(name)).isInstanceOf(LockedException.class);
        assertThatThrownBy(() -> throttle.check(" THROTTLE-TEST-A")).as("the same user name").isInstanceOf(LockedException.class);
        throttle.check("throttle-test-b");
    }

    @Test
    @DisplayName("a lockout ends by itself: a failure older than the lockout starts the count over")
    void lockoutEndsByItself() {
        String name = "throttle-test-c";
        for (int i = 0; i < 5; i++) {
            throttle.failed(name);
        }
        assertThatThrownBy(() -> throttle.check(name)).isInstanceOf(LockedException.class);
        clock.travelTo(TestClock.TODAY.plusDays(1));
        throttle.check(name);
        throttle.failed(name);
        throttle.check(name);
        Integer failures = jdbc.sql("select failures from login_throttle where throttle_key = ?").param("password:user:" + name)
                .query(Integer.class).single();
        assertThat(failures).isEqualTo(1);
    }

    @Test
    @DisplayName("many wrong passwords from one address lock every user name from it")
    void sprayingFromOneAddressIsLocked() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("throttle-test-spray-" + i);
        }
        assertThatThrownBy(() -> throttle.check("throttle-test-never-tried")).isInstanceOf(LockedException.class);
        RequestContextHolder.resetRequestAttributes();
        MockHttpServletRequest elsewhere = new MockHttpServletRequest();
        elsewhere.setRemoteAddr("203.0.113.78");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(elsewhere));
        throttle.check("throttle-test-never-tried");
    }

    @Test
    @DisplayName("PIN attempts are counted before they are compared: five may be made, the sixth not; the right PIN starts over")
    void pinAttemptsCountedFirst() {
        UUID someone = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.pinAttempt(someone)).as("attempt " + (i + 1)).isTrue();
        }
        assertThat(throttle.pinAttempt(someone)).isFalse();
        throttle.pinConfirmed(someone);
        assertThat(throttle.pinAttempt(someone)).isTrue();
        assertThat(throttle.pinAttempt(UUID.randomUUID())).isTrue();
        jdbc.sql("delete from login_throttle where throttle_key = ?").param("pin:user:" + someone).update();
    }

    @Test
    @DisplayName("wrong PINs from one address past its limit refuse every PIN attempt from it")
    void wrongPinsFromOneAddress() {
        UUID someone = UUID.randomUUID();
        for (int i = 0; i < 29; i++) {
            throttle.pinFailed();
        }
        assertThat(throttle.pinAttempt(someone)).isTrue();
        throttle.pinFailed();
        assertThat(throttle.pinAttempt(UUID.randomUUID())).isFalse();
        jdbc.sql("delete from login_throttle where throttle_key = ?").param("pin:user:" + someone).update();
    }

    @Test
    @DisplayName("a wrong password stays counted when the request it came in rolls back")
    void failureOutlivesTheRequestsRollback() {
        String name = "throttle-test-rollback";
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            throttle.failed(name);
            throw new IllegalStateException("the request fails after the wrong password");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.sql("select failures from login_throttle where throttle_key = ?").param("password:user:" + name)
                .query(Integer.class).optional()).contains(1);
    }

    @Test
    @DisplayName("a very long client address is counted under its first hundred characters")
    void longAddressesAreCut() {
        String address = "throttle-test-" + "a".repeat(150);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        throttle.failed("throttle-test-long-address");
        assertThat(jdbc.sql("select throttle_key from login_throttle where throttle_key like 'password:address:throttle-test-%'")
                .query(String.class).single()).isEqualTo("password:address:" + address.substring(0, 100));
    }

    @Test
    @DisplayName("a very long user name is counted under its first two hundred characters")
    void longUserNamesAreCut() {
        String name = "throttle-test-" + "x".repeat(300);
        throttle.failed(name);
        assertThat(jdbc.sql("select throttle_key from login_throttle where throttle_key like 'password:user:throttle-test-%'").query(String.class)
                .single()).hasSize("password:user:".length() + 200);
    }
}
