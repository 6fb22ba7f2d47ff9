package se.omsorgsnav.person;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A date of death was recorded in the register (REG-2), published inside that transaction and
 * handled by other modules after commit: placement takes the person out of the queue and asks the
 * home to report the apartment (PLC-3). The person's id only: whoever reacts reads what it needs
 * through the gate or by its own keys, never a name carried in an event.
 */
public record PersonDied(UUID personId, LocalDate dateOfDeath) {}
