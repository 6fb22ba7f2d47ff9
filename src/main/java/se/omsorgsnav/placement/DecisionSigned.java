package se.omsorgsnav.placement;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A case officer signed a decision for a nursing-home place (PLC-1), published inside the signing
 * transaction. Keys and the case number only: whoever reacts reads the person through the gate.
 */
public record DecisionSigned(UUID decisionId, UUID caseId, String caseNumber, CareProfile careProfile, LocalDate decidedOn) {}
