-- The CCAM acts imported from an extract of the classification (ATIH / ameli), offered when an
-- administrator gives an exam type its CCAM code (exam_type.ccam_code, which stays free of a foreign
-- key: a code set by hand or kept from an older extract stays valid).
create table ccam_act (
  code   varchar(7)    not null primary key,
  label  varchar(1000) not null
);
