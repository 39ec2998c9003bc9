-- National identifiers with "/" (structure-scoped, e.g. 500000001815646/CPAT00045 in the ANS proxy
-- e-Santé's tests, ansforge/psc-edc-proxy-esante) are longer than 20 characters.
alter table psc_session alter column national_id set data type varchar(40);
alter table user_external_identity alter column national_id set data type varchar(40);
