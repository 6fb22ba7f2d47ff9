package se.omsorgsnav.placement;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A booked respite place: the home, the dates and the case number — never a name (PLC-11). For a
 * protected person, to a reader without an authorisation for her case, only the case number
 * ({@code masked}): the home, the dates and who booked it would say where she stays.
 */
public record RespiteBooking(UUID id, String home, String caseNumber, LocalDate fromDate, LocalDate toDate, String bookedBy, boolean masked) {}
