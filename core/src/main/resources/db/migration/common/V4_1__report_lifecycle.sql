-- Report lifecycle (issue 4): per-version visibility for the patient, the reason given when a
-- version is amended or retracted, when it was retracted, and the CDA id it replaces.
alter table report_version add column invisible_to_patient boolean default false not null;
alter table report_version add column status_reason varchar(1000);
alter table report_version add column retracted_at timestamp with time zone;
alter table report_version add column replaces_document_uid varchar(64);
