-- Preparation instructions printed on the convocation letter (issue 24), one text per exam type,
-- typed by the practice in Administration; no row: nothing printed. Kept apart from exam_type so
-- that the exam type record (and its CCAM code, V24_20) is not changed by the printing work.
create table exam_preparation (
  exam_type_id  uuid           not null primary key,
  instructions  varchar(4000)  not null,
  updated_at    timestamp with time zone not null,
  updated_by    varchar(100)   not null,
  constraint exam_preparation_exam_type_fk foreign key (exam_type_id) references exam_type (id) on delete cascade
);
