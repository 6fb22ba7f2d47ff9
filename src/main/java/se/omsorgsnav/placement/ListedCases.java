package se.omsorgsnav.placement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.CaseDirectory;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.StepUp;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.audit.AuditAction;
import se.omsorgsnav.audit.AuditEntry;
import se.omsorgsnav.audit.AuditLog;
import se.omsorgsnav.audit.AuditOutcome;

/**
 * The cases of a placement list as the reader may see them: each case's facts from the case
 * directory (number, person, unit, officer, today's lock — PROT-25), whether its placement (home,
 * apartment, dates, rent) may be shown ({@link PlacementAction#SEE_PLACEMENT}), and every listed
 * row audited as shown or masked (AUD-1). A constant number of statements whatever the list's
 * length: the directory's batch, one authorisation query, one audit batch.
 */
@Component
class ListedCases {

    private final CaseDirectory cases;
    private final AccessControl access;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final StepUp stepUp;
    private final PinPrompt prompt;

    ListedCases(CaseDirectory cases, AccessControl access, CurrentUsers users, AuditLog audit, StepUp stepUp, PinPrompt prompt) {
        this.stepUp = stepUp;
        this.prompt = prompt;
        this.cases = cases;
        this.access = access;
        this.users = users;
        this.audit = audit;
    }

    /** A list's cases: their facts, and which of them may show their placement to this reader. */
    record Listed(Map<UUID, CaseDirectory.CaseFacts> facts, Set<UUID> shown) {

        CaseDirectory.CaseFacts of(UUID caseId) {
            return facts.get(caseId);
        }

        /** The case number, or null for a case the directory does not know (the row is then left out). */
        String number(UUID caseId) {
            CaseDirectory.CaseFacts f = facts.get(caseId);
            return f == null ? null : f.number().value();
        }

        /** May the row show where the placement is: not locked, or locked with an authorisation for the case. */
        boolean shows(UUID caseId) {
            return shown.contains(caseId);
        }
    }

    /** The facts only, for rules decided per row (nothing audited: the caller audits what it shows). */
    Map<UUID, CaseDirectory.CaseFacts> facts(Collection<UUID> caseIds) {
        return cases.findAll(new LinkedHashSet<>(caseIds));
    }

    /** Decides and audits a list under the list's action: each row's person as LIST, allowed or masked. */
    Listed list(Collection<UUID> caseIds, PlacementAction listedAs) {
        Map<UUID, CaseDirectory.CaseFacts> facts = facts(caseIds);
        return decided(facts, listedAs);
    }

    /** As {@link #list}, for facts already looked up. */
    Listed decided(Map<UUID, CaseDirectory.CaseFacts> facts, PlacementAction listedAs) {
        List<Target> targets = new ArrayList<>();
        Map<UUID, Target> byCase = new HashMap<>();
        facts.values().forEach(f -> {
            Target t = Target.ofCase(f);
            targets.add(t);
            byCase.put(f.caseId(), t);
        });
        Map<Target, Boolean> decided = access.decideAll(PlacementAction.SEE_PLACEMENT, targets);
        Set<UUID> shown = new java.util.HashSet<>();
        List<AuditEntry> entries = new ArrayList<>();
        for (CaseDirectory.CaseFacts f : facts.values()) {
            boolean show = Boolean.TRUE.equals(decided.get(byCase.get(f.caseId())));
            if (show) {
                shown.add(f.caseId());
            }
            entries.add(new AuditEntry(f.personId(), f.caseId(), AuditAction.LIST, listedAs.name(),
                    show ? AuditOutcome.ALLOWED : AuditOutcome.MASKED));
        }
        audit.recordAll(users.actor(), entries);
        awaitingPin(facts.values().stream().filter(f -> !shown.contains(f.caseId())).toList());
        return new Listed(facts, shown);
    }

    /**
     * Rows masked although the reader holds an authorisation for their case, only because she has
     * not confirmed with the PIN lately (PROT-10): the page then says so ({@link PinPrompt}) rather
     * than masking them silently. Fail-closed all the same: nothing more is shown. One statement, and
     * only when there are masked locked rows and no recent confirmation.
     */
    void awaitingPin(Collection<CaseDirectory.CaseFacts> masked) {
        List<Target> locked = masked.stream().filter(CaseDirectory.CaseFacts::locked).map(Target::ofCase).toList();
        if (locked.isEmpty() || stepUp.satisfied()) {
            return;
        }
        if (access.decideAll(PlacementAction.SEE_PLACEMENT_AFTER_PIN, locked).containsValue(Boolean.TRUE)) {
            prompt.note();
        }
    }
}
