package se.omsorgsnav.person;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which units perform a person's services today — the home-care area, the nursing home — asked by
 * the gate to decide who is shown a locked person's agreed alias (PROT-13, 002 §7.5: the alias is
 * for the door, the folder and the schedule, so staff of the performing unit use it; nobody else is
 * shown it, so that a personnummer never leads to the alias on her door). The person module knows
 * nothing of services: the modules that do (placement's tenancies, later orders and execution)
 * implement this. With no implementation answering for a person, nobody without an authorisation
 * is shown her alias (fail closed).
 */
public interface ServingUnits {

    /**
     * For each of these persons, the ids of the units that perform her services today; a person
     * served by none may be left out. One batch for a whole list: a constant number of statements.
     */
    Map<UUID, Set<UUID>> servingUnitsOf(Collection<UUID> personIds);
}
