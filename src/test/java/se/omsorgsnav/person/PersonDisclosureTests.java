package se.omsorgsnav.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import se.omsorgsnav.access.AccessDenied;
import se.omsorgsnav.access.StepUp;
import se.omsorgsnav.casework.Cases;
import se.omsorgsnav.shared.CaseNumber;
import se.omsorgsnav.shared.PersonalIdentityNumber;
import se.omsorgsnav.support.AsUser;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;

/** The disclosure gate's rules on the demo persons, through the modules' public API. */
@OmsorgsnavTest
class PersonDisclosureTests {

    @Autowired PersonDisclosure gate;
    @Autowired PersonSearch search;
    @Autowired Cases cases;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired MockMvc mvc;
    @Autowired se.omsorgsnav.support.TestServingUnits servingUnits;

    @Test
    @DisplayName("PROT-1: a person carries exactly one of four protection levels, and nothing about fingerade personuppgifter can be stored")
    void protectionLevels() {
        assertThat(ProtectionLevel.values()).extracting(ProtectionLevel::label)
                .containsExactly("Ingen", "Sekretessmarkering", "Skyddad folkbokföring", "Lokalt skydd");
        List<String> columns = jdbc.sql("select lower(column_name) from information_schema.columns where lower(table_name) = 'person'")
                .query(String.class).list();
        assertThat(columns).contains("protection_level")
                .noneMatch(c -> c.contains("fing") || c.contains("fictitious_identity") || c.contains("police"));
        assertThat(NewPerson.class.getRecordComponents()).extracting(c -> c.getName())
                .noneMatch(n -> n.toLowerCase().contains("fing"));
    }

    @Test
    @DisplayName("PROT-3, PROT-13: without authorisation a protected person shows only the birth year; the agreed alias only to staff of the unit that performs her services")
    void maskedViewShowsBirthYearAndAliasOnlyToThePerformer() {
        UUID astrid = jdbc.sql("select id from person where personal_identity_number = ?").param(DemoUsers.PROTECTED_PIN.replace("-", ""))
                .query(UUID.class).single();
        try (var login = AsUser.login(users, DemoUsers.UNAUTHORISED)) {
            PersonView view = gate.lookup(pin(DemoUsers.PROTECTED_PIN), Purpose.API_LOOKUP);
            assertThat(view.masked()).isTrue();
            assertThat(view.personalIdentityNumber()).isEqualTo("1942XXXX-XXXX");
            assertThat(view.fictitiousName()).as("personnummer → alias → door must not be possible").isNull();
            assertThat(view.displayName()).isEqualTo("Skyddad person");
            assertThat(view).extracting(PersonView::firstName, PersonView::lastName, PersonView::streetAddress,
                    PersonView::postalCode, PersonView::city, PersonView::phone, PersonView::protectionLevel).containsOnlyNulls();
            assertThat(view.relations()).isEmpty();
        }
        UUID homeCare = jdbc.sql("select id from unit where name = 'Hemtjänst Centrum'").query(UUID.class).single();
        try {
            servingUnits.serve(astrid, homeCare);
            try (var login = AsUser.login(users, "planerare")) {
                PersonView view = gate.lookup(pin(DemoUsers.PROTECTED_PIN), Purpose.API_LOOKUP);
                assertThat(view.masked()).isTrue();
                assertThat(view.fictitiousName()).isEqualTo(DemoUsers.PROTECTED_ALIAS);
                assertThat(view.displayName()).isEqualTo(DemoUsers.PROTECTED_ALIAS);
            }
            try (var login = AsUser.login(users, DemoUsers.UNAUTHORISED)) {
                assertThat(gate.lookup(pin(DemoUsers.PROTECTED_PIN), Purpose.API_LOOKUP).fictitiousName()).as("another unit").isNull();
            }
        } finally {
            servingUnits.clear();
        }
    }

    @Test
    @DisplayName("PROT-5: a relative of a protected person is locked too, and unlocks with an authorisation for the protected person's case")
    void linkedRelativeIsLocked() {
        try (var login = AsUser.login(users, DemoUsers.UNAUTHORISED)) {
            PersonView olle = gate.lookup(pin(DemoUsers.LINKED_PIN), Purpose.API_LOOKUP);
            assertThat(olle.masked()).isTrue();
            assertThat(olle.firstName()).isNull();
            assertThatThrownBy(() -> gate.open(olle.id(), Purpose.PERSON_PAGE)).isInstanceOf(AccessDenied.class);
        }
        try (var login = AsUser.login(users, DemoUsers.AUTHORISED)) {
            PersonView olle = gate.lookup(pin(DemoUsers.LINKED_PIN), Purpose.API_LOOKUP);
            assertThat(olle.masked()).isFalse();
            assertThat(olle.firstName()).isEqualTo("Olle");
            assertThat(olle.locked()).isTrue();
        }
    }

