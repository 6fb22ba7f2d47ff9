package se.omsorgsnav.person;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessDenied;
import se.omsorgsnav.access.CaseAuthorizations;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.Role;
import se.omsorgsnav.access.StepUp;
import se.omsorgsnav.access.StepUpRequired;
import se.omsorgsnav.audit.AuditAction;
import se.omsorgsnav.audit.AuditActor;
import se.omsorgsnav.audit.AuditEntry;
import se.omsorgsnav.audit.AuditLog;
import se.omsorgsnav.audit.AuditOutcome;
import se.omsorgsnav.shared.NotFoundException;
import se.omsorgsnav.shared.PersonalIdentityNumber;

/**
 * The disclosure gate: the only way person data leaves this module (see package documentation).
 * Each method decides for the current user, writes the audit events in the caller's transaction
 * (denials in their own) and returns views, never rows.
 */
@Component
public class PersonDisclosure {

    private final PersonRows rows;
    private final CaseAuthorizations authorizations;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final StepUp stepUp;

    PersonDisclosure(PersonRows rows, CaseAuthorizations authorizations, CurrentUsers users, AuditLog audit, StepUp stepUp) {
        this.stepUp = stepUp;
        this.rows = rows;
        this.authorizations = authorizations;
        this.users = users;
        this.audit = audit;
    }

    /**
     * Opens one person in full, with relations (person page, PROT-4): "Behörighet saknas" when
     * the person is locked for this user — and, alike, when there is no such person.
     */
    @Transactional
    public PersonView open(UUID personId, Purpose purpose) {
        return open(personId, null, purpose);
    }

    /** Opens the person of a case: as {@link #open(UUID, Purpose)}, with the case in the audit event. */
    @Transactional
    public PersonView open(UUID personId, UUID caseId, Purpose purpose) {
        CurrentUser user = users.current();
        Decisions decisions = decide(user, List.of(personId), true);
        PersonView person = decisions.views.isEmpty() ? null : decisions.views.get(0);
        if (decisions.awaitingStepUp.contains(personId)) {
            // Authorised, not yet confirmed with the PIN: nothing shown, nothing denied (PROT-10).
            throw new StepUpRequired();
        }
        if (person == null || person.masked()) {
            audit.recordDenial(actor(user), new AuditEntry(personId, caseId, AuditAction.VIEW, purpose.name(), AuditOutcome.DENIED));
            throw new AccessDenied();
        }
        List<AuditEntry> entries = new ArrayList<>();
        for (PersonView view : decisions.disclosed) {
            UUID viewCase = view.id().equals(personId) ? caseId : null;
            entries.add(new AuditEntry(view.id(), viewCase, AuditAction.VIEW, purpose.name(), view.masked() ? AuditOutcome.MASKED : AuditOutcome.ALLOWED));
        }
        audit.recordAll(actor(user), entries);
        return person;
    }

    /**
     * Shows persons as rows of a list: masked where locked for this user (PROT-3), in the given
     * order. A constant number of statements, whatever the length of the list.
     */
    @Transactional
    public List<PersonView> list(List<UUID> personIds, Purpose purpose) {
        CurrentUser user = users.current();
        Decisions decisions = decide(user, personIds, false);
        recordAll(user, decisions, purpose, AuditAction.LIST);
        return decisions.views;
    }

    /**
     * Shows only the persons this user may see in full; the rest are left out without a trace in
     * the answer. Only what is shown is audited.
     */
    @Transactional
    public List<PersonView> listUnlocked(List<UUID> personIds, Purpose purpose) {
        CurrentUser user = users.current();
        Decisions decisions = decide(user, personIds, false);
        List<PersonView> visible = decisions.views.stream().filter(v -> !v.masked()).toList();
        recordAll(user, new Decisions(visible, visible), purpose, AuditAction.LIST);
        return visible;
    }

    /**
     * Looks up by personnummer (API): the view this user may see, masked if locked. "Not in the
     * register" has written nothing, so it need not doom a caller's transaction (LVS's intake asks
     * before it registers).
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public PersonView lookup(PersonalIdentityNumber number, Purpose purpose) {
        CurrentUser user = users.current();
        UUID id = rows.idOf(number).orElseThrow(() -> new NotFoundException("Personen finns inte i registret."));
        Decisions decisions = decide(user, List.of(id), true);
        recordAll(user, decisions, purpose, AuditAction.VIEW);
        return decisions.views.get(0);
    }

    /**
     * The protection level alone, for rules that depend on it (how long a grant may last). It
     * tells nothing of who the person is; it is still recorded as a masked view.
     */
    @Transactional
    public ProtectionLevel protectionLevel(UUID personId) {
        PersonRow row = rows.byIds(List.of(personId)).get(personId);
        if (row == null) {
            throw new AccessDenied();
        }
        audit.record(users.actor(), new AuditEntry(personId, null, AuditAction.VIEW, "PROTECTION_LEVEL", AuditOutcome.MASKED));
        return row.protectionLevel();
    }

