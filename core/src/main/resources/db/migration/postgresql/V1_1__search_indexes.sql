-- Prefix search on names: varchar_pattern_ops lets LIKE 'ABC%' use the index whatever the
-- database collation is (a plain b-tree only serves LIKE under the C collation).
create index patient_search_birth_ix on patient (search_birth_name varchar_pattern_ops);
create index patient_search_used_ix on patient (search_used_name varchar_pattern_ops);
