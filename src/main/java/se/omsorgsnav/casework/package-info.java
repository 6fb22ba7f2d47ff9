/**
 * Cases ("ärenden"): a case number that never carries any part of a personnummer, the person, the
 * responsible unit and case officer, and the status; closing a case (PROT-15); the case journal
 * (append-only); the unit manager's decision on lokalt skydd with its follow-up (PROT-2);
 * deviations, on the case or "ej person" and attached later (PROT-16); LVS's intake of a protected
 * person who had no case before, which registers the person, opens the case and authorises its
 * receiver in one transaction (PROT-7, 002 §2.4, {@code Intakes}). It answers the access module's
 * questions about cases ({@code CaseDirectoryAdapter}). Later: the ordinary intake, decisions,
 * orders, execution and the protection checklist.
 * <p>
 * Every action on a case is a {@link se.omsorgsnav.casework.CaseworkAction} decided by
 * {@code AccessControl} on the case's facts as they are today. The person on a case is shown only
 * through the disclosure gate; opening a case of a person locked for the user answers "Behörighet
 * saknas" (PROT-4), also when the case is closed (PROT-11), and alike when the case does not exist
 * (PROT-24). An authorisation opens the case it names: a locked person's other cases show number,
 * unit and status only — no subject, officer, dates or journal (PROT-26).
 * <p>
 * Must never: read the person tables; put a personnummer, or a locked person's name, into a case
 * number, a case's subject or a URL.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"person", "access", "audit", "shared"})
package se.omsorgsnav.casework;
