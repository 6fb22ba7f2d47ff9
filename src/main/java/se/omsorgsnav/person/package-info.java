/**
 * The person register: persons, their protection level (PROT-1), agreed alias (PROT-13),
 * relations (relatives, co-residents, contact persons) and date of death — and the
 * <b>disclosure gate</b>, {@link se.omsorgsnav.person.PersonDisclosure}, the only door through which
 * person data leaves this module.
 * <p>
 * The gate decides per person: a person is <em>locked</em> when protected, or when linked to a
 * protected person (PROT-5). A locked person is shown in full only to a user with a valid
 * authorisation for a case of that person or of the protected person it is linked to; to anyone
 * else as a masked view — birth year, alias if agreed, nothing else (PROT-3, PROT-13) — and
 * opening it answers "Behörighet saknas" (PROT-4). Protection follows the person, not the case:
 * a closed case changes nothing (PROT-11). Every view writes an audit event in the same
 * transaction; a list is decided and audited in a constant number of statements.
 * <p>
 * Must never: hand out an entity or a row; store anything about fingerade personuppgifter; put
 * a name or personnummer in a log line or an exception message.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "audit", "shared"})
package se.omsorgsnav.person;
