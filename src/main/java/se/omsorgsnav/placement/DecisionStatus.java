package se.omsorgsnav.placement;

import java.util.EnumSet;
import java.util.Set;
import se.omsorgsnav.shared.ConflictException;

/**
 * Where a nursing-home decision stands in the routine (seed 003), and the only moves it can make:
 * queued until an apartment is allocated, offered, accepted (back to the queue on a decline),
 * executed; withdrawn when the person dies. Every change of a decision's status asks {@link #to}.
 */
public enum DecisionStatus {
    QUEUED, ALLOCATED, OFFERED, ACCEPTED, EXECUTED, WITHDRAWN;

    /** Still in the routine: not executed, not withdrawn. */
    static final Set<DecisionStatus> OPEN = EnumSet.of(QUEUED, ALLOCATED, OFFERED, ACCEPTED);

    /** Placed: after the move-in was accepted. */
    static final Set<DecisionStatus> PLACED = EnumSet.of(ACCEPTED, EXECUTED);

    private Set<DecisionStatus> next() {
        return switch (this) {
            case QUEUED -> EnumSet.of(ALLOCATED, WITHDRAWN);
            case ALLOCATED -> EnumSet.of(OFFERED, WITHDRAWN);
            case OFFERED -> EnumSet.of(ACCEPTED, QUEUED, WITHDRAWN);
            case ACCEPTED -> EnumSet.of(EXECUTED, WITHDRAWN);
            case EXECUTED, WITHDRAWN -> EnumSet.noneOf(DecisionStatus.class);
        };
    }

    boolean canMoveTo(DecisionStatus target) {
        return next().contains(target);
    }

    /** The next status, or 409 in Swedish for a move the routine does not allow. */
    DecisionStatus to(DecisionStatus target) {
        if (!canMoveTo(target)) {
            throw new ConflictException("Beslutet kan inte ändras så i det läge det har nu. Ladda om sidan.");
        }
        return target;
    }

    /** For SQL: {@code status in (...)}. */
    static String in(Set<DecisionStatus> statuses) {
        return statuses.stream().map(s -> "'" + s.name() + "'").sorted().collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }
}
