package se.omsorgsnav.placement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An apartment as its home's list shows it, with the latest vacancy if one is open or coming. */
public record ApartmentView(UUID id, String number, CareProfile careProfile, String remarks, BigDecimal monthlyRent, int version,
                            LocalDate vacantFrom, String vacancyReason) {}
