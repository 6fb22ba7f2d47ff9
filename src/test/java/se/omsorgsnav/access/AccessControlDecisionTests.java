package se.omsorgsnav.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import se.omsorgsnav.audit.AuditAction;
import se.omsorgsnav.audit.AuditActor;
import se.omsorgsnav.audit.AuditEntry;
import se.omsorgsnav.audit.AuditLog;
import se.omsorgsnav.audit.AuditOutcome;

/**
 * The one access decision on facts alone (no database, no Spring): what {@link AccessControl}
 * answers, what it audits and in which transaction, for each of its questions.
 */
class AccessControlDecisionTests {

    private static final UUID UNIT = UUID.randomUUID();
    private static final UUID CASE = UUID.randomUUID();
    private static final UUID PERSON = UUID.randomUUID();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-18T09:00:00Z"), ZoneId.of("Europe/Stockholm"));
    private static final AuditActor ACTOR = new AuditActor(UUID.randomUUID(), "u", "CASE_OFFICER", UNIT, "127.0.0.1");

    private final CurrentUsers users = mock(CurrentUsers.class);
    private final CaseAuthorizations authorizations = mock(CaseAuthorizations.class);
    private final StepUp stepUp = mock(StepUp.class);
    private final AuditLog audit = mock(AuditLog.class);
    private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    private final AccessControl access = new AccessControl(users, authorizations, stepUp, audit, CLOCK, transactions);

    @BeforeEach
    void actor() {
        when(users.actor()).thenReturn(ACTOR);
    }

    private CurrentUser loggedIn(Role role, UUID unit, boolean grantRight) {
        CurrentUser user = new CurrentUser(UUID.randomUUID(), "u", "U", role, unit, "Enhet", "Äldreomsorg", grantRight);
        when(users.find()).thenReturn(Optional.of(user));
        return user;
    }

    private void nobodyLoggedIn() {
        when(users.find()).thenReturn(Optional.empty());
    }

    @SuppressWarnings("unchecked")
    private List<AuditEntry> recorded() {
        ArgumentCaptor<List<AuditEntry>> entries = ArgumentCaptor.forClass(List.class);
        verify(audit).recordAll(eq(ACTOR), entries.capture());
        return entries.getValue();
    }

    private void verifyDenialInItsOwnTransaction() {
        ArgumentCaptor<TransactionDefinition> definition = ArgumentCaptor.forClass(TransactionDefinition.class);
        verify(transactions).getTransaction(definition.capture());
        assertThat(definition.getValue().getPropagationBehavior()).isEqualTo(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        verify(transactions).commit(any());
    }

    @Test
    @DisplayName("an allowed action on a case is audited in the caller's transaction, under the action's name, with case and person")
    void allowedOnACaseIsAuditedWithItsIds() {
        CurrentUser user = loggedIn(Role.UNIT_MANAGER, UNIT, false);
        CurrentUser returned = access.require(AccessAction.AUTHORIZATION_REQUESTED, Target.ofCase(CASE, PERSON, UNIT, null, false));
        assertThat(returned).isSameAs(user);
        verify(audit).record(ACTOR, new AuditEntry(PERSON, CASE, AuditAction.CREATE, "AUTHORIZATION_REQUESTED", AuditOutcome.ALLOWED));
        verify(audit, never()).recordAll(any(), any());
        verifyNoInteractions(transactions);
    }

    @Test
    @DisplayName("an allowed action on a person alone, or on a case alone, names personal data and is audited")
    void allowedOnAPersonOrACaseAloneIsAudited() {
        loggedIn(Role.CASE_OFFICER, UNIT, false);
        access.require(AccessAction.STEP_UP, Target.person(PERSON, false));
        verify(audit).record(ACTOR, new AuditEntry(PERSON, null, AuditAction.VIEW, "STEP_UP", AuditOutcome.ALLOWED));
        access.require(AccessAction.PIN, Target.ofCase(CASE, null, null, null, false));
        verify(audit).record(ACTOR, new AuditEntry(null, CASE, AuditAction.UPDATE, "PIN", AuditOutcome.ALLOWED));
    }

    @Test
    @DisplayName("an allowed action that names no person or case writes no audit event")
    void allowedWithoutPersonalDataIsNotAudited() {
        loggedIn(Role.UNIT_MANAGER, UNIT, false);
        access.require(AccessAction.AUTHORIZATION_ORDER_FORM, Target.NONE);
        access.require(AccessAction.AUTHORIZATION_REQUESTED, Target.unit(UNIT));
        verifyNoInteractions(audit);
    }

    @Test
    @DisplayName("a denied action answers 'Behörighet saknas' and is audited as denied in a transaction of its own")
    void deniedIsAuditedSeparately() {
        loggedIn(Role.CASE_OFFICER, UNIT, false);
        Target target = Target.ofCase(CASE, PERSON, UNIT, null, false);
        assertThatThrownBy(() -> access.require(AccessAction.AUTHORIZATION_ORDER_FORM, target))
                .isInstanceOf(AccessDenied.class).hasMessage("Behörighet saknas");
        assertThat(recorded()).containsExactly(new AuditEntry(PERSON, CASE, AuditAction.VIEW, "AUTHORIZATION_ORDER_FORM", AuditOutcome.DENIED));
        verify(audit, never()).record(any(), any());
        verifyDenialInItsOwnTransaction();
    }

    @Test
    @DisplayName("without a logged-in user everything is denied and nothing can be audited for nobody")
    void nobodyIsDeniedWithoutAnEvent() {
        nobodyLoggedIn();
        assertThatThrownBy(() -> access.require(AccessAction.STEP_UP, Target.person(PERSON, false))).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> access.require(AccessAction.STEP_UP, Optional.empty())).isInstanceOf(AccessDenied.class);
        verifyNoInteractions(audit, transactions);
    }

