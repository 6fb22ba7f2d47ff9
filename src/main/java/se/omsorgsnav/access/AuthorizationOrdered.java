package se.omsorgsnav.access;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A unit manager ordered access to a protected case (PROT-8, 002 §2.2), published inside the
 * ordering transaction: the order reaches LVS as a message of type ACCESS_ORDER in the same commit,
 * so the order and its message are never one without the other. The staff member is a colleague,
 * named as the routine asks; the person of the case is never in it, only the case number.
 */
public record AuthorizationOrdered(UUID requestId, String caseNumber, AuthorizationRequestView.Kind kind, String staffFullName,
                                   String staffUsername, String staffEmail, LocalDate validFrom, LocalDate validTo, String reason) {}
