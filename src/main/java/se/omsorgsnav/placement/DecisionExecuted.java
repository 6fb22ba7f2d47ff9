package se.omsorgsnav.placement;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The decision was executed: the person lives at the home from the move-in (PLC-8). Published
 * inside the executing transaction; the case officer's other services end before it (PLC-9).
 */
public record DecisionExecuted(UUID decisionId, UUID caseId, UUID apartmentId, LocalDate moveInOn, LocalDate executedOn, boolean late) {}
