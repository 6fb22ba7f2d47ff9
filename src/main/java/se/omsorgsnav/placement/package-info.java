/**
 * Nursing-home placement from decision to execution (BoSam, seed 003, PLC-1..PLC-13). Slice 1:
 * the homes' apartments, kept by each home's unit manager (number, care profile, remarks such as
 * "litet badrum", rent), and the vacancies they report — death, move-out or renovation, with the
 * date the apartment can be offered. A death or move-out report becomes the structured
 * death/move-out message to the placement coordinators and the fee officers (seed 000), through
 * the messaging module's public API, in the same transaction; a death reported after the next
 * working day is marked late, with the rule stored beside the date.
 * <p>
 * {@link se.omsorgsnav.placement.PlacementStatistics} gives the managers' trends (UX-3): the queue at
 * month ends, waiting times and vacant apartment-days, one index-served statement per series.
 * <p>
 * Must never: show a person other than through the disclosure gate (the departing tenant is named
 * by the case number); report on an apartment of another home; put a
 * person or a case number in the statistics.
 */
package se.omsorgsnav.placement;
