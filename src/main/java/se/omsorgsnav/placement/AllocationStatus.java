package se.omsorgsnav.placement;

import java.util.EnumSet;
import java.util.Set;
import se.omsorgsnav.shared.ConflictException;

/**
 * Where an allocation of an apartment to a decision stands (PLC-4..PLC-7), and the only moves it
 * can make: allocated, offered, then accepted or declined; withdrawn when the person dies before
 * moving in. An accepted allocation stays accepted through the execution. Every change asks {@link #to}.
 */
public enum AllocationStatus {
    ALLOCATED, OFFERED, ACCEPTED, DECLINED, WITHDRAWN;

    /** Still to be offered or answered. */
    static final Set<AllocationStatus> OFFERING = EnumSet.of(ALLOCATED, OFFERED);

    private Set<AllocationStatus> next() {
        return switch (this) {
            case ALLOCATED -> EnumSet.of(OFFERED, WITHDRAWN);
            case OFFERED -> EnumSet.of(ACCEPTED, DECLINED, WITHDRAWN);
            case ACCEPTED -> EnumSet.of(WITHDRAWN);
            case DECLINED, WITHDRAWN -> EnumSet.noneOf(AllocationStatus.class);
        };
    }

    boolean canMoveTo(AllocationStatus target) {
        return next().contains(target);
    }

    /** The next status, or 409 in Swedish with the routine's own words for the step that is out of turn. */
    AllocationStatus to(AllocationStatus target, String swedishConflict) {
        if (!canMoveTo(target)) {
            throw new ConflictException(swedishConflict);
        }
        return target;
    }
}
