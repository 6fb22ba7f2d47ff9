package se.omsorgsnav.placement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A reported vacancy as the home's list shows it: no person, only the case number of the tenant
 * who died or moved out. {@code dueOn} and {@code dueRule} say by when it had to be reported and
 * why; {@code late} whether it was reported after that.
 */
public record VacancyView(UUID id, String apartment, VacancyReason reason, LocalDate eventDate, LocalDate readyOn, String caseNumber,
                          LocalDate dueOn, String dueRule, boolean late, OffsetDateTime reportedAt, String reportedBy, UUID messageId) {}
