package se.omsorgsnav.messaging;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A group message that nobody in the group has read (or archived) by the end of the working day
 * after the day it came (MSG-6): shown to whoever answers for the group. Subject and case number
 * only; both are guarded, so they never name a protected person.
 */
public record UnreadReminder(UUID messageId, String group, String subject, String caseNumber, OffsetDateTime sentAt, LocalDate dueOn,
                             long members) {}
