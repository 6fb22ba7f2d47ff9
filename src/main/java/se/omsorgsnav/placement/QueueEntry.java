package se.omsorgsnav.placement;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A decision waiting in the housing queue (PLC-2): the person as the gate shows them to this
 * reader, and the waiting days since the decision. Where she stays now (own home, short stay,
 * hospital), whether someone moves with her, wishes, special reasons and the relative contact may
 * locate a protected person: for a reader to whom the person is masked they are withheld (null,
 * {@code withheld}).
 */
public record QueueEntry(UUID decisionId, String caseNumber, String personName, String personalIdentityNumber, boolean masked,
                         CareProfile careProfile, LocalDate decidedOn, long waitingDays, String currentResidence, Boolean coResident,
                         String wishes, String specialReasons, String relativeContact, boolean withheld) {}
