package se.omsorgsnav.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.AccessDenied;
import se.omsorgsnav.access.RowFilter;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.PersonalIdentityNumber;
import se.omsorgsnav.support.DemoUsers;

/**
 * The person module's other decisions over given register rows (no database): whether a text names
 * a locked person (MSG-8's check), lokalt skydd's limits, and how a search is routed and limited.
 */
class ProtectionDecisionTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 18);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-18T09:00:00Z"), ZoneId.of("Europe/Stockholm"));
    private static final UUID ASTRID = UUID.randomUUID();
    private static final UUID OLLE = UUID.randomUUID();
    private static final UUID GRETA = UUID.randomUUID();

    private final PersonRows rows = mock(PersonRows.class);
    private final AccessControl access = mock(AccessControl.class);
    private final Map<UUID, PersonRow> register = new HashMap<>();
    private final Map<UUID, Set<UUID>> protectedLinks = new HashMap<>();
    private final List<PersonRows.Link> links = new ArrayList<>();

    private static PersonRow row(UUID id, String first, String last, ProtectionLevel level) {
        return new PersonRow(id, PersonalIdentityNumber.fromCanonical(DemoUsers.ORDINARY_PIN.replace("-", "")), first, last, null, null,
                null, null, level, null, null, null);
    }

    @BeforeEach
    void register() {
        register.put(ASTRID, row(ASTRID, "Åsa-Karin", "Karlsson", ProtectionLevel.PROTECTED_REGISTRATION));
        register.put(OLLE, row(OLLE, "Olle", "B", ProtectionLevel.NONE));
        register.put(GRETA, row(GRETA, "Greta", "Andersson", ProtectionLevel.NONE));
        links.add(new PersonRows.Link(ASTRID, OLLE, RelationKind.RELATIVE));
        links.add(new PersonRows.Link(OLLE, ASTRID, RelationKind.RELATIVE));
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
    }

    // ---- whether a text names a locked person ---------------------------------------------------

    @Test
    @DisplayName("a protected person's name parts match as whole words in any case; Swedish letters fold as Swedish")
    void protectedNameMatchesWholeWords() {
        ProtectedNames names = new ProtectedNames(rows);
        assertThat(names.appearIn(ASTRID, List.of("Hej ÅSA, välkommen"))).isTrue();
        assertThat(names.appearIn(ASTRID, List.of("karin ringer"))).isTrue();
        assertThat(names.appearIn(ASTRID, List.of("Till familjen KARLSSON."))).isTrue();
        assertThat(names.appearIn(ASTRID, List.of("Karlssons bil"))).as("part of a longer word").isFalse();
        assertThat(names.appearIn(ASTRID, List.of("Masaru"))).isFalse();
        assertThat(names.appearIn(ASTRID, List.of("Åsa2"))).as("a digit joins the word").isFalse();
        assertThat(names.appearIn(ASTRID, Arrays.asList(null, "", "inget namn här", "åsa"))).as("any text of several").isTrue();
    }

    @Test
    @DisplayName("the names of the persons linked to a locked person count too, but single letters are not names")
    void linkedNamesCountSingleLettersDoNot() {
        ProtectedNames names = new ProtectedNames(rows);
        assertThat(names.appearIn(ASTRID, List.of("Olle kommer"))).isTrue();
        assertThat(names.appearIn(OLLE, List.of("Åsa kommer"))).as("Olle is locked by Astrid").isTrue();
        assertThat(names.appearIn(OLLE, List.of("B är här"))).as("'B' is one letter").isFalse();
    }

    @Test
    @DisplayName("for a person who is not locked, unknown, or blank texts the answer is no, without reading names")
    void noForUnlockedUnknownOrBlank() {
        ProtectedNames names = new ProtectedNames(rows);
        assertThat(names.appearIn(GRETA, List.of("Greta Andersson"))).isFalse();
        assertThat(names.appearIn(UUID.randomUUID(), List.of("Greta"))).isFalse();
        assertThat(names.appearIn(ASTRID, Arrays.asList(null, "  ", ""))).isFalse();
        assertThat(names.appearIn(ASTRID, List.of())).isFalse();
        verify(rows, never()).linksOf(anyCollection());
    }

    @Test
    @DisplayName("a two-letter name part is a name")
    void twoLettersAreAName() {
        register.put(ASTRID, row(ASTRID, "Bo", "Ek", ProtectionLevel.PROTECTED_REGISTRATION));
        ProtectedNames names = new ProtectedNames(rows);
        assertThat(names.appearIn(ASTRID, List.of("hej bo"))).isTrue();
        assertThat(names.appearIn(ASTRID, List.of("EK"))).isTrue();
    }

    @Test
    @DisplayName("a name with regular-expression characters is matched as text")
    void namesAreQuoted() {
        register.put(ASTRID, row(ASTRID, "A.b", null, ProtectionLevel.LOCAL_PROTECTION));
        ProtectedNames names = new ProtectedNames(rows);
        assertThat(names.appearIn(ASTRID, List.of("axb"))).isFalse();
        assertThat(names.appearIn(ASTRID, List.of("hej a.b"))).isTrue();
    }

    // ---- lokalt skydd ---------------------------------------------------------------------------

    @Test
    @DisplayName("lokalt skydd is decided through a day after today and before three months from today, for a person the rule allows")
    void localProtectionWithinThreeMonths() {
        PersonProtection protection = new PersonProtection(rows, access, CLOCK);
        protection.decideLocalProtection(GRETA, TODAY.plusDays(1));
        verify(access).require(PersonAction.LOCAL_PROTECTION, Optional.of(Target.person(GRETA, true)));
        verify(rows).setLocalProtection(GRETA, TODAY.plusDays(1));
        protection.decideLocalProtection(GRETA, TODAY.plusMonths(3).minusDays(1));
        verify(rows).setLocalProtection(GRETA, TODAY.plusMonths(3).minusDays(1));
        register.put(GRETA, row(GRETA, "Greta", "Andersson", ProtectionLevel.LOCAL_PROTECTION));
        protection.decideLocalProtection(GRETA, TODAY.plusDays(10));
        verify(rows).setLocalProtection(GRETA, TODAY.plusDays(10));
    }

    @Test
    @DisplayName("lokalt skydd refuses no day, today, the past, three months or more, and a person Skatteverket already protects")
    void localProtectionLimits() {
        PersonProtection protection = new PersonProtection(rows, access, CLOCK);
        assertThatThrownBy(() -> protection.decideLocalProtection(GRETA, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("efter i dag");
        assertThatThrownBy(() -> protection.decideLocalProtection(GRETA, TODAY)).hasMessageContaining("efter i dag");
        assertThatThrownBy(() -> protection.decideLocalProtection(GRETA, TODAY.minusDays(1))).hasMessageContaining("efter i dag");
        assertThatThrownBy(() -> protection.decideLocalProtection(GRETA, TODAY.plusMonths(3))).hasMessageContaining("tre månader");
        assertThatThrownBy(() -> protection.decideLocalProtection(ASTRID, TODAY.plusDays(1))).hasMessageContaining("redan skyddade");
        register.put(OLLE, row(OLLE, "Olle", "B", ProtectionLevel.CONFIDENTIALITY_MARKING));
        assertThatThrownBy(() -> protection.decideLocalProtection(OLLE, TODAY.plusDays(1))).hasMessageContaining("redan skyddade");
        verify(rows, never()).setLocalProtection(any(), any());
    }

    @Test
    @DisplayName("lokalt skydd for a person who does not exist is refused like a forbidden one")
    void localProtectionForNobody() {
        doThrow(new AccessDenied()).when(access).require(eq(PersonAction.LOCAL_PROTECTION), eq(Optional.empty()));
        PersonProtection protection = new PersonProtection(rows, access, CLOCK);
        assertThatThrownBy(() -> protection.decideLocalProtection(UUID.randomUUID(), TODAY.plusDays(1))).isInstanceOf(AccessDenied.class);
        verify(rows, never()).setLocalProtection(any(), any());
    }

    // ---- search ---------------------------------------------------------------------------------

    private PersonSearch search(PersonDisclosure gate) {
        when(access.filter(eq(PersonAction.OPEN_PERSON), any(RowFilter.Columns.class))).thenReturn(new RowFilter("1 = 1", Map.of()));
        return new PersonSearch(rows, gate, CLOCK, access);
    }

    @Test
    @DisplayName("a search by personnummer shows the one hit through the gate's list, masked if locked; a number not registered finds nothing")
    void searchByNumber() {
        PersonDisclosure gate = mock(PersonDisclosure.class);
        PersonSearch search = search(gate);
        PersonalIdentityNumber number = PersonalIdentityNumber.parse(DemoUsers.PROTECTED_PIN, TODAY);
        when(rows.idOf(number)).thenReturn(Optional.of(ASTRID));
        PersonView masked = new PersonView(ASTRID, number.masked(), number.birthYear(), null, null, null, null, null, null, null, null, null,
                true, true, List.of());
        when(gate.list(List.of(ASTRID), Purpose.SEARCH)).thenReturn(List.of(masked));
        assertThat(search.search("  " + DemoUsers.PROTECTED_PIN + " ")).containsExactly(masked);
        when(rows.idOf(number)).thenReturn(Optional.empty());
        assertThat(search.search(DemoUsers.PROTECTED_PIN)).isEmpty();
        verify(rows, never()).idsByName(any(), anyInt(), any());
    }

    @Test
    @DisplayName("a search by name asks the register for the permitted rows only, at most fifty, and shows them unlocked through the gate")
    void searchByName() {
        PersonDisclosure gate = mock(PersonDisclosure.class);
        PersonSearch search = search(gate);
        when(rows.idsByName(any(), anyInt(), any())).thenReturn(List.of(GRETA));
        PersonView greta = new PersonView(GRETA, "x", 1938, "Greta", "Andersson", null, null, null, null, ProtectionLevel.NONE, null, null,
                false, false, List.of());
        when(gate.listUnlocked(List.of(GRETA), Purpose.SEARCH)).thenReturn(List.of(greta));
        assertThat(search.search("Greta And")).containsExactly(greta);
        ArgumentCaptor<PersonRows.Permitted> permitted = ArgumentCaptor.forClass(PersonRows.Permitted.class);
        verify(rows).idsByName(eq(NameSearch.terms("Greta And")), eq(50), permitted.capture());
        assertThat(permitted.getValue().own().sql()).isEqualTo("1 = 1");
        ArgumentCaptor<RowFilter.Columns> columns = ArgumentCaptor.forClass(RowFilter.Columns.class);
        verify(access, org.mockito.Mockito.times(2)).filter(eq(PersonAction.OPEN_PERSON), columns.capture());
        assertThat(columns.getAllValues()).extracting(RowFilter.Columns::personId).containsExactly("p.id", "lq.id");
        assertThat(columns.getAllValues()).extracting(RowFilter.Columns::locked).containsExactly(PersonRows.LOCKED, "1 = 1");
        verify(gate).listUnlocked(List.of(GRETA), Purpose.SEARCH);
        // five digits are a name search, six a number
        when(rows.idsByName(any(), anyInt(), any())).thenReturn(List.of());
        search.search("Greta 12345");
        verify(rows, never()).idOf(any());
    }

    @Test
    @DisplayName("six digits are read as a personnummer, and one that is not valid is answered as such, not searched as a name")
    void sixDigitsAreANumber() {
        PersonSearch search = search(mock(PersonDisclosure.class));
        assertThatThrownBy(() -> search.search("123456")).isInstanceOf(InvalidInputException.class);
        verify(rows, never()).idsByName(any(), anyInt(), any());
    }

    @Test
    @DisplayName("an empty search, or one of no usable term, asks for a number or a name")
    void emptySearchIsRefused() {
        PersonSearch search = search(mock(PersonDisclosure.class));
        assertThatThrownBy(() -> search.search(null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("Skriv ett personnummer");
        assertThatThrownBy(() -> search.search("   ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> search.search(",,")).isInstanceOf(InvalidInputException.class).hasMessageContaining("Skriv ett personnummer");
        verifyNoInteractions(access);
    }
}
