package se.omsorgsnav.placement;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A current tenant of my home's apartment, by case number. After the register recorded the death,
 * the day the vacancy must be reported by, with its rule, and whether that day has passed (PLC-3);
 * and the welcome conversation, once held (seed 003 "Enhetschef" 11). A protected tenant, to staff
 * without an authorisation for her case, is {@code masked}: apartment, case number and the report
 * owed after her death only.
 */
public record Tenant(UUID id, UUID apartmentId, String apartment, String caseNumber, LocalDate movedInOn, LocalDate diedOn,
                     LocalDate reportDueOn, String reportDueRule, boolean overdue, LocalDate welcomeTalkOn, String welcomeTalkWith, boolean masked) {}
