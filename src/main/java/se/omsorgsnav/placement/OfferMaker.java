package se.omsorgsnav.placement;

import se.omsorgsnav.access.Role;

/**
 * Who was agreed to make the offer (PLC-11), as stored on the allocation: the home's unit manager,
 * or for a protected person a placement coordinator or the case's officer. The role is the fact
 * the rule {@code agreedMaker} decides on.
 */
public enum OfferMaker {
    UNIT_MANAGER(Role.UNIT_MANAGER), COORDINATOR(Role.PLACEMENT_COORDINATOR), CASE_OFFICER(Role.CASE_OFFICER);

    private final Role role;

    OfferMaker(Role role) {
        this.role = role;
    }

    Role role() {
        return role;
    }
}
