package se.omsorgsnav.person;

/** Why person data is being disclosed: recorded in the audit event. */
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
    DEVIATION,
    AUDIT_REVIEW,
    AUDIT_REVIEW_EXPORT,
    /** The person of a case a message is sent about, as the sender sees it. */
    MESSAGE_SEND,
    /** A message opened by its sender or a recipient. */
    MESSAGE,
    /** The inbox: the persons of a page of messages. */
    MESSAGE_INBOX,
    /** A case officer signs a decision for a nursing-home place (PLC-1). */
    PLACEMENT_DECISION,
    /** The housing queue (PLC-2). */
    PLACEMENT_QUEUE,
    /** The admin assistant's notice to the property owner: who moves in and from when the lease applies (PLC-8). */
    LANDLORD_NOTICE,
    /** An attachment of a message downloaded by its sender or a recipient. */
    MESSAGE_ATTACHMENT
}
