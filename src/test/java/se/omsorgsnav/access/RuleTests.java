package se.omsorgsnav.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rule vocabulary decided on facts alone (no database): what each term and combination says. */
class RuleTests {

    private static final UUID UNIT = UUID.randomUUID();
    private static final UUID OTHER_UNIT = UUID.randomUUID();
    private static final UUID CASE = UUID.randomUUID();
    private static final UUID PERSON = UUID.randomUUID();

    private final CaseAuthorizations authorizations = mock(CaseAuthorizations.class);
    private final StepUp stepUp = mock(StepUp.class);

    private static CurrentUser user(Role role) {
        return new CurrentUser(UUID.randomUUID(), "u", "U", role, UNIT, "Enhet", "Äldreomsorg", false);
    }

    private Rule.Verdict decide(Rule rule, CurrentUser user, Target target) {
        return rule.decide(new Facts(user, authorizations, stepUp), target);
    }

    private void authorisedFor(UUID caseId) {
        when(authorizations.authorisedCasesAmong(any(), any())).thenReturn(Set.of(caseId));
    }

    @Test
    @DisplayName("Rule: a rule without a logged-in user denies, whatever it says")
    void noUserIsDenied() {
        assertThat(decide(Rule.anyone(), null, Target.NONE)).isEqualTo(Rule.Verdict.DENIED);
    }

    @Test
    @DisplayName("Rule: role and own unit must both hold for 'and', either for 'or'")
    void andOr() {
        Rule managerOfUnit = Rule.role(Role.UNIT_MANAGER).and(Rule.ownUnit());
        assertThat(decide(managerOfUnit, user(Role.UNIT_MANAGER), Target.unit(UNIT))).isEqualTo(Rule.Verdict.ALLOWED);
        assertThat(decide(managerOfUnit, user(Role.UNIT_MANAGER), Target.unit(OTHER_UNIT))).isEqualTo(Rule.Verdict.DENIED);
        assertThat(decide(managerOfUnit, user(Role.CASE_OFFICER), Target.unit(UNIT))).isEqualTo(Rule.Verdict.DENIED);
        Rule either = Rule.role(Role.PLACEMENT_COORDINATOR).or(managerOfUnit);
        assertThat(decide(either, user(Role.PLACEMENT_COORDINATOR), Target.unit(OTHER_UNIT))).isEqualTo(Rule.Verdict.ALLOWED);
        assertThat(decide(Rule.ownUnit(), user(Role.UNIT_MANAGER), Target.NONE)).isEqualTo(Rule.Verdict.DENIED);
    }

    @Test
    @DisplayName("Rule: an authorisation opens the case it names, not another case of the same person")
    void authorisationIsForTheCase() {
        authorisedFor(CASE);
        CurrentUser officer = user(Role.CASE_OFFICER);
        assertThat(decide(Rule.authorised(), officer, Target.ofCase(CASE, PERSON, UNIT, null, true))).isEqualTo(Rule.Verdict.ALLOWED);
        assertThat(decide(Rule.authorised(), officer, Target.ofCase(UUID.randomUUID(), PERSON, UNIT, null, true))).isEqualTo(Rule.Verdict.DENIED);
    }

    @Test
    @DisplayName("Rule: authorised but not confirmed with the PIN asks for the PIN; confirmed allows; unlocked needs neither")
    void stepUp() {
        authorisedFor(CASE);
        Target locked = Target.ofCase(CASE, PERSON, UNIT, null, true);
        when(stepUp.satisfied()).thenReturn(false);
        assertThat(decide(Rule.authorisedIfLocked(), user(Role.CASE_OFFICER), locked)).isEqualTo(Rule.Verdict.STEP_UP);
        assertThat(decide(Rule.authorisedIfLocked(), user(Role.CASE_OFFICER), locked.withLocked(false))).isEqualTo(Rule.Verdict.ALLOWED);
        when(stepUp.satisfied()).thenReturn(true);
        assertThat(decide(Rule.authorisedIfLocked(), user(Role.CASE_OFFICER), locked)).isEqualTo(Rule.Verdict.ALLOWED);
        assertThat(decide(Rule.authorisedIfLocked(), user(Role.CASE_OFFICER), Target.ofCase(UUID.randomUUID(), PERSON, UNIT, null, true)))
                .isEqualTo(Rule.Verdict.DENIED);
    }