    @Test
    @DisplayName("authorised for a locked case without the PIN asks for the PIN; nothing is shown, nothing denied")
    void stepUpIsNeitherAllowedNorDenied() {
        loggedIn(Role.UNIT_MANAGER, UNIT, false);
        when(authorizations.authorisedCasesAmong(any(), anyCollection())).thenReturn(Set.of(CASE));
        when(stepUp.satisfied()).thenReturn(false);
        Target locked = Target.ofCase(CASE, PERSON, UNIT, null, true);
        assertThatThrownBy(() -> access.require(AccessAction.AUTHORIZATION_HOLDER_UNITS, locked)).isInstanceOf(StepUpRequired.class);
        verifyNoInteractions(audit, transactions);
        assertThat(access.has(AccessAction.AUTHORIZATION_HOLDER_UNITS, locked)).isFalse();
        when(stepUp.satisfied()).thenReturn(true);
        assertThat(access.has(AccessAction.AUTHORIZATION_HOLDER_UNITS, locked)).isTrue();
    }

    @Test
    @DisplayName("an absent target is denied like a forbidden one, audited without ids; a present one is decided")
    void absentTargetIsDeniedLikeAForbiddenOne() {
        CurrentUser lvs = loggedIn(Role.SYSTEM_SUPPORT, UNIT, true);
        assertThatThrownBy(() -> access.require(AccessAction.AUTHORIZATION_PRECHECK, Optional.empty()))
                .isInstanceOf(AccessDenied.class).hasMessage("Behörighet saknas");
        assertThat(recorded()).containsExactly(new AuditEntry(null, null, AuditAction.VIEW, "AUTHORIZATION_PRECHECK", AuditOutcome.DENIED));
        verifyDenialInItsOwnTransaction();
        assertThat(access.require(AccessAction.AUTHORIZATION_PRECHECK, Optional.of(Target.person(PERSON, false)))).isEqualTo(lvs);
        verify(audit).record(ACTOR, new AuditEntry(PERSON, null, AuditAction.VIEW, "AUTHORIZATION_PRECHECK", AuditOutcome.ALLOWED));
    }

    @Test
    @DisplayName("has answers the rule's verdict and audits nothing")
    void hasAuditsNothing() {
        loggedIn(Role.UNIT_MANAGER, UNIT, false);
        assertThat(access.has(AccessAction.AUTHORIZATION_ORDER_FORM, Target.NONE)).isTrue();
        assertThat(access.has(AccessAction.AUTHORIZATION_PRECHECK, Target.NONE)).isFalse();
        nobodyLoggedIn();
        assertThat(access.has(AccessAction.STEP_UP, Target.NONE)).isFalse();
        verifyNoInteractions(audit, transactions);
    }

