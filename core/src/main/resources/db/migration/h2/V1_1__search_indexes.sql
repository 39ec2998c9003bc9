-- Prefix search on names (H2 uses ordinary b-tree indexes for LIKE 'ABC%').
create index patient_search_birth_ix on patient (search_birth_name);
create index patient_search_used_ix on patient (search_used_name);
