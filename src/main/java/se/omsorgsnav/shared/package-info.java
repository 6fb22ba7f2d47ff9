/**
 * Values used everywhere: {@link se.omsorgsnav.shared.PersonalIdentityNumber},
 * {@link se.omsorgsnav.shared.CaseNumber} and the domain's input error; what counts as the database
 * being unavailable ({@link se.omsorgsnav.shared.DatabaseUnreachable}, answered 503 everywhere) and
 * how long the pool waits for PostgreSQL ({@code DatabaseTimeouts}). Depends on nothing.
 * A value here is valid once constructed, and its {@code toString()} never reveals a full
 * personnummer (AUD-5).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package se.omsorgsnav.shared;