    @Test
    @DisplayName("a list keeps only the permitted items, in their order, with one authorisation query for the whole list")
    void filterKeepsPermittedInOrderWithOneQuery() {
        loggedIn(Role.CASE_OFFICER, UNIT, false);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        when(authorizations.authorisedCasesAmong(any(), anyCollection())).thenReturn(Set.of(a, c));
        when(stepUp.satisfied()).thenReturn(true);
        List<UUID> permitted = access.filter(AuditLogAction.PROTECTED_ACCESSES, List.of(c, b, a),
                id -> Target.ofCase(id, PERSON, UNIT, null, true));
        assertThat(permitted).containsExactly(c, a);
        verify(authorizations, times(1)).authorisedCasesAmong(any(), anyCollection());
        verifyNoInteractions(audit);
    }

    @Test
    @DisplayName("a list for nobody is empty, without asking for authorisations")
    void filterForNobodyIsEmpty() {
        nobodyLoggedIn();
        assertThat(access.filter(AccessAction.STEP_UP, List.of(PERSON), id -> Target.person(id, false))).isEmpty();
        assertThat(access.permitted(AccessAction.class, Target.NONE)).isEmpty();
        assertThat(access.decideAll(AccessAction.STEP_UP, List.of(Target.NONE, Target.unit(UNIT))))
                .containsOnly(Map.entry(Target.NONE, false), Map.entry(Target.unit(UNIT), false));
        verifyNoInteractions(authorizations, audit);
    }

    @Test
    @DisplayName("the SQL filter for nobody matches no row; for a user it binds the user, today and the unit")
    void rowFilterBindsTheUser() {
        nobodyLoggedIn();
        RowFilter none = access.filter(AccessAction.STEP_UP, RowFilter.Columns.of());
        assertThat(none.sql()).isEqualTo("1 = 0");
        assertThat(none.params()).isEmpty();

        CurrentUser manager = loggedIn(Role.UNIT_MANAGER, UNIT, false);
        RowFilter own = access.filter(AccessAction.AUTHORIZATION_REQUESTED, RowFilter.Columns.of().unit("c.unit_id"));
        assertThat(own.params()).containsOnly(Map.entry("ac_user", manager.id()), Map.entry("ac_today", LocalDate.of(2026, 11, 18)),
                Map.entry("ac_unit", UNIT));
        assertThat(own.sql()).contains("c.unit_id").doesNotContain("1 = 0");

        CurrentUser withoutUnit = loggedIn(Role.SYSTEM_SUPPORT, null, true);
        RowFilter lvs = access.filter(AccessAction.AUTHORIZATION_PRECHECK, RowFilter.Columns.of());
        assertThat(lvs.params()).containsOnlyKeys("ac_user", "ac_today").containsEntry("ac_user", withoutUnit.id());
    }

    @Test
    @DisplayName("the buttons a page offers are exactly the catalogue's actions the rules allow")
    void permittedIsExactlyTheAllowedActions() {
        loggedIn(Role.SYSTEM_SUPPORT, UNIT, true);
        assertThat(access.permitted(AccessAction.class, Target.NONE)).isEqualTo(EnumSet.of(
                AccessAction.AUTHORIZATION_REQUEST_LIST, AccessAction.AUTHORIZATION_REQUEST_VIEWED, AccessAction.AUTHORIZATION_GRANTED,
                AccessAction.AUTHORIZATION_REFUSED, AccessAction.AUTHORIZATION_REMOVED, AccessAction.AUTHORIZATION_REVOKED,
                AccessAction.AUTHORIZATION_LIST, AccessAction.AUTHORIZATION_HOLDER_UNITS, AccessAction.AUTHORIZATION_PRECHECK,
                AccessAction.AUTHORIZATION_CLOSED_CASES, AccessAction.STEP_UP, AccessAction.PIN));
        loggedIn(Role.CASE_OFFICER, UNIT, false);
        assertThat(access.permitted(AccessAction.class, Target.NONE)).containsExactlyInAnyOrder(AccessAction.STEP_UP, AccessAction.PIN);
        verifyNoInteractions(audit);
    }

    @Test
    @DisplayName("decideAll answers each target on the rule, with one authorisation query for all")
    void decideAllAnswersEachTarget() {
        loggedIn(Role.UNIT_MANAGER, UNIT, false);
        UUID other = UUID.randomUUID();
        Target own = Target.ofCase(CASE, PERSON, UNIT, null, false);
        Target foreign = Target.ofCase(other, PERSON, UUID.randomUUID(), null, false);
        assertThat(access.decideAll(AccessAction.AUTHORIZATION_REVOKED, List.of(own, foreign)))
                .containsOnly(Map.entry(own, true), Map.entry(foreign, false));
        verify(authorizations, times(1)).authorisedCasesAmong(any(), eq(Set.of(CASE, other)));
        verifyNoInteractions(audit);
    }