    /** What the access rules decide on for one person: her own protection level, and whether she is locked (PROT-3, PROT-5). */
    public record ProtectionFacts(ProtectionLevel level, boolean locked) {}

    /**
     * The protection of many persons at once, as it is today (PROT-25), for the facts of a list's
     * targets: ids in, levels and locks out, nothing of who they are. Like {@link #lockedAmong}, it
     * is covered by the audit event of the list that shows them. Unknown ids are left out.
     */
    @Transactional(readOnly = true)
    public Map<UUID, ProtectionFacts> protectionAmong(Collection<UUID> personIds) {
        Map<UUID, ProtectionFacts> facts = new java.util.HashMap<>();
        List<UUID> all = List.copyOf(new HashSet<>(personIds));
        for (int start = 0; start < all.size(); start += 1000) {
            List<UUID> chunk = all.subList(start, Math.min(all.size(), start + 1000));
            Map<UUID, PersonRow> found = rows.byIds(chunk);
            Map<UUID, Set<UUID>> protectedLinks = rows.protectedLinks(found.keySet());
            for (PersonRow row : found.values()) {
                facts.put(row.id(), new ProtectionFacts(row.protectionLevel(), isLocked(row, protectedLinks)));
            }
        }
        return facts;
    }

    /**
     * Of these persons, those locked for users without an authorisation: protected, or linked to a
     * protected person. For the log review's rule (AUD-4), which flags accesses to them; it tells
     * the reviewer nothing of who they are. Reading this is covered by the review's own audit
     * event, not one per person. A few statements per thousand persons.
     */
    @Transactional(readOnly = true)
    public Set<UUID> lockedAmong(Collection<UUID> personIds) {
        Set<UUID> locked = new HashSet<>();
        List<UUID> all = List.copyOf(personIds);
        for (int start = 0; start < all.size(); start += 1000) {
            List<UUID> chunk = all.subList(start, Math.min(all.size(), start + 1000));
            Map<UUID, PersonRow> found = rows.byIds(chunk);
            Map<UUID, Set<UUID>> protectedLinks = rows.protectedLinks(found.keySet());
            for (PersonRow row : found.values()) {
                if (isLocked(row, protectedLinks)) {
                    locked.add(row.id());
                }
            }
        }
        return locked;
    }

    /**
     * The persons linked to this one, masked whoever asks: what LVS must see before granting —
     * that these lock too (PROT-5, PROT-7) — and nothing of who they are.
     */
    @Transactional
    public List<PersonView.RelationView> linkedMasked(UUID personId) {
        List<PersonRows.Link> links = rows.linksOf(List.of(personId));
        Map<UUID, PersonRow> related = rows.byIds(links.stream().map(PersonRows.Link::relatedPersonId).toList());
        List<PersonView.RelationView> views = new ArrayList<>();
        List<AuditEntry> entries = new ArrayList<>();
        for (PersonRows.Link link : links) {
            PersonRow row = related.get(link.relatedPersonId());
            if (row != null) {
                PersonalIdentityNumber number = row.personalIdentityNumber();
                views.add(new PersonView.RelationView(link.kind(), new PersonView(row.id(), number.masked(), number.birthYear(), null, null,
                        null, null, null, null, row.protectionLevel().isProtected() ? row.protectionLevel() : null, null, null, true, true, List.of())));
                entries.add(new AuditEntry(row.id(), null, AuditAction.LIST, "AUTHORIZATION_PRECHECK", AuditOutcome.MASKED));
            }
        }
        audit.recordAll(users.actor(), entries);
        return views;
    }

    /**
     * May this user put the person on a new case? Yes if not locked, if authorised, or if the
     * user is system support with the grant right, who registers the first intake of a protected
     * person (002 §2.4). Otherwise "Behörighet saknas", audited (PROT-4).
     */
    @Transactional
    public PersonView requireForNewCase(UUID personId) {
        CurrentUser user = users.current();
        Decisions decisions = decide(user, List.of(personId), false);
        PersonView person = decisions.views.isEmpty() ? null : decisions.views.get(0);
        boolean lvs = user.is(Role.SYSTEM_SUPPORT) && user.grantRight();
        if (decisions.awaitingStepUp.contains(personId) && !lvs) {
            throw new StepUpRequired();
        }
        if (person == null || (person.masked() && !lvs)) {
            deny(user, personId, Purpose.NEW_CASE);
        }
        recordAll(user, decisions, Purpose.NEW_CASE, AuditAction.VIEW);
        return person;
    }

    private void deny(CurrentUser user, UUID personId, Purpose purpose) {
        audit.recordDenial(actor(user), new AuditEntry(personId, null, AuditAction.VIEW, purpose.name(), AuditOutcome.DENIED));
        throw new AccessDenied();
    }

