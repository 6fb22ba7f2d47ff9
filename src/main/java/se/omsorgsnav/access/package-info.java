/**
 * <b>The access catalogue</b> ({@link se.omsorgsnav.access.AccessControl}): every action on personal
 * data is a named {@link se.omsorgsnav.access.Action} of a module's catalogue enum, its rule built
 * from {@link se.omsorgsnav.access.Rule}'s vocabulary (role, own unit, case officer, valid
 * authorisation for the case, PIN confirmed, grant right, agreed offer maker, named user) and
 * decided on a {@link se.omsorgsnav.access.Target}'s facts. {@code require} audits a denial in its
 * own transaction and an allowed action in the caller's; {@code has}, {@code filter} and
 * {@code permitted} shape answers. No module writes a role check or a denial of its own.
 * <p>
 * Its own catalogues: {@link se.omsorgsnav.access.AccessAction} (the access workflow, step-up)
 * and {@link se.omsorgsnav.access.AuditLogAction} (who may read the audit log, declared here
 * because audit may depend on nothing but shared; the shell asks before calling audit, and
 * {@code AuditClearance} answers audit's {@link se.omsorgsnav.audit.ReviewerClearance}).
 * <p>
 * Users, roles and units, and the decision whether a user may see a protected person:
 * {@link se.omsorgsnav.access.CaseAuthorizations} holds the personal, case-specific,
 * time-limited authorisations (PROT-3, PROT-6) and answers for a whole list in one query.
 * Implements PROT-9 in the decision itself: a fee officer's authorisation never counts, whatever
 * the table holds. Also owns login (passwords hashed, throttled), step-up with a personal PIN
 * ({@link se.omsorgsnav.access.StepUp}, PROT-10), and the access workflow: a unit manager's
 * order ({@link se.omsorgsnav.access.AuthorizationRequests}, PROT-8) and LVS's grant, refusal,
 * revocation and expiry ({@link se.omsorgsnav.access.AuthorizationAdministration}, PROT-6, 7, 9,
 * 15), each transition audited. What it needs to know about cases it asks through
 * {@link se.omsorgsnav.access.CaseDirectory}, which casework implements.
 * <p>
 * Must never: decide from anything but an authorisation that is valid today and not revoked;
 * depend on the modules it protects (they ask it, it never asks them).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "shared"})
package se.omsorgsnav.access;
