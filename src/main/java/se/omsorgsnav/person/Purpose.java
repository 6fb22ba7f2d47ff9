package se.omsorgsnav.person;

/**
 * Why person data is being disclosed through the gate: recorded in the audit event. An action
 * decided by {@code AccessControl} is audited under its catalogue name instead (issue 14), so a
 * purpose stays here only while a gate call still names it.
 */
public enum Purpose {
    SEARCH,
    PERSON_PAGE,
    CASE_PAGE,
    CASE_LIST,
    START_PAGE,
    API_LOOKUP,
    REGISTRATION,
    NEW_CASE,
    ACCESS_EXTRACT,
    ACCESS_EXTRACT_EXPORT,
    AUDIT_REVIEW,
    AUDIT_REVIEW_EXPORT,
    /** A message opened by its sender or a recipient. */
    MESSAGE,
    /** The inbox: the persons of a page of messages. */
    MESSAGE_INBOX,
    /** The housing queue (PLC-2). */
    PLACEMENT_QUEUE,
    /** The admin assistant's notice to the property owner: who moves in and from when the lease applies (PLC-8). */
    LANDLORD_NOTICE
}
