package fr.opaline.core.scheduling;

import static fr.opaline.core.persistence.generated.Tables.APPOINTMENT;

import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.persistence.generated.tables.records.AppointmentRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;

public final class AppointmentRepository {

    private final DSLContext ctx;

    public AppointmentRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    public void insert(Appointment a) {
        ctx.executeInsert(toRecord(a));
    }

    public Appointment update(Appointment a) {
        AppointmentRecord r = toRecord(a);
        r.setRowVersion(a.rowVersion() + 1);
        r.changed(APPOINTMENT.ID, false);
        int n = ctx.update(APPOINTMENT).set(r)
                .where(APPOINTMENT.ID.eq(a.id()).and(APPOINTMENT.ROW_VERSION.eq(a.rowVersion()))).execute();
        if (n != 1) {
            throw new BusinessRuleException("Le rendez-vous a été modifié entre-temps par un autre poste. Actualisez l'agenda.");
        }
        return toDomain(r);
    }

    public Optional<Appointment> findById(UUID id) {
        return ctx.selectFrom(APPOINTMENT).where(APPOINTMENT.ID.eq(id)).fetchOptional(AppointmentRepository::toDomain);
    }

    /** Appointments of the rooms that intersect [from, to), cancelled ones excluded. */
    public List<Appointment> inRange(Collection<UUID> roomIds, Instant from, Instant to) {
        return ctx.selectFrom(APPOINTMENT)
                .where(APPOINTMENT.ROOM_ID.in(roomIds))
                .and(APPOINTMENT.STARTS_AT.lt(to)).and(APPOINTMENT.ENDS_AT.gt(from))
                .and(APPOINTMENT.STATUS.ne(AppointmentStatus.CANCELLED.name()))
                .orderBy(APPOINTMENT.STARTS_AT)
                .fetch(AppointmentRepository::toDomain);
    }

    public List<Appointment> ofPatient(UUID patientId) {
        return ctx.selectFrom(APPOINTMENT).where(APPOINTMENT.PATIENT_ID.eq(patientId))
                .orderBy(APPOINTMENT.STARTS_AT.desc()).fetch(AppointmentRepository::toDomain);
    }

    /** Appointments holding the room between start and end, other than {@code except}. */
    public List<Appointment> conflicts(UUID roomId, Instant start, Instant end, UUID except) {
        Condition condition = APPOINTMENT.ROOM_ID.eq(roomId)
                .and(APPOINTMENT.STARTS_AT.lt(end)).and(APPOINTMENT.ENDS_AT.gt(start))
                .and(APPOINTMENT.STATUS.in(AppointmentStatus.OCCUPYING.stream().map(Enum::name).toList()));
        if (except != null) {
            condition = condition.and(APPOINTMENT.ID.ne(except));
        }
        return ctx.selectFrom(APPOINTMENT).where(condition).orderBy(APPOINTMENT.STARTS_AT)
                .fetch(AppointmentRepository::toDomain);
    }

    AppointmentRecord toRecord(Appointment a) {
        AppointmentRecord r = ctx.newRecord(APPOINTMENT);
        r.setId(a.id());
        r.setPatientId(a.patientId());
        r.setRoomId(a.roomId());
        r.setExamTypeId(a.examTypeId());
        r.setStartsAt(a.startsAt());
        r.setEndsAt(a.endsAt());
        r.setStatus(a.status().name());
        r.setNote(a.note());
        r.setCreatedBy(a.createdBy());
        r.setCreatedAt(a.createdAt());
        r.setRowVersion(a.rowVersion());
        return r;
    }

    static Appointment toDomain(AppointmentRecord r) {
        return new Appointment(r.getId(), r.getPatientId(), r.getRoomId(), r.getExamTypeId(), r.getStartsAt(),
                r.getEndsAt(), AppointmentStatus.valueOf(r.getStatus()), r.getNote(), r.getCreatedBy(), r.getCreatedAt(),
                r.getRowVersion());
    }
}
