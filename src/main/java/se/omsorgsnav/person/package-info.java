/**
 * The person register: persons, their protection level (PROT-1), agreed alias (PROT-13),
 * relations (relatives, co-residents, contact persons) and date of death — and the
 * <b>disclosure gate</b>, {@link se.omsorgsnav.person.PersonDisclosure}, the only door through which
 * person data leaves this module.
 * <p>
 * The gate decides per person, from today's protection (PROT-25): a person is <em>locked</em> when
 * protected, or when linked to a protected person (PROT-5). A locked person is shown in full only
 * to a user with a valid authorisation for a case of hers — or, when she has no protection of her
 * own, for a case of the protected person she is linked to; a linked protected person never
 * unlocks her (PROT-25). To anyone else she is a masked view — birth year, and the agreed alias
 * only for staff of a unit that performs her services ({@link se.omsorgsnav.person.ServingUnits},
 * PROT-13) — and opening her answers "Behörighet saknas" (PROT-4), refused through
 * {@code AccessControl} with a {@link se.omsorgsnav.person.PersonAction} so that it is audited.
 * Protection follows the person, not the case: a closed case changes nothing (PROT-11); it ends
 * when she dies. A name search returns only persons the user may see in full, its limit applied
 * to those (PROT-24). Every view writes an audit event in the same transaction; a list is decided
 * and audited in a constant number of statements.
 * <p>
 * Must never: hand out an entity or a row; store anything about fingerade personuppgifter; put
 * a name or personnummer in a log line or an exception message; depend on the modules that know
 * who serves a person (they implement {@code ServingUnits}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "audit", "shared"})
package se.omsorgsnav.person;
