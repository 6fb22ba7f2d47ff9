package se.omsorgsnav.placement;

import java.time.LocalDate;
import java.util.UUID;

/** A booked respite place: the home, the dates and the case number — never a name (PLC-11). */
public record RespiteBooking(UUID id, String home, String caseNumber, LocalDate fromDate, LocalDate toDate, String bookedBy) {}
