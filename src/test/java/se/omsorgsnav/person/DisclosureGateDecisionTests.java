package se.omsorgsnav.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.AccessDenied;
import se.omsorgsnav.access.Action;
import se.omsorgsnav.access.CaseAuthorizations;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.Role;
import se.omsorgsnav.access.StepUp;
import se.omsorgsnav.access.StepUpRequired;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.audit.AuditAction;
import se.omsorgsnav.audit.AuditActor;
import se.omsorgsnav.audit.AuditEntry;
import se.omsorgsnav.audit.AuditLog;
import se.omsorgsnav.audit.AuditOutcome;
import se.omsorgsnav.shared.NotFoundException;
import se.omsorgsnav.shared.PersonalIdentityNumber;
import se.omsorgsnav.support.DemoUsers;

/**
 * The disclosure gate's decisions over register rows it is handed (no database): who is masked,
 * who waits for the PIN, which relations and aliases are shown, and exactly which audit events
 * each call writes. The register's SQL is {@code PersonRows}'s and tested against the database
 * elsewhere; here its answers are given.
 */
class DisclosureGateDecisionTests {

    private static final UUID UNIT = UUID.randomUUID();
    private static final UUID ASTRID = UUID.randomUUID();
    private static final UUID OLLE = UUID.randomUUID();
    private static final UUID GRETA = UUID.randomUUID();
    private static final UUID SVEN = UUID.randomUUID();
    private static final UUID CASE = UUID.randomUUID();

    private final PersonRows rows = mock(PersonRows.class);
    private final CaseAuthorizations authorizations = mock(CaseAuthorizations.class);
    private final CurrentUsers users = mock(CurrentUsers.class);
    private final AuditLog audit = mock(AuditLog.class);
    private final StepUp stepUp = mock(StepUp.class);
    private final AccessControl access = mock(AccessControl.class);
    @SuppressWarnings("unchecked")
    private final ObjectProvider<ServingUnits> servingUnits = mock(ObjectProvider.class);
    private final PersonDisclosure gate = new PersonDisclosure(rows, authorizations, users, audit, stepUp, access, servingUnits);

    private final Map<UUID, PersonRow> register = new HashMap<>();
    private final Map<UUID, Set<UUID>> protectedLinks = new HashMap<>();
    private final List<PersonRows.Link> links = new ArrayList<>();
    private CurrentUser user;

    private static PersonRow row(UUID id, String pin, String first, String last, ProtectionLevel level, String alias) {
        return new PersonRow(id, PersonalIdentityNumber.fromCanonical(pin.replace("-", "")), first, last, "Gatan 1", "12345", "Staden",
                "070-0000000", level, alias, null, null);
    }

    private void link(UUID a, UUID b, RelationKind kind) {
        links.add(new PersonRows.Link(a, b, kind));
        links.add(new PersonRows.Link(b, a, kind));
    }

    @BeforeEach
    void register() {
        register.put(ASTRID, row(ASTRID, DemoUsers.PROTECTED_PIN, "Astrid", "Karlsson", ProtectionLevel.PROTECTED_REGISTRATION, "Rut Berg"));
        register.put(OLLE, row(OLLE, DemoUsers.LINKED_PIN, "Olle", "Karlsson", ProtectionLevel.NONE, null));
        register.put(GRETA, row(GRETA, DemoUsers.ORDINARY_PIN, "Greta", "Andersson", ProtectionLevel.NONE, null));
        register.put(SVEN, row(SVEN, DemoUsers.ORDINARY_PIN, "Sven", "Svensson", ProtectionLevel.NONE, "Alias som inte gäller"));
        link(ASTRID, OLLE, RelationKind.RELATIVE);
        link(GRETA, SVEN, RelationKind.CO_RESIDENT);
        protectedLinks.put(OLLE, Set.of(ASTRID));

        when(rows.byIds(anyCollection())).thenAnswer(call -> {
            Map<UUID, PersonRow> found = new HashMap<>();
            for (Object id : (Collection<?>) call.getArgument(0)) {
                if (register.containsKey(id)) {
                    found.put((UUID) id, register.get(id));
                }
            }
            return found;
        });
        when(rows.protectedLinks(anyCollection())).thenAnswer(call -> {
            Map<UUID, Set<UUID>> found = new HashMap<>();
            for (Object id : (Collection<?>) call.getArgument(0)) {
                if (protectedLinks.containsKey(id)) {
                    found.put((UUID) id, protectedLinks.get(id));
                }
            }
            return found;
        });
        when(rows.linksOf(anyCollection())).thenAnswer(call -> {
            Collection<?> ids = call.getArgument(0);
            return links.stream().filter(l -> ids.contains(l.personId())).toList();
        });
        when(servingUnits.orderedStream()).thenAnswer(call -> Stream.empty());
        loggedIn(Role.CASE_OFFICER, UNIT);
        authorisedFor();
        confirmed(true);
    }

