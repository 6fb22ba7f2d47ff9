/**
 * Values used everywhere: {@link se.omsorgsnav.shared.PersonalIdentityNumber},
 * {@link se.omsorgsnav.shared.CaseNumber} and the domain's input error; what counts as the database
 * being unavailable ({@link se.omsorgsnav.shared.DatabaseUnreachable}, answered 503 everywhere) and
 * how long the pool waits for PostgreSQL ({@code DatabaseTimeouts}). Depends on nothing.
 * A value here is valid once constructed, and its {@code toString()} never reveals a full
 * personnummer (AUD-5).
 * <p>
 * {@link se.omsorgsnav.shared.IdempotentRequests} is here because every module that creates over
 * the API needs the same rule (issue 15: a creating call takes an idempotency key, and a retry
 * gets the first result): one table and one component, called by each creating service inside its
 * own transaction, rather than a key column and the same code on a dozen business tables.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package se.omsorgsnav.shared;
