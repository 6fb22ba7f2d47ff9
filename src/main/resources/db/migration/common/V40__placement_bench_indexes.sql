-- Placement at the size of Stockholm (issue 7, bench/README.md): indexes for the matching page.
-- Which apartments are vacant is decided per apartment from its latest vacancy report and its
-- latest accepted allocation: with these each is read from the end of an index range (and the
-- ready date of the reports since from the same vacancy index), whatever ten years of history
-- the apartment has.
create index vacancy_apartment_reported on vacancy (apartment_id, reported_at, ready_on);
create index allocation_accepted_apartment on allocation (status, apartment_id, allocated_at);
-- The longest waiting of one care profile: the first rows of one index range.
create index placement_decision_profile_queue on placement_decision (status, care_profile, decided_on, id);
