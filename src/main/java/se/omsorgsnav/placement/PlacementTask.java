package se.omsorgsnav.placement;

import java.time.LocalDate;

/** Something a role must do in the placement routine, with its deadline when it has one, for the start page (UX-2). */
public record PlacementTask(String caseNumber, String what, LocalDate dueOn, boolean overdue, String link) {}
