/**
 * Users, roles and units, and the decision whether a user may see a protected person:
 * {@link se.omsorgsnav.access.CaseAuthorizations} holds the personal, case-specific,
 * time-limited authorisations (PROT-3, PROT-6) and answers for a whole list in one query.
 * Implements PROT-9 in the decision itself: a fee officer's authorisation never counts, whatever
 * the table holds. Also owns login (passwords hashed, throttled).
 * <p>
 * Must never: decide from anything but an authorisation that is valid today and not revoked;
 * depend on the modules it protects (they ask it, it never asks them).
 */
package se.omsorgsnav.access;
