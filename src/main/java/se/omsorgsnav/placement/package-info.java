/**
 * Nursing-home placement from decision to execution (BoSam, seed 003, PLC-1..PLC-13), role by role:
 * <ul>
 * <li>the case officer signs the decision ({@link se.omsorgsnav.placement.Decisions}); BOSAM gets the
 * structured message, the decision waits in the housing queue with its waiting days;</li>
 * <li>each home's unit manager keeps its apartments and reports vacancies
 * ({@link se.omsorgsnav.placement.Apartments}, {@link se.omsorgsnav.placement.Vacancies}): a death or
 * move-out becomes the death/move-out message to the coordinators and the fee officers, a death
 * reported after the next working day is late;</li>
 * <li>the coordinator allocates ({@link se.omsorgsnav.placement.Allocations}; unique constraints make
 * it once, even at the same moment), the agreed offer-maker records the offer and the answer
 * ({@link se.omsorgsnav.placement.Offers}: one working day to answer, move-in within seven days,
 * rent from acceptance, the move-in or decline message to BOSAM and the case officer, the case
 * journal), the admin assistant executes by the next working day
 * ({@link se.omsorgsnav.placement.Executions}) and the person becomes the apartment's tenant
 * ({@link se.omsorgsnav.placement.Tenancies}) until the home reports it vacant again;</li>
 * <li>the case officer is reminded to close other services before the move-in
 * ({@link se.omsorgsnav.placement.CaseOfficerReminders}); the IVO list of decisions not executed in
 * three months; respite places booked without names ({@link se.omsorgsnav.placement.RespiteBookings});
 * the managers' trends ({@link se.omsorgsnav.placement.PlacementStatistics}, UX-3).</li>
 * </ul>
 * Every deadline comes from the shared Swedish working-day calendar and is stored with its rule.
 * Publishes {@link se.omsorgsnav.placement.DecisionSigned}, {@link se.omsorgsnav.placement.VacancyReported},
 * {@link se.omsorgsnav.placement.OfferAnswered} and {@link se.omsorgsnav.placement.DecisionExecuted}
 * inside the transactions that decide them; reacts to the register's
 * {@link se.omsorgsnav.person.PersonDied} after commit (the decision leaves the queue, a tenant's
 * death becomes the home's task to report the apartment by the next working day).
 * <p>
 * Access is the catalogue {@link se.omsorgsnav.placement.PlacementAction}, decided by
 * {@code access.AccessControl} on targets built from today's case facts (the case directory) —
 * no role check of its own. A decision and an allocation move only as
 * {@link se.omsorgsnav.placement.DecisionStatus} and {@link se.omsorgsnav.placement.AllocationStatus}
 * allow, over the version they were read at. Cases, users and units are asked of
 * {@code access.CaseDirectory} and {@code access.StaffDirectory} in one batch per list; the case
 * table is still joined where it is a list's filter (the case officer's move-in reminders), the
 * unit table where a list sorts by the home's name (the vacant apartments) or asks which units
 * are nursing homes. Depends on audit for the rows its lists show (one batch per list) and the
 * death listener's system events.
 * <p>
 * Must never: show a person other than through the disclosure gate (lists and messages carry the
 * case number); show a protected person's placement — home, apartment, rent, ready, offer and
 * move-in dates, who booked or handled it — to anyone without a valid authorisation for her case
 * (the home's own staff see their apartment taken under a case number; issue 14 §2); let anyone
 * make or record a protected person's offer, allocation or execution without one; put a name in a
 * respite booking; report on an apartment of another home; put a person or a case number in the
 * statistics.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"casework", "messaging", "person", "access", "audit", "shared"})
package se.omsorgsnav.placement;
