package se.omsorgsnav.placement;

import java.time.LocalDate;

/**
 * For the case officer (PLC-9, seed 003 "Ansvarig biståndshandläggare" 3-5): an accepted place on
 * one of my cases, the move-in date, and the day by which the person's other ongoing services must
 * be closed (the working day before the execution date).
 */
public record MoveInReminder(String caseNumber, String home, LocalDate answeredOn, LocalDate moveInOn, LocalDate closeOtherServicesBy,
                             String closeOtherServicesRule, boolean due) {}
