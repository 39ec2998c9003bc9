-- Modalities query the worklist by Patient ID (the IPP) without its issuer: the unique key
-- (ipp_issuer, ipp) cannot serve that lookup, this index does.
create index patient_ipp_ix on patient (ipp);
