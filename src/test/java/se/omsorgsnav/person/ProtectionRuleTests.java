package se.omsorgsnav.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import se.omsorgsnav.access.AccessDenied;
import se.omsorgsnav.support.AsUser;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;
import se.omsorgsnav.support.TestData;

/** The gate's protection rules decided at read time (PROT-11, PROT-24, PROT-25), on persons of their own. */
@OmsorgsnavTest
class ProtectionRuleTests {

    @Autowired PersonDisclosure gate;
    @Autowired PersonSearch search;
    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired UserDetailsService users;

    @Test
    @DisplayName("PROT-25: two linked protected persons do not unlock each other; a relative without protection of her own still opens through the protected person's case")
    void linkedProtectedPersonsDoNotUnlockEachOther() {
        UUID ada = person("Ada", "Tvaskyddsson", "PROTECTED_REGISTRATION", null);
        UUID bea = person("Bea", "Tvaskyddsson", "CONFIDENTIALITY_MARKING", null);
        UUID cid = person("Cid", "Tvaskyddsson", "NONE", null);
        link(ada, bea);
        link(ada, cid);
        authorise(DemoUsers.AUTHORISED, caseOf(ada), ada);
        try (var login = AsUser.login(users, DemoUsers.AUTHORISED)) {
            PersonView opened = gate.open(ada, Purpose.PERSON_PAGE);
            assertThat(opened.firstName()).isEqualTo("Ada");
            assertThat(opened.relations()).filteredOn(r -> r.person().id().equals(bea)).singleElement()
                    .satisfies(r -> assertThat(r.person().masked()).as("Bea, protected herself, through Ada's case").isTrue());
            assertThat(opened.relations()).filteredOn(r -> r.person().id().equals(cid)).singleElement()
                    .satisfies(r -> assertThat(r.person().firstName()).isEqualTo("Cid"));
            assertThatThrownBy(() -> gate.open(bea, Purpose.PERSON_PAGE)).isInstanceOf(AccessDenied.class);
            assertThat(gate.open(cid, Purpose.PERSON_PAGE).firstName()).isEqualTo("Cid");
            assertThat(search.search("Tvaskyddsson")).extracting(PersonView::firstName).containsExactlyInAnyOrder("Ada", "Cid");
        }
        assertThat(jdbc.sql("select count(*) from audit_event where actor_username = ? and person_id = ? and outcome = 'DENIED'")
                .params(DemoUsers.AUTHORISED, bea).query(Long.class).single()).isPositive();
    }

    @Test
    @DisplayName("PROT-11: death ends protection — a protected person whose date of death is today or earlier is no longer locked, nor the relative she alone locked")
    void deathEndsProtection() {
        UUID dora = person("Dora", "Dodsskyddsson", "PROTECTED_REGISTRATION", TestClock.TODAY.minusDays(1));
        UUID rolf = person("Rolf", "Dodsskyddsson", "NONE", null);
        link(dora, rolf);
        UUID edit = person("Edit", "Dodsskyddsson", "LOCAL_PROTECTION", TestClock.TODAY);
        jdbc.sql("update person set local_protection_until = ? where id = ?").params(TestClock.TODAY.plusDays(30), edit).update();
        UUID frida = person("Frida", "Dodsskyddsson", "PROTECTED_REGISTRATION", TestClock.TODAY.plusDays(1));
        try (var login = AsUser.login(users, DemoUsers.UNAUTHORISED)) {
            assertThat(gate.open(dora, Purpose.PERSON_PAGE).firstName()).isEqualTo("Dora");
            assertThat(gate.open(rolf, Purpose.PERSON_PAGE).firstName()).isEqualTo("Rolf");
            assertThat(gate.open(edit, Purpose.PERSON_PAGE).firstName()).as("died today").isEqualTo("Edit");
            assertThatThrownBy(() -> gate.open(frida, Purpose.PERSON_PAGE)).as("a date of death not yet reached").isInstanceOf(AccessDenied.class);
        }
    }

    @Test
    @DisplayName("PROT-24: a name search applies its limit to the persons the user may see, so locked persons before them neither hide them nor show in the count")
    void nameSearchLimitsThePermittedRows() {
        for (int i = 0; i < PersonSearch.MAX_RESULTS; i++) {
            person("Anna%02d".formatted(i), "Aaskyddsberg", "PROTECTED_REGISTRATION", null);
        }
        for (String first : new String[] {"Zeb", "Zed", "Zoe"}) {
            person(first, "Aaskyddsberg", "NONE", null);
        }
        try (var login = AsUser.login(users, DemoUsers.UNAUTHORISED)) {
            assertThat(search.search("Aaskyddsberg")).extracting(PersonView::firstName).containsExactly("Zeb", "Zed", "Zoe");
        }
    }

    private UUID person(String first, String last, String level, LocalDate death) {
        return data.person().named(first, last).protectedBy(level).died(death).create().id();
    }

    private void link(UUID a, UUID b) {
        data.link(a, b, "RELATIVE");
    }

    private TestData.Case caseOf(UUID person) {
        return data.caseFor(person).unit(TestData.CENTRUM).create();
    }

    private void authorise(String username, TestData.Case c, UUID personId) {
        data.authorise(username, c);
    }
}