    private void recordAll(CurrentUser user, Decisions decisions, Purpose purpose, AuditAction action) {
        List<AuditEntry> entries = new ArrayList<>();
        for (PersonView view : decisions.disclosed) {
            entries.add(new AuditEntry(view.id(), null, action, purpose.name(), view.masked() ? AuditOutcome.MASKED : AuditOutcome.ALLOWED));
        }
        audit.recordAll(actor(user), entries);
    }

    private AuditActor actor(CurrentUser user) {
        return user.auditActor(users.actor().clientAddress());
    }

    /**
     * The views for the asked persons (in order), every view handed out (relatives too), and the
     * locked persons the user is authorised for but must confirm with the PIN before seeing.
     */
    private record Decisions(List<PersonView> views, List<PersonView> disclosed, Set<UUID> awaitingStepUp) {

        Decisions(List<PersonView> views, List<PersonView> disclosed) {
            this(views, disclosed, Set.of());
        }
    }

    private Decisions decide(CurrentUser user, List<UUID> personIds, boolean withRelations) {
        Set<UUID> asked = new LinkedHashSet<>(personIds);
        List<PersonRows.Link> links = withRelations ? rows.linksOf(asked) : List.of();
        Set<UUID> all = new HashSet<>(asked);
        links.forEach(l -> all.add(l.relatedPersonId()));

        Map<UUID, PersonRow> found = rows.byIds(all);
        Map<UUID, Set<UUID>> protectedLinks = rows.protectedLinks(found.keySet());
        Set<UUID> candidates = new HashSet<>();
        for (PersonRow row : found.values()) {
            if (isLocked(row, protectedLinks)) {
                candidates.add(row.id());
                candidates.addAll(protectedLinks.getOrDefault(row.id(), Set.of()));
            }
        }
        Set<UUID> authorised = authorizations.authorisedPersons(user, candidates);
        boolean confirmed = authorised.isEmpty() || stepUp.satisfied();
        Set<UUID> awaitingStepUp = new HashSet<>();

        List<PersonView> views = new ArrayList<>();
        List<PersonView> disclosed = new ArrayList<>();
        for (UUID id : asked) {
            PersonRow row = found.get(id);
            if (row == null) {
                continue;
            }
            boolean authorisedForRow = isAuthorised(row.id(), protectedLinks, authorised);
            boolean masked = isLocked(row, protectedLinks) && !(authorisedForRow && confirmed);
            if (isLocked(row, protectedLinks) && authorisedForRow && !confirmed) {
                awaitingStepUp.add(row.id());
            }
            List<PersonView.RelationView> relations = new ArrayList<>();
            if (withRelations && !masked) {
                for (PersonRows.Link link : links) {
                    PersonRow related = found.get(link.relatedPersonId());
                    if (link.personId().equals(id) && related != null) {
                        boolean relatedMasked = isLocked(related, protectedLinks)
                                && !(isAuthorised(related.id(), protectedLinks, authorised) && confirmed);
                        PersonView relatedView = view(related, relatedMasked, isLocked(related, protectedLinks), List.of());
                        relations.add(new PersonView.RelationView(link.kind(), relatedView));
                        disclosed.add(relatedView);
                    }
                }
            }
            PersonView view = view(row, masked, isLocked(row, protectedLinks), relations);
            views.add(view);
            disclosed.add(view);
        }
        return new Decisions(views, disclosed, awaitingStepUp);
    }

    private static boolean isLocked(PersonRow row, Map<UUID, Set<UUID>> protectedLinks) {
        return row.protectionLevel().isProtected() || !protectedLinks.getOrDefault(row.id(), Set.of()).isEmpty();
    }

    /** Authorised for the person's own case, or for a case of a protected person it is linked to. */
    private static boolean isAuthorised(UUID personId, Map<UUID, Set<UUID>> protectedLinks, Set<UUID> authorised) {
        if (authorised.contains(personId)) {
            return true;
        }
        for (UUID linked : protectedLinks.getOrDefault(personId, Set.of())) {
            if (authorised.contains(linked)) {
                return true;
            }
        }
        return false;
    }

    private static PersonView view(PersonRow row, boolean masked, boolean locked, List<PersonView.RelationView> relations) {
        PersonalIdentityNumber number = row.personalIdentityNumber();
        if (masked) {
            return new PersonView(row.id(), number.masked(), number.birthYear(), null, null, null, null, null, null,
                    null, row.fictitiousName(), null, true, true, List.of());
        }
        return new PersonView(row.id(), number.formatted(), number.birthYear(), row.firstName(), row.lastName(),
                row.streetAddress(), row.postalCode(), row.city(), row.phone(), row.protectionLevel(),
                row.fictitiousName(), row.dateOfDeath(), false, locked, List.copyOf(relations));
    }
}
