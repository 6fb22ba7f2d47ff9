-- Placement at the size of Stockholm (issue 7, bench/README.md): indexes for the matching page.
-- Which apartments are vacant needs each apartment's latest accepted allocation: read in
-- apartment order from this index alone (no table rows), instead of from every allocation row.
create index allocation_accepted_apartment on allocation (status, apartment_id, allocated_at);
-- The longest waiting of one care profile: the first rows of one index range.
create index placement_decision_profile_queue on placement_decision (status, care_profile, decided_on, id);