    @Test
    @DisplayName("Rule: a fee officer's authorisation never counts, in the decision and in the SQL predicate")
    void feeOfficerNever() {
        CurrentUser fee = user(Role.FEE_OFFICER);
        when(authorizations.authorisedCasesAmong(any(), any())).thenAnswer(i -> Set.of());
        assertThat(decide(Rule.authorised(), fee, Target.ofCase(CASE, PERSON, UNIT, null, true))).isEqualTo(Rule.Verdict.DENIED);
        assertThat(Rule.authorised().sql(RowFilter.Columns.of().caseId("c.id"), new Facts(fee, authorizations, stepUp))).isEqualTo("1 = 0");
    }

    @Test
    @DisplayName("Rule: the agreed offer maker is the home's manager, a coordinator, or the case's own officer as agreed")
    void agreedMaker() {
        CurrentUser manager = user(Role.UNIT_MANAGER);
        CurrentUser officer = user(Role.CASE_OFFICER);
        Target byHome = Target.ofCase(CASE, PERSON, UNIT, officer.id(), false).withAgreedMaker(Role.UNIT_MANAGER);
        assertThat(decide(Rule.agreedMaker(), manager, byHome)).isEqualTo(Rule.Verdict.ALLOWED);
        assertThat(decide(Rule.agreedMaker(), manager, byHome.withUnit(OTHER_UNIT))).isEqualTo(Rule.Verdict.DENIED);
        assertThat(decide(Rule.agreedMaker(), officer, byHome)).isEqualTo(Rule.Verdict.DENIED);
        Target byOfficer = byHome.withAgreedMaker(Role.CASE_OFFICER);
        assertThat(decide(Rule.agreedMaker(), officer, byOfficer)).isEqualTo(Rule.Verdict.ALLOWED);
        assertThat(decide(Rule.agreedMaker(), user(Role.CASE_OFFICER), byOfficer)).isEqualTo(Rule.Verdict.DENIED);
        assertThat(decide(Rule.agreedMaker(), user(Role.PLACEMENT_COORDINATOR), byOfficer.withAgreedMaker(Role.PLACEMENT_COORDINATOR)))
                .isEqualTo(Rule.Verdict.ALLOWED);
        assertThat(decide(Rule.agreedMaker(), manager, Target.unit(UNIT))).isEqualTo(Rule.Verdict.DENIED);
    }

    @Test
    @DisplayName("Rule: nobody acts on a thing that names themselves (a grant to oneself)")
    void notNamedUser() {
        CurrentUser lvs = user(Role.SYSTEM_SUPPORT);
        assertThat(decide(Rule.notNamedUser(), lvs, Target.NONE.withUsers(Set.of(lvs.id())))).isEqualTo(Rule.Verdict.DENIED);
        assertThat(decide(Rule.notNamedUser(), lvs, Target.NONE.withUsers(Set.of(UUID.randomUUID())))).isEqualTo(Rule.Verdict.ALLOWED);
        assertThat(decide(Rule.namedUser(), lvs, Target.NONE.withUsers(Set.of(lvs.id())))).isEqualTo(Rule.Verdict.ALLOWED);
    }

