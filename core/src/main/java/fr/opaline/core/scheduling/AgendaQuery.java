package fr.opaline.core.scheduling;

import static fr.opaline.core.persistence.generated.Tables.APPOINTMENT;
import static fr.opaline.core.persistence.generated.Tables.IMAGING_ORDER;
import static fr.opaline.core.persistence.generated.Tables.PATIENT;

import fr.opaline.core.patient.PatientRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Reads the agenda of some rooms over a period in one query (appointments, patients, accession numbers).
 * Columns are selected flat: nested-record aliases would need quoted names, which Opaline does not render.
 */
public final class AgendaQuery {

    private final DSLContext ctx;

    public AgendaQuery(DSLContext ctx) {
        this.ctx = ctx;
    }

    /** Appointments of the rooms that intersect [from, to), cancelled ones excluded, by start time. */
    public List<AgendaEntry> between(Collection<UUID> roomIds, Instant from, Instant to) {
        if (roomIds.isEmpty()) {
            return List.of();
        }
        return ctx.select(APPOINTMENT.fields()).select(PATIENT.fields()).select(IMAGING_ORDER.ACCESSION_NUMBER)
                .from(APPOINTMENT)
                .join(PATIENT).on(PATIENT.ID.eq(APPOINTMENT.PATIENT_ID))
                .leftJoin(IMAGING_ORDER).on(IMAGING_ORDER.APPOINTMENT_ID.eq(APPOINTMENT.ID))
                .where(APPOINTMENT.ROOM_ID.in(roomIds))
                .and(APPOINTMENT.STARTS_AT.lt(to)).and(APPOINTMENT.ENDS_AT.gt(from))
                .and(APPOINTMENT.STATUS.ne(AppointmentStatus.CANCELLED.name()))
                .orderBy(APPOINTMENT.STARTS_AT, APPOINTMENT.ID)
                .fetch(r -> new AgendaEntry(AppointmentRepository.toDomain(r.into(APPOINTMENT)),
                        PatientRepository.toDomain(r.into(PATIENT)), r.get(IMAGING_ORDER.ACCESSION_NUMBER)));
    }
}
