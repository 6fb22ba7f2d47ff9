-- Prefix search (like 'andersson%') can use a plain b-tree index only under the C collation; the
-- pattern operator classes make it use one under any collation (sv_SE in production, C.UTF-8 on
-- the benchmark machines), so a common name is an index range, not a scan of every person. The
-- other name and the id ride along, so the range is read from the index alone.
create index person_last_name_pattern on person (last_name_search varchar_pattern_ops, first_name_search) include (id);
create index person_first_name_pattern on person (first_name_search varchar_pattern_ops, last_name_search) include (id);
