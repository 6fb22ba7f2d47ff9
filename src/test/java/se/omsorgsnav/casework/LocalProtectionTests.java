package se.omsorgsnav.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import se.omsorgsnav.access.AccessDenied;
import se.omsorgsnav.person.PersonDisclosure;
import se.omsorgsnav.person.Purpose;
import se.omsorgsnav.shared.CaseNumber;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.PersonalIdentityNumber;
import se.omsorgsnav.support.AsUser;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;
import se.omsorgsnav.support.TestData;

/** PROT-2: lokalt skydd, decided by the unit manager, for at most three months. */
@OmsorgsnavTest
class LocalProtectionTests {

    static final LocalDate TODAY = TestClock.TODAY;

    @Autowired LocalProtectionDecisions decisions;
    @Autowired FollowUps followUps;
    @Autowired PersonDisclosure gate;
    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired UserDetailsService users;

    String pin;
    CaseNumber caseNumber;

    @BeforeEach
    void personWithACase() {
        TestData.Person person = data.person().named("Lova", "Lokalsson").create();
        pin = person.pin();
        caseNumber = new CaseNumber(data.caseFor(person).unit(TestData.CENTRUM).create().number());
    }

    @Test
    @DisplayName("PROT-2: the unit manager decides lokalt skydd with a reason; it is journalled, followed up before it ends, and locks the person at once")
    void decisionIsJournalledAndFollowedUp() {
        try (var manager = AsUser.login(users, DemoUsers.UNIT_MANAGER)) {
            decisions.decide(caseNumber, "Akut hot mot brukaren, ansökan hos Skatteverket pågår", TODAY.plusDays(60));
            assertThat(followUps.ofMyUnit()).extracting(FollowUps.FollowUpView::caseNumber).doesNotContain(caseNumber.value());
        }
        String journal = jdbc.sql("select j.text from case_journal_entry j join care_case c on c.id = j.case_id where c.case_number = ?")
                .param(caseNumber.value()).query(String.class).single();
        assertThat(journal).contains("lokalt skydd", TODAY.plusDays(60).toString(), "Akut hot");
        LocalDate due = jdbc.sql("select f.due_on from follow_up f join care_case c on c.id = f.case_id where c.case_number = ?")
                .param(caseNumber.value()).query(LocalDate.class).single();
        assertThat(due).isEqualTo(TODAY.plusDays(60 - 14));
        try (var other = AsUser.login(users, DemoUsers.UNAUTHORISED)) {
            assertThat(gate.lookup(PersonalIdentityNumber.fromCanonical(pin), Purpose.API_LOOKUP).masked()).isTrue();
        }
    }

    @Test
    @DisplayName("PROT-2: the reason is mandatory and the period is at most three months, to the day")
    void reasonAndPeriod() {
        try (var manager = AsUser.login(users, DemoUsers.UNIT_MANAGER)) {
            assertThatThrownBy(() -> decisions.decide(caseNumber, " ", TODAY.plusDays(10))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("Orsak");
            assertThatThrownBy(() -> decisions.decide(caseNumber, "Hot", TODAY.plusMonths(3))).hasMessageContaining("tre månader");
            assertThatThrownBy(() -> decisions.decide(caseNumber, "Hot", TODAY)).hasMessageContaining("efter i dag");
            decisions.decide(caseNumber, "Hot", TODAY.plusMonths(3).minusDays(1));
        }
    }

    @Test
    @DisplayName("PROT-2: only a unit manager of the case's own unit may decide, and a refusal is audited")
    void onlyTheUnitManager() {
        for (String username : new String[] {DemoUsers.AUTHORISED, DemoUsers.SYSTEM_SUPPORT, "verksamhetsledare"}) {
            try (var login = AsUser.login(users, username)) {
                assertThatThrownBy(() -> decisions.decide(caseNumber, "Hot", TODAY.plusDays(30))).isInstanceOf(AccessDenied.class);
            }
        }
        assertThat(jdbc.sql("select count(*) from audit_event where purpose = 'LOCAL_PROTECTION' and outcome = 'DENIED' and actor_username = ?")
                .param(DemoUsers.AUTHORISED).query(Long.class).single()).isPositive();
    }

    @Test
    @DisplayName("PROT-2: lokalt skydd ends by itself after its last day")
    void endsByItself() {
        jdbc.sql("update person set protection_level = 'LOCAL_PROTECTION', local_protection_until = ? where personal_identity_number = ?")
                .params(TODAY.minusDays(1), pin).update();
        try (var other = AsUser.login(users, DemoUsers.UNAUTHORISED)) {
            assertThat(gate.lookup(PersonalIdentityNumber.fromCanonical(pin), Purpose.API_LOOKUP).masked()).isFalse();
        }
        jdbc.sql("update person set local_protection_until = ? where personal_identity_number = ?").params(TODAY, pin).update();
        try (var other = AsUser.login(users, DemoUsers.UNAUTHORISED)) {
            assertThat(gate.lookup(PersonalIdentityNumber.fromCanonical(pin), Purpose.API_LOOKUP).masked()).as("on its last day").isTrue();
        }
    }

    @Test
    @DisplayName("PROT-2, PROT-24: a person already protected by Skatteverket gets no lokalt skydd on top; only a manager authorised for her is told so")
    void notOnTopOfSkatteverket() {
        jdbc.sql("update person set protection_level = 'CONFIDENTIALITY_MARKING' where personal_identity_number = ?").param(pin).update();
        try (var manager = AsUser.login(users, DemoUsers.UNIT_MANAGER)) {
            // Without an authorisation the answer must not tell that she is protected: as for a case that does not exist.
            assertThatThrownBy(() -> decisions.decide(caseNumber, "Hot", TODAY.plusDays(30))).isInstanceOf(AccessDenied.class);
        }
        jdbc.sql("""
                insert into case_authorization (id, user_id, case_id, person_id, valid_from, valid_to, granted_by, granted_at)
                select ?, (select id from app_user where username = ?), c.id, c.person_id, ?, ?, (select id from app_user where username = 'lvs'), current_timestamp
                from care_case c where c.case_number = ?
                """).params(UUID.randomUUID(), DemoUsers.UNIT_MANAGER, TODAY.minusDays(1), TODAY.plusDays(30), caseNumber.value()).update();
        try (var manager = AsUser.login(users, DemoUsers.UNIT_MANAGER)) {
            assertThatThrownBy(() -> decisions.decide(caseNumber, "Hot", TODAY.plusDays(30))).hasMessageContaining("Skatteverket");
        }
    }
}