    @Test
    @DisplayName("a refusal that is not 'Behörighet saknas' is still audited as denied in its own transaction; for nobody, nothing")
    void refusalIsRecordedSeparately() {
        loggedIn(Role.CASE_OFFICER, UNIT, false);
        access.recordRefusal(AccessAction.STEP_UP, Target.NONE);
        assertThat(recorded()).containsExactly(new AuditEntry(null, null, AuditAction.VIEW, "STEP_UP", AuditOutcome.DENIED));
        verifyDenialInItsOwnTransaction();
        nobodyLoggedIn();
        access.recordRefusal(AccessAction.PIN, Target.NONE);
        verify(audit, times(1)).recordAll(any(), any());
    }

    @Test
    @DisplayName("the facts look up case targets by case and person-only targets by person, once each, and keep the answers")
    void factsPreloadOncePerKindAndRemember() {
        CurrentUser user = new CurrentUser(UUID.randomUUID(), "u", "U", Role.CASE_OFFICER, UNIT, "Enhet", "Äldreomsorg", false);
        UUID lone = UUID.randomUUID();
        when(authorizations.authorisedCasesAmong(eq(user), anyCollection())).thenReturn(Set.of(CASE));
        when(authorizations.authorisedPersons(eq(user), anyCollection())).thenReturn(Set.of());
        when(stepUp.satisfied()).thenReturn(true);
        Facts facts = new Facts(user, authorizations, stepUp);
        facts.preload(List.of(Target.ofCase(CASE, PERSON, UNIT, null, true), Target.person(lone, true), Target.NONE));
        verify(authorizations).authorisedCasesAmong(user, Set.of(CASE));
        verify(authorizations).authorisedPersons(user, Set.of(lone));
        assertThat(facts.authorisedForCase(CASE)).isTrue();
        assertThat(facts.authorisedForPerson(lone)).isFalse();
        facts.preload(List.of(Target.ofCase(CASE, PERSON, UNIT, null, true), Target.person(lone, true)));
        assertThat(facts.confirmed()).isTrue();
        assertThat(facts.confirmed()).isTrue();
        verify(authorizations, times(1)).authorisedCasesAmong(any(), anyCollection());
        verify(authorizations, times(1)).authorisedPersons(any(), anyCollection());
        verify(stepUp, times(1)).satisfied();
        assertThat(facts.user()).isSameAs(user);
    }

    @Test
    @DisplayName("facts not preloaded are looked up one by one when a rule asks")
    void factsLookUpWhatWasNotPreloaded() {
        CurrentUser user = new CurrentUser(UUID.randomUUID(), "u", "U", Role.CASE_OFFICER, UNIT, "Enhet", "Äldreomsorg", false);
        when(authorizations.authorisedCasesAmong(user, Set.of(CASE))).thenReturn(Set.of(CASE));
        when(authorizations.authorisedPersons(user, Set.of(PERSON))).thenReturn(Set.of(PERSON));
        Facts facts = new Facts(user, authorizations, stepUp);
        facts.preload(List.of(Target.NONE));
        verifyNoInteractions(authorizations);
        assertThat(facts.authorisedForCase(CASE)).isTrue();
        assertThat(facts.authorisedForPerson(PERSON)).isTrue();
        assertThat(facts.authorisedForCase(UUID.randomUUID())).isFalse();
    }

    @Test
    @DisplayName("audit's question which protected persons a reviewer may see in full is the PROTECTED_ACCESSES rule over the list")
    void auditClearanceIsTheProtectedAccessesRule() {
        loggedIn(Role.SOCIAL_SAFETY_COORDINATOR, UNIT, false);
        UUID other = UUID.randomUUID();
        assertThat(new AuditClearance(access).revealedAmong(List.of(PERSON, other, PERSON))).containsExactlyInAnyOrder(PERSON, other);
        CurrentUser officer = loggedIn(Role.CASE_OFFICER, UNIT, false);
        when(authorizations.authorisedPersons(eq(officer), anyCollection())).thenReturn(Set.of(other));
        when(stepUp.satisfied()).thenReturn(true);
        assertThat(new AuditClearance(access).revealedAmong(List.of(PERSON, other))).containsExactly(other);
    }
}