    private void loggedIn(Role role, UUID unit) {
        user = new CurrentUser(UUID.randomUUID(), "u", "U", role, unit, "Enhet", "Äldreomsorg", role == Role.SYSTEM_SUPPORT);
        when(users.current()).thenReturn(user);
        when(users.actor()).thenReturn(user.auditActor("192.0.2.1"));
    }

    private void authorisedFor(UUID... persons) {
        when(authorizations.authorisedPersons(any(), anyCollection())).thenAnswer(call -> {
            Collection<?> asked = call.getArgument(1);
            return Set.copyOf(Stream.of(persons).filter(asked::contains).toList());
        });
    }

    private void confirmed(boolean confirmed) {
        when(stepUp.satisfied()).thenReturn(confirmed);
    }

    private AuditActor actor() {
        return user.auditActor("192.0.2.1");
    }

    @SuppressWarnings("unchecked")
    private List<AuditEntry> recorded() {
        ArgumentCaptor<List<AuditEntry>> entries = ArgumentCaptor.forClass(List.class);
        verify(audit).recordAll(eq(actor()), entries.capture());
        return entries.getValue();
    }

    private static AuditEntry entry(UUID person, UUID caseId, AuditAction action, String purpose, AuditOutcome outcome) {
        return new AuditEntry(person, caseId, action, purpose, outcome);
    }

    private void refusesWith(Action action) {
        doThrow(new AccessDenied()).when(access).require(eq(action), any(Target.class));
        doThrow(new AccessDenied()).when(access).require(eq(action), any(Optional.class));
    }

    @Test
    @DisplayName("a list shows locked persons masked — the birth year, no name, address, level or alias — and others in full, in order")
    void listMasksTheLocked() {
        List<PersonView> views = gate.list(List.of(GRETA, ASTRID, OLLE), Purpose.CASE_LIST);
        assertThat(views).extracting(PersonView::id).containsExactly(GRETA, ASTRID, OLLE);
        PersonView astrid = views.get(1);
        PersonalIdentityNumber number = register.get(ASTRID).personalIdentityNumber();
        assertThat(astrid).isEqualTo(new PersonView(ASTRID, number.masked(), number.birthYear(), null, null, null, null, null, null, null,
                null, null, true, true, List.of()));
        assertThat(views.get(2).masked()).isTrue();
        assertThat(views.get(2).locked()).isTrue();
        PersonView greta = views.get(0);
        PersonalIdentityNumber gretas = register.get(GRETA).personalIdentityNumber();
        assertThat(greta).isEqualTo(new PersonView(GRETA, gretas.formatted(), gretas.birthYear(), "Greta", "Andersson", "Gatan 1", "12345",
                "Staden", "070-0000000", ProtectionLevel.NONE, null, null, false, false, List.of()));
        assertThat(recorded()).containsExactly(entry(GRETA, null, AuditAction.LIST, "CASE_LIST", AuditOutcome.ALLOWED),
                entry(ASTRID, null, AuditAction.LIST, "CASE_LIST", AuditOutcome.MASKED),
                entry(OLLE, null, AuditAction.LIST, "CASE_LIST", AuditOutcome.MASKED));
        verify(rows, never()).linksOf(anyCollection());
        verify(authorizations).authorisedPersons(user, Set.of(ASTRID, OLLE));
    }

