package se.omsorgsnav.placement;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The person answered an offer (PLC-6, PLC-7), inside the transaction that recorded it. On
 * acceptance the move-in date and the day the rent runs from; on decline both are null.
 */
public record OfferAnswered(UUID allocationId, UUID decisionId, UUID caseId, boolean accepted, LocalDate answeredOn, LocalDate moveInOn,
                            LocalDate rentFrom) {}