    @Test
    @DisplayName("PROT-3: a search by name never reveals that a locked person carries the name")
    void nameSearchHidesLockedPersons() {
        try (var login = AsUser.login(users, DemoUsers.UNAUTHORISED)) {
            assertThat(search.search("Astrid Karlsson")).isEmpty();
            assertThat(search.search("Karlsson")).isEmpty();
            assertThat(search.search("Greta")).extracting(PersonView::firstName).containsExactly("Greta");
        }
        try (var login = AsUser.login(users, DemoUsers.AUTHORISED)) {
            assertThat(search.search("Karlsson")).extracting(PersonView::firstName).containsExactlyInAnyOrder("Astrid", "Olle", "Sven");
        }
    }

    @Test
    @DisplayName("PROT-11: a closed case of a protected person stays protected")
    void closedCaseStaysProtected() {
        String closed = jdbc.sql("""
                select c.case_number from care_case c join person p on p.id = c.person_id
                where p.personal_identity_number = ? and c.status = 'CLOSED'
                """).param(DemoUsers.PROTECTED_PIN.replace("-", "")).query(String.class).single();
        try (var login = AsUser.login(users, DemoUsers.UNAUTHORISED)) {
            assertThatThrownBy(() -> cases.open(CaseNumber.parse(closed))).isInstanceOf(AccessDenied.class);
        }
        try (var login = AsUser.login(users, DemoUsers.AUTHORISED)) {
            // PROT-26: her authorisation names the open case; of the closed one, number, unit and status only.
            var view = cases.open(CaseNumber.parse(closed));
            assertThat(view.limited()).isTrue();
            assertThat(view.status()).isEqualTo(se.omsorgsnav.casework.CaseStatus.CLOSED);
            assertThat(view).extracting(v -> v.subject(), v -> v.caseOfficerName(), v -> v.person()).containsOnlyNulls();
        }
    }

    @Test
    @DisplayName("PROT-9: a fee officer never sees a protected person, even with an authorisation on record")
    void feeOfficerNeverAuthorised() {
        UUID feeOfficer = jdbc.sql("select id from app_user where username = 'avgift'").query(UUID.class).single();
        UUID lvs = jdbc.sql("select id from app_user where username = 'lvs'").query(UUID.class).single();
        var astridCase = jdbc.sql("""
                select c.id, c.person_id from care_case c join person p on p.id = c.person_id
                where p.personal_identity_number = ? and c.status = 'OPEN'
                """).param(DemoUsers.PROTECTED_PIN.replace("-", "")).query().singleRow();
        jdbc.sql("""
                insert into case_authorization (id, user_id, case_id, person_id, valid_from, valid_to, granted_by, granted_at)
                values (?, ?, ?, ?, ?, ?, ?, current_timestamp)
                """).params(UUID.randomUUID(), feeOfficer, astridCase.get("id"), astridCase.get("person_id"),
                TestClock.TODAY.minusDays(1), TestClock.TODAY.plusDays(30), lvs).update();
        try (var login = AsUser.login(users, "avgift")) {
            assertThat(gate.lookup(pin(DemoUsers.PROTECTED_PIN), Purpose.API_LOOKUP).masked()).isTrue();
        }
    }

    @Test
    @DisplayName("PROT-21: the protection banner shows on the person and case pages of an authorised user, and not for an unprotected person")
    void protectionBannerIsVisible() throws Exception {
        UUID astrid = jdbc.sql("select id from person where personal_identity_number = ?").param(DemoUsers.PROTECTED_PIN.replace("-", ""))
                .query(UUID.class).single();
        UUID greta = jdbc.sql("select id from person where personal_identity_number = ?").param(DemoUsers.ORDINARY_PIN.replace("-", ""))
                .query(UUID.class).single();
        var authorised = user(users.loadUserByUsername(DemoUsers.AUTHORISED));
        String protectedPage = mvc.perform(get("/persons/" + astrid).with(authorised).sessionAttr(StepUp.SESSION_ATTRIBUTE, TestClock.NOW)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(protectedPage).contains("banner-protected").contains("Skyddad folkbokföring").contains(DemoUsers.PROTECTED_ALIAS);
        String caseNumber = jdbc.sql("select case_number from care_case where person_id = ? and status = 'OPEN'").param(astrid).query(String.class).single();
        String casePage = mvc.perform(get("/cases/" + caseNumber).with(authorised).sessionAttr(StepUp.SESSION_ATTRIBUTE, TestClock.NOW)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(casePage).contains("banner-protected");
        String ordinaryPage = mvc.perform(get("/persons/" + greta).with(authorised)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ordinaryPage).doesNotContain("banner-protected");
    }

    private static PersonalIdentityNumber pin(String value) {
        return PersonalIdentityNumber.parse(value, TestClock.TODAY);
    }
}