    @Test
    @DisplayName("an authorisation for the protected person, confirmed with the PIN, shows her and the relative she locks in full")
    void authorisedAndConfirmedSeesInFull() {
        authorisedFor(ASTRID);
        List<PersonView> views = gate.list(List.of(ASTRID, OLLE, GRETA), Purpose.CASE_LIST);
        assertThat(views).extracting(PersonView::masked).containsExactly(false, false, false);
        assertThat(views).extracting(PersonView::locked).containsExactly(true, true, false);
        assertThat(views.get(0).firstName()).isEqualTo("Astrid");
        assertThat(views.get(0).fictitiousName()).isEqualTo("Rut Berg");
        assertThat(views.get(0).protectionLevel()).isEqualTo(ProtectionLevel.PROTECTED_REGISTRATION);
        assertThat(views.get(1).firstName()).isEqualTo("Olle");
        assertThat(recorded()).extracting(AuditEntry::outcome).containsOnly(AuditOutcome.ALLOWED);
    }

    @Test
    @DisplayName("the relative asked for alone opens through the authorisation for the protected person who locks him")
    void relativeAloneOpensThroughTheProtectedPerson() {
        authorisedFor(ASTRID);
        assertThat(gate.list(List.of(OLLE), Purpose.CASE_LIST)).extracting(PersonView::masked).containsExactly(false);
        verify(authorizations).authorisedPersons(user, Set.of(OLLE, ASTRID));
    }

    @Test
    @DisplayName("authorised for the relative alone does not open the protected person; an unlocked person needs no authorisation")
    void authorisationForTheRelativeDoesNotOpenTheProtected() {
        authorisedFor(OLLE);
        List<PersonView> views = gate.list(List.of(ASTRID, OLLE), Purpose.CASE_LIST);
        assertThat(views).extracting(PersonView::masked).containsExactly(true, false);
    }

    @Test
    @DisplayName("two protected persons linked to each other: an authorisation for one never opens the other")
    void linkedProtectedPersonsStayApart() {
        UUID other = UUID.randomUUID();
        register.put(other, row(other, DemoUsers.LINKED_PIN, "Annan", "Skyddad", ProtectionLevel.CONFIDENTIALITY_MARKING, null));
        protectedLinks.put(ASTRID, Set.of(other));
        protectedLinks.put(other, Set.of(ASTRID));
        authorisedFor(other);
        assertThat(gate.list(List.of(ASTRID, other), Purpose.CASE_LIST)).extracting(PersonView::masked).containsExactly(true, false);
    }

    @Test
    @DisplayName("authorised but not confirmed with the PIN: the list masks, opening asks for the PIN and audits nothing")
    void notConfirmedAsksForThePin() {
        authorisedFor(ASTRID);
        confirmed(false);
        assertThat(gate.list(List.of(ASTRID), Purpose.CASE_LIST)).extracting(PersonView::masked).containsExactly(true);
        assertThatThrownBy(() -> gate.open(ASTRID, Purpose.PERSON_PAGE)).isInstanceOf(StepUpRequired.class);
        verify(audit, times(1)).recordAll(any(), any());
        verify(access, never()).require(any(), any(Target.class));
    }

    @Test
    @DisplayName("nobody authorised among the locked: the PIN is not asked for at all")
    void noAuthorisationNoPinQuestion() {
        confirmed(false);
        gate.list(List.of(ASTRID, GRETA), Purpose.CASE_LIST);
        verify(stepUp, never()).satisfied();
    }

    @Test
    @DisplayName("opening a person shows her relations through the same gate, each audited; the case is named on her own event only")
    void openShowsRelationsThroughTheGate() {
        PersonView greta = gate.open(GRETA, CASE, Purpose.CASE_PAGE);
        assertThat(greta.relations()).hasSize(1);
        assertThat(greta.relations().get(0).kind()).isEqualTo(RelationKind.CO_RESIDENT);
        PersonView sven = greta.relations().get(0).person();
        assertThat(sven.firstName()).isEqualTo("Sven");
        assertThat(sven.relations()).isEmpty();
        assertThat(recorded()).containsExactly(entry(SVEN, null, AuditAction.VIEW, "CASE_PAGE", AuditOutcome.ALLOWED),
                entry(GRETA, CASE, AuditAction.VIEW, "CASE_PAGE", AuditOutcome.ALLOWED));
    }

