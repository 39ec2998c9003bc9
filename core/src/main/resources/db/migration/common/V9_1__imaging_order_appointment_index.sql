-- The agenda reads each appointment's order (accession number) and a move reschedules the
-- order's steps: both look orders up by appointment.
create index imaging_order_appointment_ix on imaging_order (appointment_id);
