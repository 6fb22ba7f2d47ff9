package se.omsorgsnav.access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import se.omsorgsnav.audit.AuditEntry;
import se.omsorgsnav.audit.AuditLog;
import se.omsorgsnav.audit.AuditOutcome;

/**
 * The one access decision (DESIGN.md, "One access catalogue"): every action on personal data is a
 * named {@link Action} of a module's catalogue, and this answers the four questions about it.
 * <ul>
 * <li>{@link #require}: may the user do it? If not, the denial is audited in a transaction of its
 * own under the action's name — so no rollback after it can erase it — and "Behörighet saknas" is
 * thrown; if the PIN is still to be confirmed, {@link StepUpRequired}. An allowed action on a
 * person or case is audited in the caller's transaction, atomic with what it does.</li>
 * <li>{@link #has}: the same decision as a boolean, to shape an answer; nothing audited.</li>
 * <li>{@link #filter}: the rule for a whole list, as a SQL predicate or over loaded rows in one
 * authorisation query, so that a list holds only permitted rows.</li>
 * <li>{@link #permitted}: which actions of a catalogue a page may offer as buttons (the server
 * asks {@code require} again when one is pressed).</li>
 * </ul>
 * Denied and non-existent are alike: {@link #require(Action, Optional)} denies an absent target
 * with the same answer and the same kind of audit event.
 */
@Component
public class AccessControl {

    private final CurrentUsers users;
    private final CaseAuthorizations authorizations;
    private final StepUp stepUp;
    private final AuditLog audit;
    private final Clock clock;
    /** A denial is written in a transaction of its own, before the exception rolls the caller's back (PROT-4, PROT-24). */
    private final TransactionTemplate separately;

    AccessControl(CurrentUsers users, CaseAuthorizations authorizations, StepUp stepUp, AuditLog audit, Clock clock,
                  PlatformTransactionManager transactions) {
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.users = users;
        this.authorizations = authorizations;
        this.stepUp = stepUp;
        this.audit = audit;
        this.clock = clock;
    }

    /** The user may do this to the target, or "Behörighet saknas" (audited as denied). Allowed is audited too. */
    @Transactional
    public CurrentUser require(Action action, Target target) {
        CurrentUser user = users.find().orElse(null);
        Facts facts = new Facts(user, authorizations, stepUp);
        Rule.Verdict verdict = action.rule().decide(facts, target);
        if (verdict == Rule.Verdict.STEP_UP) {
            // Authorised, not yet confirmed with the PIN: nothing shown, nothing denied (PROT-10).
            throw new StepUpRequired();
        }
        if (verdict != Rule.Verdict.ALLOWED) {
            deny(user, action, target);
        }
        if (target.personal()) {
            audit.record(users.actor(), entry(action, target, AuditOutcome.ALLOWED));
        }
        return user;
    }

    /** As {@link #require(Action, Target)}; an absent target is denied exactly like a forbidden one. */
    @Transactional
    public CurrentUser require(Action action, Optional<Target> target) {
        if (target.isEmpty()) {
            deny(users.find().orElse(null), action, Target.NONE);
        }
        return require(action, target.get());
    }

    /** May the user do it? No audit: for shaping an answer, never instead of {@link #require} before acting. */
    public boolean has(Action action, Target target) {
        return action.rule().decide(new Facts(users.find().orElse(null), authorizations, stepUp), target) == Rule.Verdict.ALLOWED;
    }

    /** Of these items, those the user may do the action to, in order; one authorisation query for the whole list. */
    public <T> List<T> filter(Action action, List<T> items, Function<T, Target> target) {
        Facts facts = new Facts(users.find().orElse(null), authorizations, stepUp);
        if (facts.user() == null) {
            return List.of();
        }
        facts.preload(items.stream().map(target).toList());
        List<T> permitted = new ArrayList<>(items.size());
        for (T item : items) {
            if (action.rule().decide(facts, target.apply(item)) == Rule.Verdict.ALLOWED) {
                permitted.add(item);
            }
        }
        return permitted;
    }

    /** The action's rule as a SQL predicate over a list's rows; bind its parameters by name. */
    public RowFilter filter(Action action, RowFilter.Columns columns) {
        CurrentUser user = users.find().orElse(null);
        if (user == null) {
            return new RowFilter("1 = 0", Map.of());
        }
        Facts facts = new Facts(user, authorizations, stepUp);
        Map<String, Object> params = new HashMap<>();
        params.put("ac_user", user.id());
        params.put("ac_today", LocalDate.now(clock));
        if (user.unitId() != null) {
            params.put("ac_unit", user.unitId());
        }
        return new RowFilter(action.rule().sql(columns, facts), Map.copyOf(params));
    }

    /** The actions of this catalogue the user may do to the target: the buttons a page offers. */
    public <A extends Enum<A> & Action> Set<A> permitted(Class<A> catalogue, Target target) {
        Facts facts = new Facts(users.find().orElse(null), authorizations, stepUp);
        Set<A> permitted = EnumSet.noneOf(catalogue);
        if (facts.user() == null) {
            return permitted;
        }
        for (A action : catalogue.getEnumConstants()) {
            if (action.rule().decide(facts, target) == Rule.Verdict.ALLOWED) {
                permitted.add(action);
            }
        }
        return permitted;
    }

    /** For the pages of one's own work: what the rule says for a target whose facts the page has for each row. */
    public Map<Target, Boolean> decideAll(Action action, List<Target> targets) {
        Facts facts = new Facts(users.find().orElse(null), authorizations, stepUp);
        Map<Target, Boolean> decided = new HashMap<>();
        if (facts.user() == null) {
            targets.forEach(t -> decided.put(t, false));
            return decided;
        }
        facts.preload(targets);
        targets.forEach(t -> decided.put(t, action.rule().decide(facts, t) == Rule.Verdict.ALLOWED));
        return decided;
    }

    /**
     * A refusal that is not "Behörighet saknas" but must still be on record, whatever the caller's
     * transaction does next: a wrong PIN, a grant to a fee officer (PROT-9). Audited as denied in a
     * transaction of its own; the caller throws its own answer.
     */
    public void recordRefusal(Action action, Target target) {
        if (users.find().isPresent()) {
            recordDenied(action, target);
        }
    }

    private void deny(CurrentUser user, Action action, Target target) {
        if (user != null) {
            recordDenied(action, target);
        }
        throw new AccessDenied();
    }

    private void recordDenied(Action action, Target target) {
        var actor = users.actor();
        separately.executeWithoutResult(tx -> audit.recordAll(actor, List.of(entry(action, target, AuditOutcome.DENIED))));
    }

    private static AuditEntry entry(Action action, Target target, AuditOutcome outcome) {
        return new AuditEntry(target.personId(), target.caseId(), action.audited(), action.name(), outcome);
    }
}
