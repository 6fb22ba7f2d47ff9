package se.omsorgsnav.person;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.Action;
import se.omsorgsnav.access.CaseAuthorizations;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
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

/**
 * The disclosure gate: the only way person data leaves this module (see package documentation).
 * Each method decides for the current user, writes the audit events in the caller's transaction
 * and returns views, never rows. A refusal goes through {@link AccessControl#require}, which audits
 * it in a transaction of its own under the action's name.
 */
@Component
public class PersonDisclosure {

    private final PersonRows rows;
    private final CaseAuthorizations authorizations;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final StepUp stepUp;
    private final AccessControl access;
    private final ObjectProvider<ServingUnits> servingUnits;

    PersonDisclosure(PersonRows rows, CaseAuthorizations authorizations, CurrentUsers users, AuditLog audit, StepUp stepUp,
                     AccessControl access, ObjectProvider<ServingUnits> servingUnits) {
        this.stepUp = stepUp;
        this.access = access;
        this.servingUnits = servingUnits;
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
        return open(personId, caseId, purpose, PersonAction.OPEN_PERSON);
    }

    /**
     * As {@link #open(UUID, UUID, Purpose)}, with the caller's action named in the audit event of a
     * refusal (its rule must refuse whom the gate refuses: a valid authorisation for the person or
     * case, as {@code Rule.authorisedIfLocked()}).
     */
    @Transactional
    public PersonView open(UUID personId, UUID caseId, Purpose purpose, Action refusal) {
        CurrentUser user = users.current();
        Decisions decisions = decide(user, List.of(personId), true);
        PersonView person = decisions.views.isEmpty() ? null : decisions.views.get(0);
        if (decisions.awaitingStepUp.contains(personId)) {
            // Authorised, not yet confirmed with the PIN: nothing shown, nothing denied (PROT-10).
            throw new StepUpRequired();
        }
        if (person == null || person.masked()) {
            refuse(refusal, personId, caseId);
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
            // An unknown person is refused like a forbidden one (PROT-24).
            access.require(PersonAction.OPEN_PERSON, Optional.empty());
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
        if (person == null) {
            access.require(PersonAction.NEW_CASE_UNSEEN, Optional.empty());
        }
        if (person.masked()) {
            if (decisions.awaitingStepUp.contains(personId) && !access.has(PersonAction.NEW_CASE_UNSEEN, Target.NONE)) {
                throw new StepUpRequired();
            }
            // Locked for this user: only LVS with the grant right goes on, without seeing her (audited); anyone else is refused.
            access.require(PersonAction.NEW_CASE_UNSEEN, Target.person(personId, true));
        }
        recordAll(user, decisions, Purpose.NEW_CASE, AuditAction.VIEW);
        return person;
    }

    /**
     * The gate has decided that the person is locked for this user, or does not exist: "Behörighet
     * saknas", audited by access control under the action's name. The action's rule refuses too —
     * the user holds no valid authorisation for the person or the case — so the second call, which
     * refuses whatever the rule says, is never reached; it keeps the gate closed should they differ.
     */
    private void refuse(Action action, UUID personId, UUID caseId) {
        access.require(action, Target.ofCase(caseId, personId, null, null, true));
        access.require(action, Optional.empty());
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
        Set<UUID> withAlias = new HashSet<>();
        for (PersonRow row : found.values()) {
            if (isLocked(row, protectedLinks)) {
                candidates.add(row.id());
                if (!row.protectionLevel().isProtected()) {
                    candidates.addAll(protectedLinks.getOrDefault(row.id(), Set.of()));
                }
                if (row.fictitiousName() != null) {
                    withAlias.add(row.id());
                }
            }
        }
        Set<UUID> authorised = authorizations.authorisedPersons(user, candidates);
        boolean confirmed = authorised.isEmpty() || stepUp.satisfied();
        Set<UUID> awaitingStepUp = new HashSet<>();
        Set<UUID> aliasShown = servedByUsersUnit(user, withAlias);

        List<PersonView> views = new ArrayList<>();
        List<PersonView> disclosed = new ArrayList<>();
        for (UUID id : asked) {
            PersonRow row = found.get(id);
            if (row == null) {
                continue;
            }
            boolean authorisedForRow = isAuthorised(row, protectedLinks, authorised);
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
                                && !(isAuthorised(related, protectedLinks, authorised) && confirmed);
                        PersonView relatedView = view(related, relatedMasked, isLocked(related, protectedLinks), aliasShown.contains(related.id()),
                                List.of());
                        relations.add(new PersonView.RelationView(link.kind(), relatedView));
                        disclosed.add(relatedView);
                    }
                }
            }
            PersonView view = view(row, masked, isLocked(row, protectedLinks), aliasShown.contains(row.id()), relations);
            views.add(view);
            disclosed.add(view);
        }
        return new Decisions(views, disclosed, awaitingStepUp);
    }

    private static boolean isLocked(PersonRow row, Map<UUID, Set<UUID>> protectedLinks) {
        return row.protectionLevel().isProtected() || !protectedLinks.getOrDefault(row.id(), Set.of()).isEmpty();
    }

    /**
     * Authorised for the person's own case; or, for a person locked only by a link, for a case of a
     * protected person she is linked to (PROT-5). A person with protection of her own opens only
     * through her own case: a linked protected person never unlocks her (PROT-25).
     */
    private static boolean isAuthorised(PersonRow row, Map<UUID, Set<UUID>> protectedLinks, Set<UUID> authorised) {
        if (authorised.contains(row.id())) {
            return true;
        }
        if (row.protectionLevel().isProtected()) {
            return false;
        }
        for (UUID linked : protectedLinks.getOrDefault(row.id(), Set.of())) {
            if (authorised.contains(linked)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Of these locked persons with an agreed alias, those served by the user's own unit: the alias
     * is shown, masked, to staff of the performing unit only (PROT-13). One batch per implementation
     * of {@link ServingUnits}; none answering shows no alias.
     */
    private Set<UUID> servedByUsersUnit(CurrentUser user, Set<UUID> withAlias) {
        if (withAlias.isEmpty() || user.unitId() == null) {
            return Set.of();
        }
        Set<UUID> served = new HashSet<>();
        servingUnits.orderedStream().forEach(units -> units.servingUnitsOf(withAlias).forEach((person, unitIds) -> {
            if (withAlias.contains(person) && unitIds.contains(user.unitId())) {
                served.add(person);
            }
        }));
        return served;
    }

    private static PersonView view(PersonRow row, boolean masked, boolean locked, boolean aliasShown, List<PersonView.RelationView> relations) {
        PersonalIdentityNumber number = row.personalIdentityNumber();
        if (masked) {
            return new PersonView(row.id(), number.masked(), number.birthYear(), null, null, null, null, null, null,
                    null, aliasShown ? row.fictitiousName() : null, null, true, true, List.of());
        }
        return new PersonView(row.id(), number.formatted(), number.birthYear(), row.firstName(), row.lastName(),
                row.streetAddress(), row.postalCode(), row.city(), row.phone(), row.protectionLevel(),
                row.fictitiousName(), row.dateOfDeath(), false, locked, List.copyOf(relations));
    }
}
