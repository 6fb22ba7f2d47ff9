package se.omsorgsnav.placement;

import java.time.LocalDate;
import java.util.UUID;

/** An apartment reported vacant and not allocated: what the coordinator matches the queue against (PLC-4). */
public record VacantApartment(UUID id, String home, String number, CareProfile careProfile, String remarks, LocalDate readyOn) {}