    @Test
    @DisplayName("an authorised user opening the relative sees the protected person among her relations in full")
    void authorisedSeesTheProtectedRelation() {
        authorisedFor(ASTRID);
        PersonView olle = gate.open(OLLE, Purpose.PERSON_PAGE);
        assertThat(olle.masked()).isFalse();
        assertThat(olle.showProtectionBanner()).isTrue();
        assertThat(olle.relations()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(RelationKind.RELATIVE);
            assertThat(r.person().masked()).isFalse();
            assertThat(r.person().locked()).isTrue();
            assertThat(r.person().firstName()).isEqualTo("Astrid");
        });
        assertThat(recorded()).extracting(AuditEntry::personId, AuditEntry::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ASTRID, AuditOutcome.ALLOWED), org.assertj.core.groups.Tuple.tuple(OLLE, AuditOutcome.ALLOWED));
    }

    @Test
    @DisplayName("a relation the user may not see is shown masked on an unlocked person's page")
    void lockedRelationIsMaskedOnAnOpenPage() {
        UUID anna = UUID.randomUUID();
        register.put(anna, row(anna, DemoUsers.ORDINARY_PIN, "Anna", "Öppen", ProtectionLevel.NONE, null));
        link(anna, ASTRID, RelationKind.CONTACT_PERSON);
        // anna is linked to a protected person, so she is locked herself; authorised for her own case she opens, Astrid stays masked
        protectedLinks.put(anna, Set.of(ASTRID));
        authorisedFor(anna);
        PersonView view = gate.open(anna, Purpose.PERSON_PAGE);
        assertThat(view.masked()).isFalse();
        assertThat(view.relations()).singleElement().satisfies(r -> {
            assertThat(r.person().masked()).isTrue();
            assertThat(r.person().firstName()).isNull();
        });
        assertThat(recorded()).extracting(AuditEntry::outcome).containsExactly(AuditOutcome.MASKED, AuditOutcome.ALLOWED);
    }

    @Test
    @DisplayName("opening a locked person, or one that does not exist, is refused under the caller's action, with the case named")
    void openRefusesLockedAndAbsentAlike() {
        refusesWith(PersonAction.OPEN_PERSON);
        assertThatThrownBy(() -> gate.open(ASTRID, CASE, Purpose.CASE_PAGE)).isInstanceOf(AccessDenied.class);
        verify(access).require(PersonAction.OPEN_PERSON, Target.ofCase(CASE, ASTRID, null, null, true));
        UUID nobody = UUID.randomUUID();
        assertThatThrownBy(() -> gate.open(nobody, Purpose.PERSON_PAGE)).isInstanceOf(AccessDenied.class);
        verify(access).require(PersonAction.OPEN_PERSON, Target.ofCase(null, nobody, null, null, true));
        verify(audit, never()).recordAll(any(), any());
    }

    @Test
    @DisplayName("the gate stays closed should the caller's rule allow what the gate refuses")
    void secondRefusalKeepsTheGateClosed() {
        Action lenient = mock(Action.class);
        doThrow(new AccessDenied()).when(access).require(eq(lenient), any(Optional.class));
        assertThatThrownBy(() -> gate.open(ASTRID, null, Purpose.PERSON_PAGE, lenient)).isInstanceOf(AccessDenied.class);
        verify(access).require(lenient, Optional.empty());
        verify(audit, never()).recordAll(any(), any());
    }

    @Test
    @DisplayName("listUnlocked leaves out the locked persons without a trace, and audits only those shown")
    void listUnlockedLeavesOutTheLocked() {
        assertThat(gate.listUnlocked(List.of(ASTRID, GRETA, OLLE), Purpose.SEARCH)).extracting(PersonView::id).containsExactly(GRETA);
        assertThat(recorded()).containsExactly(entry(GRETA, null, AuditAction.LIST, "SEARCH", AuditOutcome.ALLOWED));
    }

    @Test
    @DisplayName("a lookup by personnummer shows the view masked or in full and audits it; an unknown number is not found")
    void lookupByNumber() {
        PersonalIdentityNumber astrids = register.get(ASTRID).personalIdentityNumber();
        when(rows.idOf(astrids)).thenReturn(Optional.of(ASTRID));
        PersonView view = gate.lookup(astrids, Purpose.API_LOOKUP);
        assertThat(view.masked()).isTrue();
        assertThat(view.relations()).isEmpty();
        assertThat(recorded()).containsExactly(entry(ASTRID, null, AuditAction.VIEW, "API_LOOKUP", AuditOutcome.MASKED));
        PersonalIdentityNumber unknown = register.get(GRETA).personalIdentityNumber();
        when(rows.idOf(unknown)).thenReturn(Optional.empty());
        assertThatThrownBy(() -> gate.lookup(unknown, Purpose.API_LOOKUP)).isInstanceOf(NotFoundException.class)
                .hasMessage("Personen finns inte i registret.");
    }

    @Test
    @DisplayName("the protection level alone is told and recorded as a masked view; an unknown person is refused")
    void protectionLevelAlone() {
        assertThat(gate.protectionLevel(ASTRID)).isEqualTo(ProtectionLevel.PROTECTED_REGISTRATION);
        verify(audit).record(actor(), entry(ASTRID, null, AuditAction.VIEW, "PROTECTION_LEVEL", AuditOutcome.MASKED));
        refusesWith(PersonAction.OPEN_PERSON);
        assertThatThrownBy(() -> gate.protectionLevel(UUID.randomUUID())).isInstanceOf(AccessDenied.class);
        verify(access).require(PersonAction.OPEN_PERSON, Optional.empty());
    }

    @Test
    @DisplayName("protection and locks of many persons: level and lock per known id, unknown left out, a thousand ids per batch")
    void protectionAmongManyInBatches() {
        List<UUID> many = new ArrayList<>(List.of(ASTRID, OLLE, GRETA));
        for (int i = 0; i < 998; i++) {
            many.add(UUID.randomUUID());
        }
        Map<UUID, PersonDisclosure.ProtectionFacts> facts = gate.protectionAmong(many);
        assertThat(facts).containsOnly(Map.entry(ASTRID, new PersonDisclosure.ProtectionFacts(ProtectionLevel.PROTECTED_REGISTRATION, true)),
                Map.entry(OLLE, new PersonDisclosure.ProtectionFacts(ProtectionLevel.NONE, true)),
                Map.entry(GRETA, new PersonDisclosure.ProtectionFacts(ProtectionLevel.NONE, false)));
        verify(rows, times(2)).byIds(anyCollection());
        assertThat(gate.lockedAmong(many)).containsExactlyInAnyOrder(ASTRID, OLLE);
        verify(rows, times(4)).byIds(anyCollection());
        assertThat(gate.lockedAmong(List.of())).isEmpty();
        assertThat(gate.protectionAmong(List.of())).isEmpty();
        verify(rows, times(4)).byIds(anyCollection());
    }

    @Test
    @DisplayName("the persons linked to one, as LVS sees them before granting: masked, the level only where protected, audited as masked")
    void linkedMaskedBeforeGranting() {
        UUID gone = UUID.randomUUID();
        links.add(new PersonRows.Link(OLLE, gone, RelationKind.CONTACT_PERSON));
        List<PersonView.RelationView> linked = gate.linkedMasked(OLLE);
        assertThat(linked).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(RelationKind.RELATIVE);
            PersonalIdentityNumber number = register.get(ASTRID).personalIdentityNumber();
            assertThat(r.person()).isEqualTo(new PersonView(ASTRID, number.masked(), number.birthYear(), null, null, null, null, null, null,
                    ProtectionLevel.PROTECTED_REGISTRATION, null, null, true, true, List.of()));
        });
        assertThat(gate.linkedMasked(GRETA)).singleElement().satisfies(r -> assertThat(r.person().protectionLevel()).isNull());
        ArgumentCaptor<List<AuditEntry>> entries = ArgumentCaptor.forClass(List.class);
        verify(audit, times(2)).recordAll(eq(actor()), entries.capture());
        assertThat(entries.getAllValues().get(0)).containsExactly(entry(ASTRID, null, AuditAction.LIST, "AUTHORIZATION_PRECHECK", AuditOutcome.MASKED));
        assertThat(entries.getAllValues().get(1)).containsExactly(entry(SVEN, null, AuditAction.LIST, "AUTHORIZATION_PRECHECK", AuditOutcome.MASKED));
    }

    @Test
    @DisplayName("a new case for an unlocked person is recorded as a view for the new case")
    void newCaseForAnUnlockedPerson() {
        assertThat(gate.requireForNewCase(GRETA).firstName()).isEqualTo("Greta");
        assertThat(recorded()).containsExactly(entry(GRETA, null, AuditAction.VIEW, "NEW_CASE", AuditOutcome.ALLOWED));
        verify(access, never()).require(any(), any(Target.class));
    }

    @Test
    @DisplayName("a locked person goes on a new case only through LVS's rule, unseen; an unknown person is refused")
    void newCaseForALockedPerson() {
        PersonView astrid = gate.requireForNewCase(ASTRID);
        assertThat(astrid.masked()).isTrue();
        verify(access).require(PersonAction.NEW_CASE_UNSEEN, Target.person(ASTRID, true));
        assertThat(recorded()).containsExactly(entry(ASTRID, null, AuditAction.VIEW, "NEW_CASE", AuditOutcome.MASKED));
        refusesWith(PersonAction.NEW_CASE_UNSEEN);
        assertThatThrownBy(() -> gate.requireForNewCase(UUID.randomUUID())).isInstanceOf(AccessDenied.class);
        verify(access).require(PersonAction.NEW_CASE_UNSEEN, Optional.empty());
    }

    @Test
    @DisplayName("authorised but not confirmed, a new case asks for the PIN — unless the user is LVS, who goes on unseen")
    void newCaseAwaitingThePin() {
        authorisedFor(ASTRID);
        confirmed(false);
        when(access.has(PersonAction.NEW_CASE_UNSEEN, Target.NONE)).thenReturn(false);
        assertThatThrownBy(() -> gate.requireForNewCase(ASTRID)).isInstanceOf(StepUpRequired.class);
        verify(audit, never()).recordAll(any(), any());
        when(access.has(PersonAction.NEW_CASE_UNSEEN, Target.NONE)).thenReturn(true);
        assertThat(gate.requireForNewCase(ASTRID).masked()).isTrue();
        verify(access).require(PersonAction.NEW_CASE_UNSEEN, Target.person(ASTRID, true));
    }

    @Test
    @DisplayName("the agreed alias is shown, masked, only to staff of a unit that serves her; a user without a unit is not asked about")
    void aliasOnlyToTheServingUnit() {
        ServingUnits units = ids -> Map.of(ASTRID, Set.of(UNIT), GRETA, Set.of(UNIT), SVEN, Set.of(UNIT));
        when(servingUnits.orderedStream()).thenAnswer(call -> Stream.of(units));
        List<PersonView> views = gate.list(List.of(ASTRID, SVEN), Purpose.CASE_LIST);
        assertThat(views.get(0).masked()).isTrue();
        assertThat(views.get(0).fictitiousName()).isEqualTo("Rut Berg");
        assertThat(views.get(0).displayName()).isEqualTo("Rut Berg");
        assertThat(views.get(1).fictitiousName()).as("unlocked: her own alias field, shown in full").isEqualTo("Alias som inte gäller");

        loggedIn(Role.CASE_OFFICER, UUID.randomUUID());
        assertThat(gate.list(List.of(ASTRID), Purpose.CASE_LIST).get(0).fictitiousName()).isNull();
        loggedIn(Role.SYSTEM_SUPPORT, null);
        assertThat(gate.list(List.of(ASTRID), Purpose.CASE_LIST).get(0).displayName()).isEqualTo("Skyddad person");
        verify(servingUnits, times(2)).orderedStream();
    }

    @Test
    @DisplayName("a serving unit's answer about a person not asked for shows nothing")
    void servingUnitsAnswerOnlyForTheAsked() {
        UUID stranger = UUID.randomUUID();
        ServingUnits units = ids -> Map.of(stranger, Set.of(UNIT));
        when(servingUnits.orderedStream()).thenAnswer(call -> Stream.of(units));
        assertThat(gate.list(List.of(ASTRID), Purpose.CASE_LIST).get(0).fictitiousName()).isNull();
    }

    @Test
    @DisplayName("a person who has died is shown with the date of death")
    void dateOfDeathShown() {
        register.put(GRETA, new PersonRow(GRETA, register.get(GRETA).personalIdentityNumber(), "Greta", "Andersson", null, null, null, null,
                ProtectionLevel.NONE, null, LocalDate.of(2026, 11, 1), null));
        assertThat(gate.list(List.of(GRETA), Purpose.CASE_LIST).get(0).dateOfDeath()).isEqualTo(LocalDate.of(2026, 11, 1));
    }
}
