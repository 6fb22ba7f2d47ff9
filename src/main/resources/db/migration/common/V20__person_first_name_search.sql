-- Name search ranges over surnames (person_name_search) and, separately, over first names: a
-- search by a first name or a common surname uses an index either way (bench/README.md).
create index person_first_name_search on person (first_name_search, last_name_search);
