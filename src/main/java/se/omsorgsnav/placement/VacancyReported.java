package se.omsorgsnav.placement;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A home reported an apartment free or out for renovation (PLC-3), inside the reporting
 * transaction. The departing tenant's case, if any, by id: billing stops the rent from it.
 */
public record VacancyReported(UUID vacancyId, UUID apartmentId, UUID homeId, VacancyReason reason, LocalDate eventDate, LocalDate readyOn,
                              UUID tenantCaseId, boolean late) {}
