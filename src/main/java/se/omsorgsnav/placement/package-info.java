/**
 * Nursing-home placement from decision to execution (BoSam, seed 003, PLC-1..PLC-13). Slice 1:
 * the homes' apartments, kept by each home's unit manager (number, care profile, remarks such as
 * "litet badrum", rent), and the vacancies they report — death, move-out or renovation, with the
 * date the apartment can be offered. A death or move-out report becomes the structured
 * death/move-out message to the placement coordinators and the fee officers (seed 000), through
 * the messaging module's public API, in the same transaction; a death reported after the next
 * working day is marked late, with the rule stored beside the date.
 * <p>
 * Must never: show a person other than through the disclosure gate (the departing tenant is named
 * by the case number); report on an apartment of another home.
 */
package se.omsorgsnav.placement;
