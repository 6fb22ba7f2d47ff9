-- Placement statistics (issue 7, UX-3): the managers' charts of the queue, the waiting times and the
-- vacant apartment-days read only the rows of the chosen period, each through an index.
-- Queue at month end: the decisions executed within the period (the open ones use placement_decision_queue).
create index placement_decision_executed on placement_decision (status, executed_on);
-- Waiting time to the first offer: the offers made within the period.
create index allocation_offered on allocation (offered_on);
-- Waiting time to move-in: the accepted allocations moving in within the period.
create index allocation_move_in on allocation (status, move_in_on);
-- Vacant apartment-days: the next accepted move-in into the apartment after it was ready.
create index allocation_apartment_move_in on allocation (apartment_id, status, move_in_on);
-- The nursing homes, by name, for the per-home table.
create index unit_kind on unit (kind, name);