    @Test
    @DisplayName("Rule: the SQL form of a rule names the row's columns and binds the user; a term without SQL fails loudly")
    void sqlForm() {
        CurrentUser manager = user(Role.UNIT_MANAGER);
        Facts facts = new Facts(manager, authorizations, stepUp);
        when(stepUp.satisfied()).thenReturn(true);
        Rule rule = Rule.role(Role.UNIT_MANAGER).and(Rule.ownUnit()).and(Rule.authorisedIfLocked());
        String sql = rule.sql(RowFilter.Columns.of().unit("a.unit_id").caseId("d.case_id").locked("p.locked"), facts);
        assertThat(sql).contains("a.unit_id = :ac_unit").contains("not (p.locked)").contains("ac_ca.case_id = d.case_id").startsWith("((1 = 1");
        assertThatThrownBy(() -> Rule.namedUser().sql(RowFilter.Columns.of(), facts)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Rule.ownUnit().sql(RowFilter.Columns.of(), facts)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("Rule: anyone logged in, nobody, the case officer and the grant right, each decided and as SQL")
    void simpleTerms() {
        CurrentUser officer = user(Role.CASE_OFFICER);
        Facts facts = new Facts(officer, authorizations, stepUp);
        assertThat(decide(Rule.anyone(), officer, Target.NONE)).isEqualTo(Rule.Verdict.ALLOWED);
        assertThat(Rule.anyone().sql(RowFilter.Columns.of(), facts)).isEqualTo("1 = 1");
        assertThat(decide(Rule.nobody(), officer, Target.NONE)).isEqualTo(Rule.Verdict.DENIED);
        assertThat(Rule.nobody().sql(RowFilter.Columns.of(), facts)).isEqualTo("1 = 0");

        Target own = Target.ofCase(CASE, PERSON, UNIT, officer.id(), false);
        assertThat(decide(Rule.caseOfficer(), officer, own)).isEqualTo(Rule.Verdict.ALLOWED);
        assertThat(decide(Rule.caseOfficer(), officer, own.withCaseOfficer(UUID.randomUUID()))).isEqualTo(Rule.Verdict.DENIED);
        assertThat(decide(Rule.caseOfficer(), officer, own.withCaseOfficer(null))).isEqualTo(Rule.Verdict.DENIED);
        assertThat(Rule.caseOfficer().sql(RowFilter.Columns.of().caseOfficer("c.case_officer_id"), facts)).isEqualTo("c.case_officer_id = :ac_user");

        CurrentUser lvs = new CurrentUser(UUID.randomUUID(), "lvs", "L", Role.SYSTEM_SUPPORT, UNIT, "Enhet", "Äldreomsorg", true);
        assertThat(decide(Rule.grantRight(), lvs, Target.NONE)).isEqualTo(Rule.Verdict.ALLOWED);
        assertThat(decide(Rule.grantRight(), user(Role.SYSTEM_SUPPORT), Target.NONE)).isEqualTo(Rule.Verdict.DENIED);
        assertThat(Rule.grantRight().sql(RowFilter.Columns.of(), new Facts(lvs, authorizations, stepUp))).isEqualTo("1 = 1");
        assertThat(Rule.grantRight().sql(RowFilter.Columns.of(), facts)).isEqualTo("1 = 0");
        assertThat(Rule.role(Role.CASE_OFFICER).sql(RowFilter.Columns.of(), facts)).isEqualTo("1 = 1");
        assertThat(decide(Rule.role(), officer, Target.NONE)).as("no role named: nobody").isEqualTo(Rule.Verdict.DENIED);
    }

    @Test
    @DisplayName("Rule: the PIN term as SQL follows the confirmation; 'and' with a denial denies, 'or' with a denial still asks for the PIN")
    void confirmedAndVerdicts() {
        Facts facts = new Facts(user(Role.CASE_OFFICER), authorizations, stepUp);
        when(stepUp.satisfied()).thenReturn(false);
        assertThat(Rule.confirmed().sql(RowFilter.Columns.of(), facts)).isEqualTo("1 = 0");
        assertThat(Rule.confirmed().sql(RowFilter.Columns.of(), new Facts(user(Role.CASE_OFFICER), authorizations, stepUp))).isEqualTo("1 = 0");
        when(stepUp.satisfied()).thenReturn(true);
        assertThat(Rule.confirmed().sql(RowFilter.Columns.of(), new Facts(user(Role.CASE_OFFICER), authorizations, stepUp))).isEqualTo("1 = 1");

        assertThat(Rule.Verdict.STEP_UP.and(Rule.Verdict.DENIED)).isEqualTo(Rule.Verdict.DENIED);
        assertThat(Rule.Verdict.STEP_UP.and(Rule.Verdict.ALLOWED)).isEqualTo(Rule.Verdict.STEP_UP);
        assertThat(Rule.Verdict.STEP_UP.or(Rule.Verdict.DENIED)).isEqualTo(Rule.Verdict.STEP_UP);
        assertThat(Rule.Verdict.STEP_UP.or(Rule.Verdict.ALLOWED)).isEqualTo(Rule.Verdict.ALLOWED);
        when(stepUp.satisfied()).thenReturn(false);
        assertThat(decide(Rule.nobody().or(Rule.confirmed()), user(Role.CASE_OFFICER), Target.NONE)).isEqualTo(Rule.Verdict.STEP_UP);
    }

    @Test
    @DisplayName("Rule: a person without a case opens with an authorisation for a case of hers; the SQL asks by person; 'or' is SQL's or")
    void authorisedForAPersonAndOrAsSql() {
        CurrentUser officer = user(Role.CASE_OFFICER);
        when(authorizations.authorisedPersons(any(), any())).thenReturn(Set.of(PERSON));
        assertThat(decide(Rule.authorised(), officer, Target.person(PERSON, true))).isEqualTo(Rule.Verdict.ALLOWED);
        assertThat(decide(Rule.authorised(), officer, Target.person(UUID.randomUUID(), true))).isEqualTo(Rule.Verdict.DENIED);
        assertThat(decide(Rule.authorised(), officer, Target.NONE)).isEqualTo(Rule.Verdict.DENIED);
        Facts facts = new Facts(officer, authorizations, stepUp);
        assertThat(Rule.authorised().sql(RowFilter.Columns.of().personId("p.id"), facts)).contains("ac_ca.person_id = p.id")
                .contains("ac_ca.user_id = :ac_user").contains("ac_ca.revoked_at is null").contains("ac_ca.valid_to >= :ac_today");
        assertThat(Rule.ownUnit().or(Rule.caseOfficer()).sql(RowFilter.Columns.of().unit("c.unit_id").caseOfficer("c.officer"), facts))
                .isEqualTo("(c.unit_id = :ac_unit or c.officer = :ac_user)");
        assertThat(Rule.ifLocked(Rule.nobody()).sql(RowFilter.Columns.of().locked("p.locked"), facts)).isEqualTo("(not (p.locked) or (1 = 0))");
        assertThat(decide(Rule.ifLocked(Rule.nobody()), officer, Target.person(PERSON, false))).isEqualTo(Rule.Verdict.ALLOWED);
        assertThat(decide(Rule.ifLocked(Rule.nobody()), officer, Target.person(PERSON, true))).isEqualTo(Rule.Verdict.DENIED);
    }

    @Test
    @DisplayName("Rule: a senior case officer who is the case's officer makes an offer agreed for the case officer; without an agreement nobody does")
    void agreedMakerSeniorAndNone() {
        CurrentUser senior = user(Role.SENIOR_CASE_OFFICER);
        Target byOfficer = Target.ofCase(CASE, PERSON, UNIT, senior.id(), false).withAgreedMaker(Role.SENIOR_CASE_OFFICER);
        assertThat(decide(Rule.agreedMaker(), senior, byOfficer)).isEqualTo(Rule.Verdict.ALLOWED);
        assertThat(decide(Rule.agreedMaker(), senior, byOfficer.withCaseOfficer(null))).isEqualTo(Rule.Verdict.DENIED);
        assertThat(decide(Rule.agreedMaker(), user(Role.PLACEMENT_COORDINATOR), byOfficer.withAgreedMaker(null))).isEqualTo(Rule.Verdict.DENIED);
        assertThat(decide(Rule.agreedMaker(), user(Role.SYSTEM_SUPPORT), byOfficer.withAgreedMaker(Role.SYSTEM_SUPPORT)))
                .isEqualTo(Rule.Verdict.DENIED);
        CurrentUser manager = user(Role.UNIT_MANAGER);
        assertThat(decide(Rule.agreedMaker(), manager, Target.unit(null).withAgreedMaker(Role.UNIT_MANAGER))).isEqualTo(Rule.Verdict.DENIED);
    }

    @Test
    @DisplayName("Rule: a rule reads back in words, for the documentation and the matrix")
    void inWords() {
        assertThat(Rule.role(Role.UNIT_MANAGER, Role.CASE_OFFICER).and(Rule.ownUnit()).or(Rule.nobody()).toString())
                .isEqualTo("((roll(CASE_OFFICER, UNIT_MANAGER) och egen enhet) eller ingen)");
        assertThat(Rule.authorisedIfLocked().toString()).isEqualTo("om skyddad: (behörighet för ärendet och bekräftad med PIN)");
        assertThat(Rule.anyone().toString()).isEqualTo("inloggad");
        assertThat(Rule.caseOfficer().and(Rule.grantRight()).and(Rule.namedUser()).and(Rule.notNamedUser()).and(Rule.agreedMaker()).toString())
                .contains("ansvarig handläggare", "beviljanderätt", "namngiven användare", "inte namngiven användare", "överenskommen erbjudare");
    }
}
